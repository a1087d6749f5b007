/// Float-to-integer truncation: the trapping `trunc` and the saturating `trunc_sat` forms.
///
/// Both round toward zero. The range check is done on the float before converting, against the
/// exclusive bounds of the values whose truncation fits: for a signed N-bit result, the next
/// float below -2^(N-1) and 2^(N-1) itself; for an unsigned one, -1 and 2^N. So -2147483648.0
/// fits an i32 but the f32 just below it (-2147483904.0) does not, and -0.99 → u32 gives 0
/// while -1.0 overflows.
/// Spec: https://webassembly.github.io/spec/core/exec/numerics.html#op-trunc-s
extension NumericSemantics {
    // MARK: Trapping

    /// `i32.trunc_f32_s`; traps on NaN (invalid conversion) and out of range (overflow).
    @inline(__always)
    static func i32TruncF32S(_ a: UInt32) throws(TrapReason) -> UInt32 {
        let x = try f32InRange(a, above: -0x1.000002p31, below: 0x1p31)
        return UInt32(bitPattern: Int32(x))
    }

    /// `i32.trunc_f32_u`; traps on NaN (invalid conversion) and out of range (overflow).
    @inline(__always)
    static func i32TruncF32U(_ a: UInt32) throws(TrapReason) -> UInt32 {
        UInt32(try f32InRange(a, above: -1, below: 0x1p32))
    }

    /// `i32.trunc_f64_s`; traps on NaN (invalid conversion) and out of range (overflow).
    @inline(__always)
    static func i32TruncF64S(_ a: UInt64) throws(TrapReason) -> UInt32 {
        let x = try f64InRange(a, above: -0x1.00000002p31, below: 0x1p31)
        return UInt32(bitPattern: Int32(x))
    }

    /// `i32.trunc_f64_u`; traps on NaN (invalid conversion) and out of range (overflow).
    @inline(__always)
    static func i32TruncF64U(_ a: UInt64) throws(TrapReason) -> UInt32 {
        UInt32(try f64InRange(a, above: -1, below: 0x1p32))
    }

    /// `i64.trunc_f32_s`; traps on NaN (invalid conversion) and out of range (overflow).
    @inline(__always)
    static func i64TruncF32S(_ a: UInt32) throws(TrapReason) -> UInt64 {
        let x = try f32InRange(a, above: -0x1.000002p63, below: 0x1p63)
        return UInt64(bitPattern: Int64(x))
    }

    /// `i64.trunc_f32_u`; traps on NaN (invalid conversion) and out of range (overflow).
    @inline(__always)
    static func i64TruncF32U(_ a: UInt32) throws(TrapReason) -> UInt64 {
        UInt64(try f32InRange(a, above: -1, below: 0x1p64))
    }

    /// `i64.trunc_f64_s`; traps on NaN (invalid conversion) and out of range (overflow).
    @inline(__always)
    static func i64TruncF64S(_ a: UInt64) throws(TrapReason) -> UInt64 {
        let x = try f64InRange(a, above: -0x1.0000000000001p63, below: 0x1p63)
        return UInt64(bitPattern: Int64(x))
    }

    /// `i64.trunc_f64_u`; traps on NaN (invalid conversion) and out of range (overflow).
    @inline(__always)
    static func i64TruncF64U(_ a: UInt64) throws(TrapReason) -> UInt64 {
        UInt64(try f64InRange(a, above: -1, below: 0x1p64))
    }

    // MARK: Saturating

    /// `i32.trunc_sat_f32_s`: NaN gives 0; out-of-range values clamp to Int32.min/max.
    @inline(__always)
    static func i32TruncSatF32S(_ a: UInt32) -> UInt32 {
        let x = Float(bitPattern: a)
        if x > -0x1.000002p31 { return x < 0x1p31 ? UInt32(bitPattern: Int32(x)) : 0x7FFF_FFFF }
        return x.isNaN ? 0 : 0x8000_0000
    }

