/// The conversions that cannot trap: integer wrap and extension, integer to float, float
/// demotion and promotion, and reinterpretation.
///
/// Integer-to-float conversions round to nearest even in one step (Swift's `Float(UInt64)` and
/// friends are LLVM's correctly rounded `sitofp`/`uitofp`, with no double rounding through f64).
/// Demotion and promotion of a NaN give a quiet NaN, keeping the sign and the payload's top bits,
/// as IEEE hardware does; a canonical NaN stays canonical.
/// Spec: https://webassembly.github.io/spec/core/exec/numerics.html#conversions
extension NumericSemantics {
    // MARK: Integer to integer

    /// `i32.wrap_i64`: the low 32 bits.
    @inline(__always)
    static func i32WrapI64(_ a: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: a) }

    /// `i64.extend_i32_s`: sign extension.
    @inline(__always)
    static func i64ExtendI32S(_ a: UInt32) -> UInt64 {
        UInt64(bitPattern: Int64(Int32(bitPattern: a)))
    }

    /// `i64.extend_i32_u`: zero extension.
    @inline(__always)
    static func i64ExtendI32U(_ a: UInt32) -> UInt64 { UInt64(a) }

    // MARK: Integer to float

    /// `f32.convert_i32_s`: the nearest f32 to a signed i32.
    @inline(__always)
    static func f32ConvertI32S(_ a: UInt32) -> UInt32 { Float(Int32(bitPattern: a)).bitPattern }

    /// `f32.convert_i32_u`: the nearest f32 to an unsigned i32.
    @inline(__always)
    static func f32ConvertI32U(_ a: UInt32) -> UInt32 { Float(a).bitPattern }

    /// `f32.convert_i64_s`: the nearest f32 to a signed i64.
    @inline(__always)
    static func f32ConvertI64S(_ a: UInt64) -> UInt32 { Float(Int64(bitPattern: a)).bitPattern }

    /// `f32.convert_i64_u`: the nearest f32 to an unsigned i64.
    @inline(__always)
    static func f32ConvertI64U(_ a: UInt64) -> UInt32 { Float(a).bitPattern }

    /// `f64.convert_i32_s`: a signed i32 as an f64 (always exact).
    @inline(__always)
    static func f64ConvertI32S(_ a: UInt32) -> UInt64 { Double(Int32(bitPattern: a)).bitPattern }

    /// `f64.convert_i32_u`: an unsigned i32 as an f64 (always exact).
    @inline(__always)
    static func f64ConvertI32U(_ a: UInt32) -> UInt64 { Double(a).bitPattern }

    /// `f64.convert_i64_s`: the nearest f64 to a signed i64.
    @inline(__always)
    static func f64ConvertI64S(_ a: UInt64) -> UInt64 { Double(Int64(bitPattern: a)).bitPattern }

    /// `f64.convert_i64_u`: the nearest f64 to an unsigned i64.
    @inline(__always)
    static func f64ConvertI64U(_ a: UInt64) -> UInt64 { Double(a).bitPattern }

    // MARK: Float to float

    /// `f32.demote_f64`: the nearest f32 (±∞ beyond its range); NaN gives a quiet NaN.
    @inline(__always)
    static func f32DemoteF64(_ a: UInt64) -> UInt32 { Float(Double(bitPattern: a)).bitPattern }

    /// `f64.promote_f32`: the same value as an f64 (always exact); NaN gives a quiet NaN.
    @inline(__always)
    static func f64PromoteF32(_ a: UInt32) -> UInt64 { Double(Float(bitPattern: a)).bitPattern }

    // MARK: Reinterpretation

    /// `i32.reinterpret_f32`: the same 32 bits.
    @inline(__always) static func i32ReinterpretF32(_ a: UInt32) -> UInt32 { a }

    /// `i64.reinterpret_f64`: the same 64 bits.
    @inline(__always) static func i64ReinterpretF64(_ a: UInt64) -> UInt64 { a }

    /// `f32.reinterpret_i32`: the same 32 bits.
    @inline(__always) static func f32ReinterpretI32(_ a: UInt32) -> UInt32 { a }

    /// `f64.reinterpret_i64`: the same 64 bits.
    @inline(__always) static func f64ReinterpretI64(_ a: UInt64) -> UInt64 { a }
}
