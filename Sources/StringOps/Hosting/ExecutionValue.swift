import WasmBinary
import WasmInterpreter

/// An argument or result of a hosted WebAssembly function, in Swift terms.
///
/// Strings and byte arrays are copied into linear memory and passed as a (pointer, length) pair of
/// i32s; numbers are passed as the matching WebAssembly value.
public enum ExecutionValue: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral,
    ExpressibleByIntegerLiteral
{
    /// A string, passed as its UTF-8 bytes.
    case string(String)
    case bytes([UInt8])
    case int32(Int32)
    case uint32(UInt32)
    case int64(Int64)
    case float32(Float)
    case float64(Double)

    /// A ``string(_:)`` value from a string literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An ``int32(_:)`` value from an integer literal.
    public init(integerLiteral value: Int32) { self = .int32(value) }

    /// What kind of value this is (a string is a kind of byte string).
    public var kind: ValueKind {
        switch self {
        case .string, .bytes: return .bytes
        case .int32: return .int32
        case .uint32: return .uint32
        case .int64: return .int64
        case .float32: return .float32
        case .float64: return .float64
        }
    }

    /// The value in a readable form: strings quoted, byte arrays by their count.
    public var description: String {
        switch self {
        case .string(let text): return "\"\(text)\""
        case .bytes(let bytes): return "\(bytes.count) bytes"
        case .int32(let value): return String(value)
        case .uint32(let value): return String(value)
        case .int64(let value): return String(value)
        case .float32(let value): return String(value)
        case .float64(let value): return String(value)
        }
    }
}

/// The kinds of ``ExecutionValue`` a hosted function's signature can name.
public enum ValueKind: Hashable, Sendable, CustomStringConvertible {
    /// A string or byte array, passed as (pointer, length).
    case bytes
    case int32
    /// An i32 read as unsigned.
    case uint32
    case int64
    case float32
    case float64

    /// The WebAssembly parameter types one argument of this kind becomes.
    public var parameterTypes: [ValueType] {
        switch self {
        case .bytes: return [.i32, .i32]
        case .int32, .uint32: return [.i32]
        case .int64: return [.i64]
        case .float32: return [.f32]
        case .float64: return [.f64]
        }
    }

    /// The WebAssembly result type of this kind, or nil for byte strings (a function cannot
    /// return one).
    public var resultType: ValueType? {
        switch self {
        case .bytes: return nil
        case .int32, .uint32: return .i32
        case .int64: return .i64
        case .float32: return .f32
        case .float64: return .f64
        }
    }

    /// Reads a WebAssembly result as this kind, or nil if its type does not match.
    public func decode(_ value: Value) -> ExecutionValue? {
        switch (self, value) {
        case (.int32, .i32(let bits)): return .int32(Int32(bitPattern: bits))
        case (.uint32, .i32(let bits)): return .uint32(bits)
        case (.int64, .i64(let bits)): return .int64(Int64(bitPattern: bits))
        case (.float32, .f32(let bits)): return .float32(Float(bitPattern: bits))
        case (.float64, .f64(let bits)): return .float64(Double(bitPattern: bits))
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .bytes: return "bytes"
        case .int32: return "int32"
        case .uint32: return "uint32"
        case .int64: return "int64"
        case .float32: return "float32"
        case .float64: return "float64"
        }
    }
}