    /// `i32.trunc_sat_f32_u`: NaN and negatives give 0; values ≥ 2^32 give UInt32.max.
    @inline(__always)
    static func i32TruncSatF32U(_ a: UInt32) -> UInt32 {
        let x = Float(bitPattern: a)
        if x > -1 { return x < 0x1p32 ? UInt32(x) : .max }
        return 0
    }

    /// `i32.trunc_sat_f64_s`: NaN gives 0; out-of-range values clamp to Int32.min/max.
    @inline(__always)
    static func i32TruncSatF64S(_ a: UInt64) -> UInt32 {
        let x = Double(bitPattern: a)
        if x > -0x1.00000002p31 { return x < 0x1p31 ? UInt32(bitPattern: Int32(x)) : 0x7FFF_FFFF }
        return x.isNaN ? 0 : 0x8000_0000
    }

    /// `i32.trunc_sat_f64_u`: NaN and negatives give 0; values ≥ 2^32 give UInt32.max.
    @inline(__always)
    static func i32TruncSatF64U(_ a: UInt64) -> UInt32 {
        let x = Double(bitPattern: a)
        if x > -1 { return x < 0x1p32 ? UInt32(x) : .max }
        return 0
    }

    /// `i64.trunc_sat_f32_s`: NaN gives 0; out-of-range values clamp to Int64.min/max.
    @inline(__always)
    static func i64TruncSatF32S(_ a: UInt32) -> UInt64 {
        let x = Float(bitPattern: a)
        if x > -0x1.000002p63 {
            return x < 0x1p63 ? UInt64(bitPattern: Int64(x)) : 0x7FFF_FFFF_FFFF_FFFF
        }
        return x.isNaN ? 0 : 0x8000_0000_0000_0000
    }

    /// `i64.trunc_sat_f32_u`: NaN and negatives give 0; values ≥ 2^64 give UInt64.max.
    @inline(__always)
    static func i64TruncSatF32U(_ a: UInt32) -> UInt64 {
        let x = Float(bitPattern: a)
        if x > -1 { return x < 0x1p64 ? UInt64(x) : .max }
        return 0
    }

    /// `i64.trunc_sat_f64_s`: NaN gives 0; out-of-range values clamp to Int64.min/max.
    @inline(__always)
    static func i64TruncSatF64S(_ a: UInt64) -> UInt64 {
        let x = Double(bitPattern: a)
        if x > -0x1.0000000000001p63 {
            return x < 0x1p63 ? UInt64(bitPattern: Int64(x)) : 0x7FFF_FFFF_FFFF_FFFF
        }
        return x.isNaN ? 0 : 0x8000_0000_0000_0000
    }

    /// `i64.trunc_sat_f64_u`: NaN and negatives give 0; values ≥ 2^64 give UInt64.max.
    @inline(__always)
    static func i64TruncSatF64U(_ a: UInt64) -> UInt64 {
        let x = Double(bitPattern: a)
        if x > -1 { return x < 0x1p64 ? UInt64(x) : .max }
        return 0
    }

    // MARK: Shared

    /// The f32 `a` if `lower < a < upper`; otherwise the trap: invalid conversion for NaN,
    /// integer overflow for the rest.
    @inline(__always)
    static func f32InRange(
        _ a: UInt32, above lower: Float, below upper: Float
    ) throws(TrapReason) -> Float {
        let x = Float(bitPattern: a)
        if x > lower && x < upper { return x }
        throw x.isNaN ? .invalidConversionToInteger : .integerOverflow
    }

    /// The f64 `a` if `lower < a < upper`; otherwise the trap: invalid conversion for NaN,
    /// integer overflow for the rest.
    @inline(__always)
    static func f64InRange(
        _ a: UInt64, above lower: Double, below upper: Double
    ) throws(TrapReason) -> Double {
        let x = Double(bitPattern: a)
        if x > lower && x < upper { return x }
        throw x.isNaN ? .invalidConversionToInteger : .integerOverflow
    }
}
