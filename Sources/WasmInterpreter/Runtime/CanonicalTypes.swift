import WasmBinary
import WasmValidation

/// The type identities of one runtime: every defined type of every module instantiated in it,
/// and every host function's signature, has a runtime-wide id, shared exactly by equivalent types
/// (the same structure in an equivalent recursion group). Function references, `call_indirect`
/// and imports compare these ids.
///
/// The ids are found with the validator's recursion-group key
/// (`ModuleContext.recursionGroupKey`), given runtime ids for references outside a group, and
/// subtyping is the validator's `TypeMatcher` over the runtime's own list of types: each type is
/// kept with its type indices (supertypes and concrete heap types) replaced by runtime ids, so
/// the list is a type section whose canonical ids are its indices. A declared supertype always
/// has a smaller id than its subtype (it is in an earlier group, or earlier in the same one), as
/// the matcher requires.
/// <https://webassembly.github.io/spec/core/valid/conventions.html#rolling-and-unrolling>
struct CanonicalTypes {
    /// The types by runtime id, their type indices replaced by runtime ids.
    private(set) var types: [DefinedType] = []
    /// `0..<types.count`: each runtime type is its own canonical identity.
    private var identities: [Int] = []
    /// The first runtime id of each recursion group, by the group's key.
    private var groups: [[Int]: Int] = [:]

    /// The runtime ids of a validated module's types, by type index (adding the groups not seen yet).
    mutating func ids(of moduleTypes: [DefinedType]) -> [Int] {
        var ids = [Int](repeating: 0, count: moduleTypes.count)
        var start = 0
        while start < moduleTypes.count {
            let end = min(start + max(1, Int(moduleTypes[start].groupSize)), moduleTypes.count)
            let key = ModuleContext.recursionGroupKey(moduleTypes, group: start..<end, canonicalIDs: ids)
            let base: Int
            if let existing = groups[key] {
                base = existing
            } else {
                base = types.count
                groups[key] = base
                let knownIDs = ids
                for index in start..<end {
                    let runtimeType = moduleTypes[index].mappingTypeIndices { typeIndex in
                        let position = Int(typeIndex)
                        return UInt32(position >= start ? base + (position - start) : knownIDs[position])
                    }
                    types.append(runtimeType)
                    identities.append(types.count - 1)
                }
            }
            for index in start..<end { ids[index] = base + (index - start) }
            start = end
        }
        return ids
    }

    /// The runtime id of a host function's signature: a final function type in a group of its
    /// own, as a 2.0 module declares it (so the two get the same id). Its reference types are
    /// abstract: a host has no type indices to name.
    mutating func id(of function: FunctionType) -> Int {
        ids(of: [DefinedType(function)])[0]
    }

    /// `$a <: $b` for runtime type ids: the same id, or `b` among `a`'s declared supertypes.
    func isSubtype(_ a: Int, of b: Int) -> Bool {
        a == b || TypeMatcher(types: types, canonicalIDs: identities).matchesDefinedType(a, b)
    }

    /// `a <: b` for value types whose type indices are runtime ids.
    func matches(_ a: ValueType, _ b: ValueType) -> Bool {
        a == b || TypeMatcher(types: types, canonicalIDs: identities).matches(a, b)
    }
}

extension DefinedType {
    /// The same type with every type index (supertypes, concrete heap types) passed through `map`.
    func mappingTypeIndices(_ map: (UInt32) -> UInt32) -> DefinedType {
        var mapped = self
        mapped.supertypes = supertypes.map(map)
        switch composite {
        case .function(let function): mapped.composite = .function(function.mappingTypeIndices(map))
        case .struct(let fields): mapped.composite = .struct(fields.map { $0.mappingTypeIndices(map) })
        case .array(let field): mapped.composite = .array(field.mappingTypeIndices(map))
        }
        return mapped
    }
}

extension FunctionType {
    /// The same signature with the type indices of its reference types passed through `map`.
    func mappingTypeIndices(_ map: (UInt32) -> UInt32) -> FunctionType {
        FunctionType(parameters: parameters.map { $0.mappingTypeIndices(map) }, results: results.map { $0.mappingTypeIndices(map) })
    }
}

extension FieldType {
    func mappingTypeIndices(_ map: (UInt32) -> UInt32) -> FieldType {
        guard case .value(let value) = storage else { return self }
        return FieldType(.value(value.mappingTypeIndices(map)), mutability: mutability)
    }
}

extension ValueType {
    /// The same type with a concrete heap type's index passed through `map`.
    func mappingTypeIndices(_ map: (UInt32) -> UInt32) -> ValueType {
        guard case .ref(let reference) = self, case .concrete(let index) = reference.heapType else { return self }
        return .ref(ReferenceType(.concrete(map(index)), isNullable: reference.isNullable))
    }

    /// The type in a runtime's terms: type indices of a module whose runtime ids are `ids`
    /// replaced by those ids.
    func canonical(_ ids: [Int]) -> ValueType {
        mappingTypeIndices { index in Int(index) < ids.count ? UInt32(ids[Int(index)]) : index }
    }
}
