/// The minimum and optional maximum size of a memory (in pages) or a table (in elements).
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

/// The type of the addresses of a memory or the indices of a table: `i32`, or `i64` for the
/// 64-bit memories and tables of WebAssembly 3.0.
public enum AddressType: Hashable, Sendable, CustomStringConvertible {
    case i32, i64

    /// The value type of addresses, sizes and counts.
    public var valueType: ValueType { self == .i32 ? .i32 : .i64 }

    public var description: String { self == .i32 ? "i32" : "i64" }
}

/// A table's element type, size limits and index type.
public struct TableType: Hashable, Sendable {
    /// The type of the references the table holds.
    public var elementType: ReferenceType
    /// The table's size limits, in elements.
    public var limits: Limits
    /// The type of the table's indices (`i64` for a 64-bit table).
    public var addressType: AddressType

    /// A table type of `elementType` references within `limits`, indexed by `addressType`.
    public init(elementType: ReferenceType, limits: Limits, addressType: AddressType = .i32) {
        self.elementType = elementType
        self.limits = limits
        self.addressType = addressType
    }
}

/// A linear memory's size limits, address type and page size.
public struct MemoryType: Hashable, Sendable {
    /// The memory's size limits, in pages.
    public var limits: Limits
    /// The type of the memory's addresses (`i64` for a 64-bit memory).
    public var addressType: AddressType
    /// log2 of the page size in bytes: 16 (64 KiB, the default) or, with the custom-page-sizes
    /// proposal, 0 (one byte). Decoded as written; validation allows only those two.
    public var pageSizeLog2: UInt32

    /// A memory type within `limits` (in pages), addressed by `addressType`, with pages of
    /// `2^pageSizeLog2` bytes.
    public init(limits: Limits, addressType: AddressType = .i32, pageSizeLog2: UInt32 = 16) {
        self.limits = limits
        self.addressType = addressType
        self.pageSizeLog2 = pageSizeLog2
    }

    /// The default page size's exponent: 64 KiB pages.
    public static let defaultPageSizeLog2: UInt32 = 16
}

/// Whether a global (or a struct field) can be written after instantiation.
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

/// An exception tag's type: the function type whose parameters are the values an exception with
/// this tag carries (its results must be empty).
public struct TagType: Hashable, Sendable {
    /// The type index of the tag's function type.
    public var typeIndex: UInt32

    /// A tag carrying the parameters of the function type `typeIndex`.
    public init(typeIndex: UInt32) {
        self.typeIndex = typeIndex
    }
}

/// The type of a structured instruction's block: no value, one value, or a function type by index.
public enum BlockType: Hashable, Sendable {
    case empty
    case value(ValueType)
    case typeIndex(UInt32)
}
