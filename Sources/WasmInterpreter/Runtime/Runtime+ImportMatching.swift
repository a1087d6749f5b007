import WasmBinary

/// Import matching with the subtyping of WebAssembly 3.0: a provided function, global or table
/// matches an import when its type matches the declared one, comparing types by their runtime
/// ids (`CanonicalTypes`), so that equivalent types of different modules are the same type.
/// <https://webassembly.github.io/spec/core/valid/matching.html#external-types>
extension Runtime {
    /// A function matches when its type is the declared type or a declared subtype of it.
    func matches(_ function: Function, typeID expected: Int) -> Bool {
        canonicalTypes.isSubtype(records[Int(function.address.rawValue)].typeID, of: expected)
    }

    /// An immutable global matches when its value type is a subtype of the declared one; a
    /// mutable global (which can be written from both sides) only when the types are equal.
    func matches(_ global: Global, _ declared: GlobalType, typeIDs: [Int]) -> Bool {
        guard global.type.mutability == declared.mutability else { return false }
        let expected = declared.valueType.canonical(typeIDs)
        if declared.mutability == .variable { return global.canonicalValueType == expected }
        return canonicalTypes.matches(global.canonicalValueType, expected)
    }

    /// A table matches when its element type equals the declared one (tables can be written from
    /// both sides); its limits are checked separately.
    func matches(_ table: Table, _ declared: TableType, typeIDs: [Int]) -> Bool {
        guard table.type.addressType == declared.addressType else { return false }
        let expected = ValueType.ref(declared.elementType).canonical(typeIDs)
        return ValueType.ref(table.canonicalElementType) == expected
    }
}
