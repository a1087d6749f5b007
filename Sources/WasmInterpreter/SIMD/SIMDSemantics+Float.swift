import WasmBinary

/// Lane-wise f32x4 and f64x2 arithmetic. Lanes are IEEE bit patterns and each operation is the
/// scalar `NumericSemantics` one per lane (so the scalar NaN rules hold per lane), except
/// `pmin`/`pmax`, which are defined by a plain comparison and return an operand unchanged.
/// Spec: https://webassembly.github.io/spec/core/exec/numerics.html#op-fpmin
extension SIMDSemantics {
    @inline(__always)
    static func f32x4(_ a: V128, _ operation: (UInt32) -> UInt32) -> V128 { .map(a, UInt32.self, operation) }

    @inline(__always)
    static func f32x4(_ a: V128, _ b: V128, _ operation: (UInt32, UInt32) -> UInt32) -> V128 { .zip(a, b, UInt32.self, operation) }

    @inline(__always)
    static func f64x2(_ a: V128, _ operation: (UInt64) -> UInt64) -> V128 { .map(a, UInt64.self, operation) }

    @inline(__always)
    static func f64x2(_ a: V128, _ b: V128, _ operation: (UInt64, UInt64) -> UInt64) -> V128 { .zip(a, b, UInt64.self, operation) }

    /// `f32x4.pmin`: `b` when `b < a`, else `a` (NaNs are not special).
    @inline(__always)
    static func f32x4Pmin(_ a: V128, _ b: V128) -> V128 {
        f32x4(a, b) { Float(bitPattern: $1) < Float(bitPattern: $0) ? $1 : $0 }
    }

    /// `f32x4.pmax`: `b` when `a < b`, else `a` (NaNs are not special).
    @inline(__always)
    static func f32x4Pmax(_ a: V128, _ b: V128) -> V128 {
        f32x4(a, b) { Float(bitPattern: $0) < Float(bitPattern: $1) ? $1 : $0 }
    }

    /// `f64x2.pmin`: `b` when `b < a`, else `a` (NaNs are not special).
    @inline(__always)
    static func f64x2Pmin(_ a: V128, _ b: V128) -> V128 {
        f64x2(a, b) { Double(bitPattern: $1) < Double(bitPattern: $0) ? $1 : $0 }
    }

    /// `f64x2.pmax`: `b` when `a < b`, else `a` (NaNs are not special).
    @inline(__always)
    static func f64x2Pmax(_ a: V128, _ b: V128) -> V128 {
        f64x2(a, b) { Double(bitPattern: $0) < Double(bitPattern: $1) ? $1 : $0 }
    }
}
