import WasmBinary

/// A value type as the operand stack stores it: one byte, with `unknown` for the values of the
/// polymorphic stack, so that checking an operand is a byte comparison.
enum OperandType: UInt8, Sendable {
    case unknown = 0
    case i32, i64, f32, f64, v128, funcref, externref

    @inline(__always)
    init(_ type: ValueType) {
        switch type {
        case .i32: self = .i32
        case .i64: self = .i64
        case .f32: self = .f32
        case .f64: self = .f64
        case .v128: self = .v128
        case .ref(.funcref): self = .funcref
        case .ref(.externref): self = .externref
        }
    }

    @inline(__always)
    init(_ type: ReferenceType) {
        self = type == .funcref ? .funcref : .externref
    }

    /// The value type, or nil for `unknown`.
    @inline(__always)
    var valueType: ValueType? {
        switch self {
        case .unknown: return nil
        case .i32: return .i32
        case .i64: return .i64
        case .f32: return .f32
        case .f64: return .f64
        case .v128: return .v128
        case .funcref: return .funcref
        case .externref: return .externref
        }
    }

    /// True for the numeric types (and `unknown`, which may be one).
    @inline(__always)
    var mayBeNumber: Bool { self == .unknown || (rawValue >= OperandType.i32.rawValue && rawValue <= OperandType.f64.rawValue) }

    /// True for `v128` (and `unknown`, which may be one).
    @inline(__always)
    var mayBeVector: Bool { self == .unknown || self == .v128 }

    /// True for the reference types (and `unknown`, which may be one).
    @inline(__always)
    var mayBeReference: Bool { self == .unknown || self == .funcref || self == .externref }

    /// The type's name in messages.
    var description: String { valueType?.description ?? "unknown" }
}
