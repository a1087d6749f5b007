/// A function's signature: parameter types to result types.
public struct FunctionType: Hashable, Sendable, CustomStringConvertible {
    /// The parameter types, in order.
    public var parameters: [ValueType]
    /// The result types, in order.
    public var results: [ValueType]

    /// A signature from `parameters` to `results` (by default none of either).
    public init(parameters: [ValueType] = [], results: [ValueType] = []) {
        self.parameters = parameters
        self.results = results
    }

    /// The signature in the text format's style, e.g. `(i32, i32) -> (i64)`.
    public var description: String {
        "(\(parameters.map(\.description).joined(separator: ", "))) -> (\(results.map(\.description).joined(separator: ", ")))"
    }
}

/// One entry of the type section: a composite type (function, struct or array), whether it is
/// final, its declared supertypes, and the recursion group it was defined in.
///
/// A 2.0-style `(type (func ...))` is a final function type with no supertypes in a group of its
/// own. Groups are stored position-independently: a type knows its position in its group and the
/// group's size, so the group starts at `index - positionInGroup`.
/// <https://webassembly.github.io/spec/core/syntax/types.html#recursive-types>
public struct DefinedType: Hashable, Sendable, CustomStringConvertible {
    /// The type's structure.
    public var composite: CompositeType
    /// False for `sub` without `final`: other types may declare this one as their supertype.
    public var isFinal: Bool
    /// Declared supertypes by type index (validation allows at most one).
    public var supertypes: [UInt32]
    /// Where the type sits in its recursion group (0 for the first type).
    public var positionInGroup: UInt32
    /// How many types the recursion group has (1 for a type outside `rec`).
    public var groupSize: UInt32

    /// A type from its parts.
    public init(_ composite: CompositeType, isFinal: Bool = true, supertypes: [UInt32] = [],
                positionInGroup: UInt32 = 0, groupSize: UInt32 = 1) {
        self.composite = composite
        self.isFinal = isFinal
        self.supertypes = supertypes
        self.positionInGroup = positionInGroup
        self.groupSize = groupSize
    }

    /// A final function type in a group of its own: the 2.0 form.
    public init(_ function: FunctionType) {
        self.init(.function(function))
    }

    /// The function type, when this is one.
    @inline(__always)
    public var functionType: FunctionType? {
        if case .function(let type) = composite { return type }
        return nil
    }

    /// True for a final type without supertypes alone in its group: what a 2.0 type section holds.
    public var isPlain: Bool { isFinal && supertypes.isEmpty && groupSize == 1 }

    public var description: String {
        if isPlain { return composite.description }
        let supers = supertypes.map { " \($0)" }.joined()
        return "(sub\(isFinal ? " final" : "")\(supers) \(composite))"
    }
}

/// The structure of a defined type.
public enum CompositeType: Hashable, Sendable, CustomStringConvertible {
    case function(FunctionType)
    /// A struct type (garbage collection): its fields, in order.
    case `struct`([FieldType])
    /// An array type (garbage collection): the type of its elements.
    case array(FieldType)

    public var description: String {
        switch self {
        case .function(let type): return "(func \(type))"
        case .struct(let fields): return "(struct \(fields.map(\.description).joined(separator: " ")))"
        case .array(let field): return "(array \(field))"
        }
    }
}

/// A struct field or array element type: what it stores and whether it can be changed.
public struct FieldType: Hashable, Sendable, CustomStringConvertible {
    /// What the field holds.
    public var storage: StorageType
    /// Whether the field can be written after allocation.
    public var mutability: Mutability

    /// A field storing `storage` values with `mutability`.
    public init(_ storage: StorageType, mutability: Mutability) {
        self.storage = storage
        self.mutability = mutability
    }

    public var description: String {
        mutability == .variable ? "(mut \(storage))" : storage.description
    }
}

/// What a field stores: a value type or a packed integer.
public enum StorageType: Hashable, Sendable, CustomStringConvertible {
    case value(ValueType)
    case i8, i16

    public var description: String {
        switch self {
        case .value(let type): return type.description
        case .i8: return "i8"
        case .i16: return "i16"
        }
    }
}
