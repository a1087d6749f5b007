import WasmBinary
import WasmInterpreter

/// A result an assertion expects: an exact value, or a pattern such as `nan:canonical`.
public enum ExpectedValue: Hashable, Sendable {
    /// Exactly this value: integers and floats bit for bit, null references by type, host
    /// references by number.
    case exact(Value)
    /// Any f32 NaN of the pattern.
    case f32NaN(NaNPattern)
    /// Any f64 NaN of the pattern.
    case f64NaN(NaNPattern)
    /// A v128 compared lane by lane in the given shape.
    case vector(LaneShape, [LanePattern])
    /// Any non-null function reference (function addresses are not comparable across scripts).
    case anyFunctionReference
    /// Any non-null host reference.
    case anyExternReference
    /// Any null reference, whatever its type.
    case anyNullReference
    /// Any non-null exception reference.
    case anyExceptionReference
    /// A non-null reference of a garbage-collection kind (`any`, `eq`, `i31`, `struct`, `array`),
    /// which this engine never produces.
    case anyGarbageCollectedReference(String)
    /// Any one of the alternatives (the results the spec allows for a relaxed operation).
    indirect case either([ExpectedValue])
}

/// The NaN results the spec allows where it does not fix the payload.
public enum NaNPattern: Hashable, Sendable, CustomStringConvertible {
    /// A canonical NaN: only the most significant payload bit set, either sign.
    case canonical
    /// An arithmetic NaN: the most significant payload bit set, any other payload, either sign.
    case arithmetic

    public var description: String {
        switch self {
        case .canonical: return "nan:canonical"
        case .arithmetic: return "nan:arithmetic"
        }
    }
}

/// How a v128 is split into lanes.
public enum LaneShape: Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case i8x16, i16x8, i32x4, i64x2, f32x4, f64x2

    /// The shape whose lanes have the given type, as the scripts name it (`i8` ... `f64`).
    public init?(laneType: String) {
        switch laneType {
        case "i8": self = .i8x16
        case "i16": self = .i16x8
        case "i32": self = .i32x4
        case "i64": self = .i64x2
        case "f32": self = .f32x4
        case "f64": self = .f64x2
        default: return nil
        }
    }

    /// The width of one lane in bits.
    public var laneBits: Int {
        switch self {
        case .i8x16: return 8
        case .i16x8: return 16
        case .i32x4, .f32x4: return 32
        case .i64x2, .f64x2: return 64
        }
    }

    /// The number of lanes.
    public var laneCount: Int { 128 / laneBits }

    /// True for the floating-point shapes, whose lanes may be NaN patterns.
    public var isFloat: Bool { self == .f32x4 || self == .f64x2 }

    public var description: String {
        switch self {
        case .i8x16: return "i8x16"
        case .i16x8: return "i16x8"
        case .i32x4: return "i32x4"
        case .i64x2: return "i64x2"
        case .f32x4: return "f32x4"
        case .f64x2: return "f64x2"
        }
    }
}

/// What one lane of an expected vector must hold.
public enum LanePattern: Hashable, Sendable {
    /// Exactly these bits (the lane's width, zero-extended).
    case bits(UInt64)
    /// A NaN of the pattern (float shapes only).
    case nan(NaNPattern)
}
