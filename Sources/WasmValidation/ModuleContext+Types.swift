import WasmBinary

/// The type section: each recursion group's types are valid, their declared supertypes match,
/// and equivalent types (the same structure in equivalent groups) get the same canonical id.
/// <https://webassembly.github.io/spec/core/valid/types.html#recursive-types>
extension ModuleContext {
    /// Validates every type and returns each type index's canonical id.
    static func validateTypes(_ types: [DefinedType]) throws(ValidationError) -> [Int] {
        var canonicalIDs = [Int](repeating: 0, count: types.count)
        var groups: [[Int]: Int] = [:]
        var nextID = 0
        var start = 0
        while start < types.count {
            let size = max(1, Int(types[start].groupSize))
            let end = min(start + size, types.count)
            for index in start..<end {
                try validateDefinedType(types[index], index: index, groupEnd: end, types: types, canonicalIDs: canonicalIDs)
            }
            let key = recursionGroupKey(types, group: start..<end, canonicalIDs: canonicalIDs)
            let base: Int
            if let existing = groups[key] {
                base = existing
            } else {
                base = nextID
                groups[key] = base
                nextID += end - start
            }
            for index in start..<end { canonicalIDs[index] = base + (index - start) }
            for index in start..<end {
                try validateSupertypes(of: types[index], index: index, types: types, canonicalIDs: canonicalIDs)
            }
            start = end
        }
        return canonicalIDs
    }

    /// A type's value types refer to types defined before its group ends; struct and array types
    /// need garbage collection.
    private static func validateDefinedType(
        _ type: DefinedType, index: Int, groupEnd: Int, types: [DefinedType], canonicalIDs: [Int]
    ) throws(ValidationError) {
        guard type.supertypes.count <= 1 else { throw ValidationError("multiple supertypes: type \(index)") }
        switch type.composite {
        case .function(let function):
            for value in function.parameters { try validate(value, typeCount: groupEnd) }
            for value in function.results { try validate(value, typeCount: groupEnd) }
        case .struct, .array:
            throw ValidationError.unsupported("struct and array types need garbage collection (type \(index))")
        }
    }

    /// The declared supertype comes earlier, is not final, and the type matches it.
    /// <https://webassembly.github.io/spec/core/valid/types.html#sub-types>
    private static func validateSupertypes(
        of type: DefinedType, index: Int, types: [DefinedType], canonicalIDs: [Int]
    ) throws(ValidationError) {
        guard let supertype = type.supertypes.first else { return }
        guard Int(supertype) < index else { throw ValidationError("sub type \(index) has a supertype \(supertype) that is not defined before it") }
        let parent = types[Int(supertype)]
        guard !parent.isFinal else { throw ValidationError("sub type \(index) extends final type \(supertype)") }
        guard case .function(let child) = type.composite, case .function(let parentFunction) = parent.composite else {
            throw ValidationError("sub type \(index) does not match its supertype \(supertype)")
        }
        let matcher = TypeMatcher(types: types, canonicalIDs: canonicalIDs)
        guard matcher.matches(child, parentFunction) else {
            throw ValidationError("sub type \(index) does not match its supertype \(supertype)")
        }
    }

    /// A value type is valid when its heap type (if any) is a known type index, or abstract and
    /// not one of garbage collection.
    static func validate(_ type: ValueType, typeCount: Int) throws(ValidationError) {
        guard case .ref(let reference) = type else { return }
        try validate(reference.heapType, typeCount: typeCount)
    }

    static func validate(_ heapType: HeapType, typeCount: Int) throws(ValidationError) {
        if case .concrete(let index) = heapType {
            guard Int(index) < typeCount else { throw ValidationError("unknown type \(index)") }
        } else if heapType.needsGarbageCollection {
            throw ValidationError.unsupported("the heap type \(heapType) needs garbage collection")
        }
    }

    /// Validates a value type against this module's types.
    func validate(_ type: ValueType) throws(ValidationError) {
        try Self.validate(type, typeCount: typeCount)
    }

