/// The f32 and f64 rounding instructions: ceil, floor, trunc, nearest.
///
/// Each rounds to an integral value in the same format, keeping the sign of zero (ceil(-0.5) is
/// -0). A NaN operand comes back with its quiet bit set and its sign and payload kept, so a
/// canonical NaN stays canonical and any other becomes an arithmetic NaN, as the spec asks.
/// Spec: https://webassembly.github.io/spec/core/exec/numerics.html#op-fceil
extension NumericSemantics {
    // MARK: f32

    /// `f32.ceil`: rounds toward +∞.
    @inline(__always)
    static func f32Ceil(_ a: UInt32) -> UInt32 { f32Round(a, .up) }

    /// `f32.floor`: rounds toward -∞.
    @inline(__always)
    static func f32Floor(_ a: UInt32) -> UInt32 { f32Round(a, .down) }

    /// `f32.trunc`: rounds toward zero.
    @inline(__always)
    static func f32Trunc(_ a: UInt32) -> UInt32 { f32Round(a, .towardZero) }

    /// `f32.nearest`: rounds to the nearest integral value, ties to even (not away from zero).
    /// Spec: https://webassembly.github.io/spec/core/exec/numerics.html#op-fnearest
    @inline(__always)
    static func f32Nearest(_ a: UInt32) -> UInt32 { f32Round(a, .toNearestOrEven) }

    // MARK: f64

    /// `f64.ceil`: rounds toward +∞.
    @inline(__always)
    static func f64Ceil(_ a: UInt64) -> UInt64 { f64Round(a, .up) }

    /// `f64.floor`: rounds toward -∞.
    @inline(__always)
    static func f64Floor(_ a: UInt64) -> UInt64 { f64Round(a, .down) }

    /// `f64.trunc`: rounds toward zero.
    @inline(__always)
    static func f64Trunc(_ a: UInt64) -> UInt64 { f64Round(a, .towardZero) }

    /// `f64.nearest`: rounds to the nearest integral value, ties to even (not away from zero).
    /// Spec: https://webassembly.github.io/spec/core/exec/numerics.html#op-fnearest
    @inline(__always)
    static func f64Nearest(_ a: UInt64) -> UInt64 { f64Round(a, .toNearestOrEven) }

    // MARK: Shared

    /// Rounds an f32 to an integral value by `rule`; a NaN is quieted, keeping sign and payload.
    @inline(__always)
    static func f32Round(_ a: UInt32, _ rule: FloatingPointRoundingRule) -> UInt32 {
        if f32IsNaN(a) { return a | f32QuietBit }
        return Float(bitPattern: a).rounded(rule).bitPattern
    }

    /// Rounds an f64 to an integral value by `rule`; a NaN is quieted, keeping sign and payload.
    @inline(__always)
    static func f64Round(_ a: UInt64, _ rule: FloatingPointRoundingRule) -> UInt64 {
        if f64IsNaN(a) { return a | f64QuietBit }
        return Double(bitPattern: a).rounded(rule).bitPattern
    }
}
