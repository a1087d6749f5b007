import WasmBinary

/// A constant value in a script: an action's argument, or an exact expected result.
public enum WastValue: Sendable, Equatable {
    case i32(UInt32)
    case i64(UInt64)
    case f32(bits: UInt32)
    case f64(bits: UInt64)
    case v128(V128)
    /// `(ref.null ht)`: a null reference of that heap type.
    case refNull(HeapType)
    /// `(ref.extern n)`: a host reference the runner makes from `n`.
    case refExtern(UInt32)
    /// `(ref.host n)`: a host reference of the `any` hierarchy (garbage collection).
    case refHost(UInt32)
}

/// Which NaNs a result pattern accepts.
public enum WastNaNPattern: Sendable, Equatable {
    /// `nan:canonical`: only the canonical NaN (either sign).
    case canonical
    /// `nan:arithmetic`: any NaN with the payload's top bit set (either sign).
    case arithmetic
}

/// The lane shapes of `v128.const`.
public enum WastLaneShape: String, Sendable, Equatable, CaseIterable {
    case i8x16, i16x8, i32x4, i64x2, f32x4, f64x2

    /// Lanes in a 128-bit vector of this shape.
    public var laneCount: Int {
        switch self {
        case .i8x16: return 16
        case .i16x8: return 8
        case .i32x4, .f32x4: return 4
        case .i64x2, .f64x2: return 2
        }
    }

    /// Bytes per lane.
    public var laneWidth: Int { 16 / laneCount }

    /// True for the float shapes, `f32x4` and `f64x2`.
    public var isFloat: Bool { self == .f32x4 || self == .f64x2 }
}

/// One lane of an expected vector: exact bits, or a NaN pattern (float shapes only).
public enum WastExpectedLane: Sendable, Equatable {
    case bits(UInt64)
    case nan(WastNaNPattern)
}

/// An expected result of `assert_return`.
public enum WastExpectedValue: Sendable, Equatable {
    /// Exactly this value (floats compared by bits).
    case value(WastValue)
    case f32NaN(WastNaNPattern)
    case f64NaN(WastNaNPattern)
    /// A vector by lanes, some of which may be NaN patterns.
    case v128(shape: WastLaneShape, lanes: [WastExpectedLane])
    /// `(ref.func)`: any non-null function reference.
    case anyFunctionReference
    /// `(ref.extern)`: any non-null host reference.
    case anyExternReference
    /// `(ref.null)`: a null reference of any type.
    case anyNullReference
    /// `(ref.exn)`: any non-null exception reference.
    case anyExceptionReference
    /// `(ref.any)`, `(ref.eq)`, `(ref.i31)`, `(ref.struct)`, `(ref.array)`: a non-null reference of
    /// that garbage-collection kind (named without `ref.`).
    case anyGarbageCollectedReference(String)
    /// `(either v1 v2 ...)`: any one of the alternatives.
    case either([WastExpectedValue])
}