    /// The identity of the recursion group `types[group]`: its shape, with references inside the
    /// group by position and references to earlier types by `canonicalIDs` (which must hold the
    /// ids of every type before the group). Equal keys mean equivalent groups. A runtime that
    /// links several modules gives types runtime-wide ids with the same key, its own ids passed
    /// as `canonicalIDs`.
    /// <https://webassembly.github.io/spec/core/valid/conventions.html#rolling-and-unrolling>
    public static func recursionGroupKey(_ types: [DefinedType], group: Range<Int>, canonicalIDs: [Int]) -> [Int] {
        var key: [Int] = [group.count]
        for index in group {
            appendShape(of: types[index], groupStart: group.lowerBound, canonicalIDs: canonicalIDs, to: &key)
        }
        return key
    }

    /// Appends a type's shape to a recursion group's key.
    private static func appendShape(of type: DefinedType, groupStart: Int, canonicalIDs: [Int], to key: inout [Int]) {
        key.append(type.isFinal ? 1 : 0)
        key.append(type.supertypes.count)
        for supertype in type.supertypes { appendReference(Int(supertype), groupStart: groupStart, canonicalIDs: canonicalIDs, to: &key) }
        switch type.composite {
        case .function(let function):
            key.append(-1)
            key.append(function.parameters.count)
            for value in function.parameters { appendShape(of: value, groupStart: groupStart, canonicalIDs: canonicalIDs, to: &key) }
            key.append(function.results.count)
            for value in function.results { appendShape(of: value, groupStart: groupStart, canonicalIDs: canonicalIDs, to: &key) }
        case .struct(let fields):
            key.append(-2)
            key.append(fields.count)
            for field in fields { appendShape(of: field, groupStart: groupStart, canonicalIDs: canonicalIDs, to: &key) }
        case .array(let field):
            key.append(-3)
            appendShape(of: field, groupStart: groupStart, canonicalIDs: canonicalIDs, to: &key)
        }
    }

    private static func appendShape(of field: FieldType, groupStart: Int, canonicalIDs: [Int], to key: inout [Int]) {
        key.append(field.mutability == .variable ? 1 : 0)
        switch field.storage {
        case .i8: key.append(-20)
        case .i16: key.append(-21)
        case .value(let value): appendShape(of: value, groupStart: groupStart, canonicalIDs: canonicalIDs, to: &key)
        }
    }

    private static func appendShape(of value: ValueType, groupStart: Int, canonicalIDs: [Int], to key: inout [Int]) {
        switch value {
        case .i32: key.append(-10)
        case .i64: key.append(-11)
        case .f32: key.append(-12)
        case .f64: key.append(-13)
        case .v128: key.append(-14)
        case .ref(let reference):
            key.append(reference.isNullable ? -15 : -16)
            if case .concrete(let index) = reference.heapType {
                appendReference(Int(index), groupStart: groupStart, canonicalIDs: canonicalIDs, to: &key)
            } else {
                key.append(-100 - Int(OperandType.heapCode(of: reference.heapType)))
            }
        }
    }

    /// A type reference: inside the group by its position (`-1000 - position`), outside it by the
    /// referenced type's canonical id.
    private static func appendReference(_ index: Int, groupStart: Int, canonicalIDs: [Int], to key: inout [Int]) {
        if index >= groupStart {
            key.append(-1000 - (index - groupStart))
        } else {
            key.append(canonicalIDs[index])
        }
    }
}

/// Subtyping between value, reference and function types of one module (or of a runtime's
/// canonical types, whose `canonicalIDs` are their own indices).
/// <https://webassembly.github.io/spec/core/valid/matching.html>
public struct TypeMatcher {
    let types: [DefinedType]
    let canonicalIDs: [Int]

    /// A matcher for `types`, where `canonicalIDs[i]` is the identity of `types[i]`.
    public init(types: [DefinedType], canonicalIDs: [Int]) {
        self.types = types
        self.canonicalIDs = canonicalIDs
    }

    /// `a <: b` for value types whose type indices refer to `types`.
    public func matches(_ a: ValueType, _ b: ValueType) -> Bool {
        a == b || matches(OperandType(a), OperandType(b))
    }

