/// A WebAssembly value type: a number, a vector or a reference.
public enum ValueType: Hashable, Sendable, CustomStringConvertible {
    case i32, i64, f32, f64, v128
    case ref(ReferenceType)

    /// `funcref`, the type of function references.
    public static let funcref = ValueType.ref(.funcref)
    /// `externref`, the type of opaque host references.
    public static let externref = ValueType.ref(.externref)

    /// True for `funcref` and `externref`.
    public var isReference: Bool {
        if case .ref = self { return true }
        return false
    }

    /// True for the four numeric types.
    public var isNumber: Bool {
        switch self {
        case .i32, .i64, .f32, .f64: return true
        case .v128, .ref: return false
        }
    }

    /// The type's name in the text format.
    public var description: String {
        switch self {
        case .i32: return "i32"
        case .i64: return "i64"
        case .f32: return "f32"
        case .f64: return "f64"
        case .v128: return "v128"
        case .ref(let r): return r.description
        }
    }
}

/// The type of a reference: to a function or to a host object.
public enum ReferenceType: Hashable, Sendable, CustomStringConvertible {
    case funcref, externref

    /// The type's name in the text format.
    public var description: String {
        switch self {
        case .funcref: return "funcref"
        case .externref: return "externref"
        }
    }
}

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

/// The minimum and optional maximum size of a memory (in 64 KiB pages) or a table (in elements).
public struct Limits: Hashable, Sendable, CustomStringConvertible {
    /// The initial and smallest size.
    public var min: UInt64
    /// The largest size it may grow to; nil when unbounded.
    public var max: UInt64?

    /// Limits from `min` up to `max` (unbounded by default).
    public init(min: UInt64, max: UInt64? = nil) {
        self.min = min
        self.max = max
    }

    public var description: String {
        if let max { return "\(min)..\(max)" }
        return "\(min).."
    }
}

/// A table's element type and size limits.
public struct TableType: Hashable, Sendable {
    /// The type of the references the table holds.
    public var elementType: ReferenceType
    /// The table's size limits, in elements.
    public var limits: Limits

    /// A table type of `elementType` references within `limits`.
    public init(elementType: ReferenceType, limits: Limits) {
        self.elementType = elementType
        self.limits = limits
    }
}

/// A linear memory's size limits in 64 KiB pages.
public struct MemoryType: Hashable, Sendable {
    /// The memory's size limits, in 64 KiB pages.
    public var limits: Limits

    /// A memory type within `limits` (in pages).
    public init(limits: Limits) {
        self.limits = limits
    }
}

/// Whether a global can be written after instantiation.
public enum Mutability: Hashable, Sendable {
    case constant, variable
}

/// A global's value type and mutability.
public struct GlobalType: Hashable, Sendable {
    /// The type of the global's value.
    public var valueType: ValueType
    /// Whether the global can be written.
    public var mutability: Mutability

    /// A global type holding `valueType` values with `mutability`.
    public init(valueType: ValueType, mutability: Mutability) {
        self.valueType = valueType
        self.mutability = mutability
    }
}

/// The type of a structured instruction's block: no value, one value, or a function type by index.
public enum BlockType: Hashable, Sendable {
    case empty
    case value(ValueType)
    case typeIndex(UInt32)
}
