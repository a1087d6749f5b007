import WasmBinary

/// Lane-wise comparisons: each result lane is all ones when the comparison holds, else zero.
/// Float comparisons reuse the scalar ones (false for NaN operands, except `ne`).
/// Spec: https://webassembly.github.io/spec/core/exec/numerics.html#op-ieq
extension SIMDSemantics {
    @inline(__always)
    static func eq<T: FixedWidthInteger & UnsignedInteger>(_ a: V128, _ b: V128, _ type: T.Type) -> V128 {
        .compare(a, b, T.self) { $0 == $1 }
    }
    @inline(__always)
    static func ne<T: FixedWidthInteger & UnsignedInteger>(_ a: V128, _ b: V128, _ type: T.Type) -> V128 {
        .compare(a, b, T.self) { $0 != $1 }
    }
    @inline(__always)
    static func ltS<T: FixedWidthInteger & UnsignedInteger>(_ a: V128, _ b: V128, _ type: T.Type) -> V128 {
        .compare(a, b, T.self) { signedLess($0, $1) }
    }
    @inline(__always)
    static func gtS<T: FixedWidthInteger & UnsignedInteger>(_ a: V128, _ b: V128, _ type: T.Type) -> V128 {
        .compare(a, b, T.self) { signedLess($1, $0) }
    }
    @inline(__always)
    static func leS<T: FixedWidthInteger & UnsignedInteger>(_ a: V128, _ b: V128, _ type: T.Type) -> V128 {
        .compare(a, b, T.self) { !signedLess($1, $0) }
    }
    @inline(__always)
    static func geS<T: FixedWidthInteger & UnsignedInteger>(_ a: V128, _ b: V128, _ type: T.Type) -> V128 {
        .compare(a, b, T.self) { !signedLess($0, $1) }
    }
    @inline(__always)
    static func ltU<T: FixedWidthInteger & UnsignedInteger>(_ a: V128, _ b: V128, _ type: T.Type) -> V128 {
        .compare(a, b, T.self) { $0 < $1 }
    }
    @inline(__always)
    static func gtU<T: FixedWidthInteger & UnsignedInteger>(_ a: V128, _ b: V128, _ type: T.Type) -> V128 {
        .compare(a, b, T.self) { $0 > $1 }
    }
    @inline(__always)
    static func leU<T: FixedWidthInteger & UnsignedInteger>(_ a: V128, _ b: V128, _ type: T.Type) -> V128 {
        .compare(a, b, T.self) { $0 <= $1 }
    }
    @inline(__always)
    static func geU<T: FixedWidthInteger & UnsignedInteger>(_ a: V128, _ b: V128, _ type: T.Type) -> V128 {
        .compare(a, b, T.self) { $0 >= $1 }
    }

    /// An f32x4 comparison from the scalar one (which returns an i32 0 or 1).
    @inline(__always)
    static func f32x4Compare(_ a: V128, _ b: V128, _ test: (UInt32, UInt32) -> UInt32) -> V128 {
        .compare(a, b, UInt32.self) { test($0, $1) != 0 }
    }

    /// An f64x2 comparison from the scalar one (which returns an i32 0 or 1).
    @inline(__always)
    static func f64x2Compare(_ a: V128, _ b: V128, _ test: (UInt64, UInt64) -> UInt32) -> V128 {
        .compare(a, b, UInt64.self) { test($0, $1) != 0 }
    }
}