    /// `$a <: $b` for the defined types at indices `a` and `b` of `types`.
    public func matchesDefinedType(_ a: Int, _ b: Int) -> Bool {
        isSubtype(a, of: b)
    }

    /// `a <: b` for function types: parameters contravariant, results covariant.
    func matches(_ a: FunctionType, _ b: FunctionType) -> Bool {
        guard a.parameters.count == b.parameters.count, a.results.count == b.results.count else { return false }
        for (x, y) in zip(a.parameters, b.parameters) where !matches(OperandType(y), OperandType(x)) { return false }
        for (x, y) in zip(a.results, b.results) where !matches(OperandType(x), OperandType(y)) { return false }
        return true
    }

    /// `a <: b` for operand types (`unknown` matches everything).
    func matches(_ a: OperandType, _ b: OperandType) -> Bool {
        if a == b || a == .unknown { return true }
        guard a.isReference, b.isReference else { return false }
        if a.isNullable && !b.isNullable { return false }
        return matchesHeap(a.heapCode, b.heapCode)
    }

    /// `a <: b` for heap types, by heap code.
    func matchesHeap(_ a: UInt32, _ b: UInt32) -> Bool {
        typealias Code = OperandType.HeapCode
        if a == b || a == Code.bot { return true }
        let aIndex = a >= Code.firstTypeIndex ? Int(a - Code.firstTypeIndex) : nil
        let bIndex = b >= Code.firstTypeIndex ? Int(b - Code.firstTypeIndex) : nil
        if let aIndex, let bIndex { return isSubtype(aIndex, of: bIndex) }
        if let aIndex {
            // A defined type below an abstract one.
            switch types[aIndex].composite {
            case .function: return b == Code.function
            case .struct: return b == Code.struct || b == Code.eq || b == Code.any
            case .array: return b == Code.array || b == Code.eq || b == Code.any
            }
        }
        if let bIndex {
            // A bottom type below a defined one.
            switch types[bIndex].composite {
            case .function: return a == Code.noFunc
            case .struct, .array: return a == Code.noAny
            }
        }
        switch b {
        case Code.function: return a == Code.noFunc
        case Code.extern: return a == Code.noExtern
        case Code.exn: return a == Code.noExn
        case Code.any: return a == Code.eq || a == Code.i31 || a == Code.struct || a == Code.array || a == Code.noAny
        case Code.eq: return a == Code.i31 || a == Code.struct || a == Code.array || a == Code.noAny
        case Code.i31, Code.struct, Code.array: return a == Code.noAny
        default: return false
        }
    }

    /// `$a <: $b`: the same canonical type, or `$b` among `$a`'s declared supertypes (transitively).
    func isSubtype(_ a: Int, of b: Int) -> Bool {
        let target = canonicalIDs[b]
        var current = a
        while true {
            if canonicalIDs[current] == target { return true }
            guard let supertype = types[current].supertypes.first, Int(supertype) < current else { return false }
            current = Int(supertype)
        }
    }
}

extension ModuleContext {
    /// The subtype relation of this module's types.
    var matcher: TypeMatcher { TypeMatcher(types: storage.definedTypes, canonicalIDs: storage.canonicalTypeIDs) }

    /// `a <: b` for value types of this module.
    public func isSubtype(_ a: ValueType, of b: ValueType) -> Bool {
        a == b || matcher.matches(OperandType(a), OperandType(b))
    }

    /// Whether every type of `a` is a subtype of the corresponding type of `b` (same length).
    public func isSubtype(_ a: [ValueType], of b: [ValueType]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { isSubtype($0, of: $1) }
    }

    /// The canonical identity of a type index: equal for equivalent types.
    public func canonicalTypeID(of typeIndex: UInt32) -> Int? {
        let ids = storage.canonicalTypeIDs
        return Int(typeIndex) < ids.count ? ids[Int(typeIndex)] : nil
    }
}

extension ValidationError {
    /// An error for something valid that this engine does not implement.
    static func unsupported(_ feature: String) -> ValidationError {
        var error = ValidationError("unsupported: \(feature)")
        error.isUnsupported = true
        return error
    }
}
