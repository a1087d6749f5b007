/// The f32 and f64 sign operations (abs, neg, copysign) and comparisons.
///
/// abs, neg and copysign are pure bit operations on the sign: they never quiet a NaN or touch its
/// payload. Comparisons are IEEE 754's: any comparison with a NaN is false, except `ne`, and
/// -0 equals +0.
/// Spec: https://webassembly.github.io/spec/core/exec/numerics.html#op-fabs
extension NumericSemantics {
    // MARK: Sign

    /// `f32.abs`: clears the sign bit.
    @inline(__always) static func f32Abs(_ a: UInt32) -> UInt32 { a & ~f32SignBit }

    /// `f32.neg`: flips the sign bit.
    @inline(__always) static func f32Neg(_ a: UInt32) -> UInt32 { a ^ f32SignBit }

    /// `f32.copysign`: `a` with the sign bit of `b`.
    @inline(__always)
    static func f32Copysign(_ a: UInt32, _ b: UInt32) -> UInt32 {
        (a & ~f32SignBit) | (b & f32SignBit)
    }

    /// `f64.abs`: clears the sign bit.
    @inline(__always) static func f64Abs(_ a: UInt64) -> UInt64 { a & ~f64SignBit }

    /// `f64.neg`: flips the sign bit.
    @inline(__always) static func f64Neg(_ a: UInt64) -> UInt64 { a ^ f64SignBit }

    /// `f64.copysign`: `a` with the sign bit of `b`.
    @inline(__always)
    static func f64Copysign(_ a: UInt64, _ b: UInt64) -> UInt64 {
        (a & ~f64SignBit) | (b & f64SignBit)
    }

    // MARK: f32 comparisons

    /// `f32.eq`.
    @inline(__always)
    static func f32Eq(_ a: UInt32, _ b: UInt32) -> UInt32 {
        bool(Float(bitPattern: a) == Float(bitPattern: b))
    }

    /// `f32.ne`: true if either operand is NaN.
    @inline(__always)
    static func f32Ne(_ a: UInt32, _ b: UInt32) -> UInt32 {
        bool(Float(bitPattern: a) != Float(bitPattern: b))
    }

    /// `f32.lt`.
    @inline(__always)
    static func f32Lt(_ a: UInt32, _ b: UInt32) -> UInt32 {
        bool(Float(bitPattern: a) < Float(bitPattern: b))
    }

    /// `f32.gt`.
    @inline(__always)
    static func f32Gt(_ a: UInt32, _ b: UInt32) -> UInt32 {
        bool(Float(bitPattern: a) > Float(bitPattern: b))
    }

    /// `f32.le`.
    @inline(__always)
    static func f32Le(_ a: UInt32, _ b: UInt32) -> UInt32 {
        bool(Float(bitPattern: a) <= Float(bitPattern: b))
    }

    /// `f32.ge`.
    @inline(__always)
    static func f32Ge(_ a: UInt32, _ b: UInt32) -> UInt32 {
        bool(Float(bitPattern: a) >= Float(bitPattern: b))
    }

    // MARK: f64 comparisons

    /// `f64.eq`.
    @inline(__always)
    static func f64Eq(_ a: UInt64, _ b: UInt64) -> UInt32 {
        bool(Double(bitPattern: a) == Double(bitPattern: b))
    }

    /// `f64.ne`: true if either operand is NaN.
    @inline(__always)
    static func f64Ne(_ a: UInt64, _ b: UInt64) -> UInt32 {
        bool(Double(bitPattern: a) != Double(bitPattern: b))
    }

    /// `f64.lt`.
    @inline(__always)
    static func f64Lt(_ a: UInt64, _ b: UInt64) -> UInt32 {
        bool(Double(bitPattern: a) < Double(bitPattern: b))
    }

    /// `f64.gt`.
    @inline(__always)
    static func f64Gt(_ a: UInt64, _ b: UInt64) -> UInt32 {
        bool(Double(bitPattern: a) > Double(bitPattern: b))
    }

    /// `f64.le`.
    @inline(__always)
    static func f64Le(_ a: UInt64, _ b: UInt64) -> UInt32 {
        bool(Double(bitPattern: a) <= Double(bitPattern: b))
    }

    /// `f64.ge`.
    @inline(__always)
    static func f64Ge(_ a: UInt64, _ b: UInt64) -> UInt32 {
        bool(Double(bitPattern: a) >= Double(bitPattern: b))
    }
}
