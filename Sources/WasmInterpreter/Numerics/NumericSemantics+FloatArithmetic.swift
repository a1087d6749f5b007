/// The f32 and f64 arithmetic instructions: add, sub, mul, div, sqrt, min, max.
///
/// NaN results: the spec asks for a canonical NaN when every NaN operand is canonical, and some
/// arithmetic NaN (quiet bit set) otherwise. IEEE hardware arithmetic (x86 SSE, ARM) returns the
/// first NaN operand with its quiet bit set, or the default NaN, which satisfies both rules; the
/// testsuite's `nan:canonical`/`nan:arithmetic` assertions check this.
/// Spec: https://webassembly.github.io/spec/core/exec/numerics.html#floating-point-operations
extension NumericSemantics {
    // MARK: f32

    /// `f32.add`: IEEE 754 addition, rounding to nearest even.
    @inline(__always)
    static func f32Add(_ a: UInt32, _ b: UInt32) -> UInt32 {
        (Float(bitPattern: a) + Float(bitPattern: b)).bitPattern
    }

    /// `f32.sub`: IEEE 754 subtraction, rounding to nearest even.
    @inline(__always)
    static func f32Sub(_ a: UInt32, _ b: UInt32) -> UInt32 {
        (Float(bitPattern: a) - Float(bitPattern: b)).bitPattern
    }

    /// `f32.mul`: IEEE 754 multiplication, rounding to nearest even.
    @inline(__always)
    static func f32Mul(_ a: UInt32, _ b: UInt32) -> UInt32 {
        (Float(bitPattern: a) * Float(bitPattern: b)).bitPattern
    }

    /// `f32.div`: IEEE 754 division, rounding to nearest even.
    @inline(__always)
    static func f32Div(_ a: UInt32, _ b: UInt32) -> UInt32 {
        (Float(bitPattern: a) / Float(bitPattern: b)).bitPattern
    }

    /// `f32.sqrt`: IEEE 754 square root (NaN for negative operands other than -0).
    @inline(__always)
    static func f32Sqrt(_ a: UInt32) -> UInt32 {
        Float(bitPattern: a).squareRoot().bitPattern
    }

    /// `f32.min`: the lesser operand; NaN if either is NaN; -0 is less than +0.
    /// Spec: https://webassembly.github.io/spec/core/exec/numerics.html#op-fmin
    @inline(__always)
    static func f32Min(_ a: UInt32, _ b: UInt32) -> UInt32 {
        wasmMinimum(Float(bitPattern: a), Float(bitPattern: b)).bitPattern
    }

    /// `f32.max`: the greater operand; NaN if either is NaN; +0 is greater than -0.
    /// Spec: https://webassembly.github.io/spec/core/exec/numerics.html#op-fmax
    @inline(__always)
    static func f32Max(_ a: UInt32, _ b: UInt32) -> UInt32 {
        wasmMaximum(Float(bitPattern: a), Float(bitPattern: b)).bitPattern
    }

    // MARK: f64

    /// `f64.add`: IEEE 754 addition, rounding to nearest even.
    @inline(__always)
    static func f64Add(_ a: UInt64, _ b: UInt64) -> UInt64 {
        (Double(bitPattern: a) + Double(bitPattern: b)).bitPattern
    }

    /// `f64.sub`: IEEE 754 subtraction, rounding to nearest even.
    @inline(__always)
    static func f64Sub(_ a: UInt64, _ b: UInt64) -> UInt64 {
        (Double(bitPattern: a) - Double(bitPattern: b)).bitPattern
    }

    /// `f64.mul`: IEEE 754 multiplication, rounding to nearest even.
    @inline(__always)
    static func f64Mul(_ a: UInt64, _ b: UInt64) -> UInt64 {
        (Double(bitPattern: a) * Double(bitPattern: b)).bitPattern
    }

    /// `f64.div`: IEEE 754 division, rounding to nearest even.
    @inline(__always)
    static func f64Div(_ a: UInt64, _ b: UInt64) -> UInt64 {
        (Double(bitPattern: a) / Double(bitPattern: b)).bitPattern
    }

    /// `f64.sqrt`: IEEE 754 square root (NaN for negative operands other than -0).
    @inline(__always)
    static func f64Sqrt(_ a: UInt64) -> UInt64 {
        Double(bitPattern: a).squareRoot().bitPattern
    }

    /// `f64.min`: the lesser operand; NaN if either is NaN; -0 is less than +0.
    /// Spec: https://webassembly.github.io/spec/core/exec/numerics.html#op-fmin
    @inline(__always)
    static func f64Min(_ a: UInt64, _ b: UInt64) -> UInt64 {
        wasmMinimum(Double(bitPattern: a), Double(bitPattern: b)).bitPattern
    }

    /// `f64.max`: the greater operand; NaN if either is NaN; +0 is greater than -0.
    /// Spec: https://webassembly.github.io/spec/core/exec/numerics.html#op-fmax
    @inline(__always)
    static func f64Max(_ a: UInt64, _ b: UInt64) -> UInt64 {
        wasmMaximum(Double(bitPattern: a), Double(bitPattern: b)).bitPattern
    }

    // MARK: Shared

    /// Wasm's `fmin`, which unlike IEEE 754's `minNum` (Swift's `Float.minimum`) propagates NaN.
    @inline(__always)
    static func wasmMinimum<F: BinaryFloatingPoint>(_ a: F, _ b: F) -> F {
        // `a + b` returns a NaN operand, quieted (canonical stays canonical).
        if a.isNaN || b.isNaN { return a + b }
        if a == b { return a.sign == .minus ? a : b }  // picks -0 from {-0, +0}
        return a < b ? a : b
    }

    /// Wasm's `fmax`, which unlike IEEE 754's `maxNum` (Swift's `Float.maximum`) propagates NaN.
    @inline(__always)
    static func wasmMaximum<F: BinaryFloatingPoint>(_ a: F, _ b: F) -> F {
        if a.isNaN || b.isNaN { return a + b }
        if a == b { return a.sign == .minus ? b : a }  // picks +0 from {-0, +0}
        return a > b ? a : b
    }
}
