import WasmBinary

/// A WebAssembly value as seen by the embedder: numbers by their bit patterns (so NaN payloads
/// survive), vectors, and references.
public enum Value: Hashable, Sendable, CustomStringConvertible {
    case i32(UInt32)
    case i64(UInt64)
    /// An f32 by its IEEE 754 bit pattern.
    case f32(UInt32)
    /// An f64 by its IEEE 754 bit pattern.
    case f64(UInt64)
    case v128(V128)
    case ref(Reference)

    /// An i32 from a signed integer.
    public init(_ value: Int32) { self = .i32(UInt32(bitPattern: value)) }
    /// An i64 from a signed integer.
    public init(_ value: Int64) { self = .i64(UInt64(bitPattern: value)) }
    /// An f32 from a `Float`.
    public init(_ value: Float) { self = .f32(value.bitPattern) }
    /// An f64 from a `Double`.
    public init(_ value: Double) { self = .f64(value.bitPattern) }

    /// The value's type.
    public var type: ValueType {
        switch self {
        case .i32: return .i32
        case .i64: return .i64
        case .f32: return .f32
        case .f64: return .f64
        case .v128: return .v128
        case .ref(let reference): return .ref(reference.type)
        }
    }

    /// Whether the value can be passed where `type` is expected: a number or vector of that type,
    /// or a reference the type admits (null only where it is nullable; a host reference where
    /// `extern` is; a function where `func` is).
    public func matches(_ type: ValueType) -> Bool {
        guard case .ref(let reference) = self, case .ref(let expected) = type else { return self.type == type }
        switch reference {
        case .null(let nullType): return expected.isNullable && nullType.heapType.isFunctionHierarchy == expected.heapType.isFunctionHierarchy
        case .extern: return expected.heapType == .extern
        case .function: return expected.heapType == .func
        case .exception: return expected.heapType == .exn
        }
    }

    /// The value as a signed 32-bit integer, if it is an i32.
    public var int32: Int32? {
        if case .i32(let bits) = self { return Int32(bitPattern: bits) }
        return nil
    }

    /// The value as a signed 64-bit integer, if it is an i64.
    public var int64: Int64? {
        if case .i64(let bits) = self { return Int64(bitPattern: bits) }
        return nil
    }

    /// The value as a `Float`, if it is an f32.
    public var float: Float? {
        if case .f32(let bits) = self { return Float(bitPattern: bits) }
        return nil
    }

    /// The value as a `Double`, if it is an f64.
    public var double: Double? {
        if case .f64(let bits) = self { return Double(bitPattern: bits) }
        return nil
    }

    /// The value in the text format's style, e.g. `i32:42`, `f64:1.5`, `ref.null func`.
    public var description: String {
        switch self {
        case .i32(let bits): return "i32:\(Int32(bitPattern: bits))"
        case .i64(let bits): return "i64:\(Int64(bitPattern: bits))"
        case .f32(let bits): return "f32:\(Float(bitPattern: bits))"
        case .f64(let bits): return "f64:\(Double(bitPattern: bits))"
        case .v128(let vector): return "v128:\(vector.bytes)"
        case .ref(let reference): return reference.description
        }
    }
}

/// A reference value: null, a function, an opaque host value, or an exception.
public enum Reference: Hashable, Sendable, CustomStringConvertible {
    case null(ReferenceType)
    /// A function, by its address in the runtime that owns it.
    case function(FunctionAddress)
    /// An opaque host reference (`ref.extern N` in the spec's scripts).
    case extern(UInt32)
    /// An exception (an `exnref`), as `catch_ref` and `catch_all_ref` deliver it.
    case exception(WasmException)

    /// The reference's type.
    public var type: ReferenceType {
        switch self {
        case .null(let type): return type
        case .function: return .funcref
        case .extern: return .externref
        case .exception: return .exnref
        }
    }

    public var description: String {
        switch self {
        case .null(let type): return "ref.null \(type.heapType)"
        case .function(let address): return "ref.func @\(address.rawValue)"
        case .extern(let value): return "ref.extern \(value)"
        case .exception(let exception): return "ref.exn (\(exception.tag))"
        }
    }
}

/// Identifies a function within the runtime that created it.
public struct FunctionAddress: Hashable, Sendable {
    /// The function's index among the runtime's functions.
    public let rawValue: UInt32

    /// The address of the runtime's function at index `rawValue`.
    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }
}

extension HeapType {
    /// True for the heap types of functions (`func`, `nofunc`, type indices, which are function
    /// types without garbage collection); false for `extern` and the others.
    var isFunctionHierarchy: Bool {
        switch self {
        case .func, .noFunc, .concrete: return true
        default: return false
        }
    }
}
