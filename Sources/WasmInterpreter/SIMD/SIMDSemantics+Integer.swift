import WasmBinary

/// Lane-wise integer arithmetic: add, sub, mul, neg, abs, min, max, avgr_u, popcnt, and the
/// signed views of unsigned lane bit patterns the other integer families share.
/// Each function takes the lane type (`UInt8` for i8x16 … `UInt64` for i64x2).
/// Spec: https://webassembly.github.io/spec/core/exec/numerics.html#integer-operations
extension SIMDSemantics {
    // MARK: Signed views

    /// The lane's bits read as a two's-complement signed integer.
    @inline(__always)
    static func signed<T: FixedWidthInteger & UnsignedInteger>(_ a: T) -> Int {
        let unused = UInt64(64 - T.bitWidth)
        return Int(truncatingIfNeeded: UInt64(a) << unused) >> unused
    }

    /// `x` clamped to the signed range of a `T` lane, as its bits.
    @inline(__always)
    static func saturatingSigned<T: FixedWidthInteger & UnsignedInteger>(_ x: Int, _ type: T.Type) -> T {
        let maximum = Int(T.max >> 1)
        return T(truncatingIfNeeded: min(max(x, -maximum - 1), maximum))
    }

    /// `x` clamped to the unsigned range of a `T` lane (lanes narrower than 64 bits).
    @inline(__always)
    static func saturatingUnsigned<T: FixedWidthInteger & UnsignedInteger>(_ x: Int, _ type: T.Type) -> T {
        T(truncatingIfNeeded: min(max(x, 0), Int(T.max)))
    }

    /// Signed less-than on lane bit patterns (flipping the sign bit orders them unsigned).
    @inline(__always)
    static func signedLess<T: FixedWidthInteger & UnsignedInteger>(_ a: T, _ b: T) -> Bool {
        let sign = T(1) << (T.bitWidth - 1)
        return a ^ sign < b ^ sign
    }

    // MARK: Arithmetic

    @inline(__always)
    static func add<T: FixedWidthInteger & UnsignedInteger>(_ a: V128, _ b: V128, _ type: T.Type) -> V128 {
        .zip(a, b, T.self) { $0 &+ $1 }
    }

    @inline(__always)
    static func sub<T: FixedWidthInteger & UnsignedInteger>(_ a: V128, _ b: V128, _ type: T.Type) -> V128 {
        .zip(a, b, T.self) { $0 &- $1 }
    }

    @inline(__always)
    static func mul<T: FixedWidthInteger & UnsignedInteger>(_ a: V128, _ b: V128, _ type: T.Type) -> V128 {
        .zip(a, b, T.self) { $0 &* $1 }
    }

    @inline(__always)
    static func neg<T: FixedWidthInteger & UnsignedInteger>(_ a: V128, _ type: T.Type) -> V128 {
        .map(a, T.self) { 0 &- $0 }
    }

    /// `abs`: the most negative value stays itself (wrap-around).
    @inline(__always)
    static func abs<T: FixedWidthInteger & UnsignedInteger>(_ a: V128, _ type: T.Type) -> V128 {
        .map(a, T.self) { $0 >> (T.bitWidth - 1) != 0 ? 0 &- $0 : $0 }
    }

    @inline(__always)
    static func minS<T: FixedWidthInteger & UnsignedInteger>(_ a: V128, _ b: V128, _ type: T.Type) -> V128 {
        .zip(a, b, T.self) { signedLess($1, $0) ? $1 : $0 }
    }

    @inline(__always)
    static func maxS<T: FixedWidthInteger & UnsignedInteger>(_ a: V128, _ b: V128, _ type: T.Type) -> V128 {
        .zip(a, b, T.self) { signedLess($0, $1) ? $1 : $0 }
    }

    @inline(__always)
    static func minU<T: FixedWidthInteger & UnsignedInteger>(_ a: V128, _ b: V128, _ type: T.Type) -> V128 {
        .zip(a, b, T.self) { Swift.min($0, $1) }
    }

    @inline(__always)
    static func maxU<T: FixedWidthInteger & UnsignedInteger>(_ a: V128, _ b: V128, _ type: T.Type) -> V128 {
        .zip(a, b, T.self) { Swift.max($0, $1) }
    }

    /// `avgr_u`: (a + b + 1) / 2 without overflow.
    @inline(__always)
    static func avgrU<T: FixedWidthInteger & UnsignedInteger>(_ a: V128, _ b: V128, _ type: T.Type) -> V128 {
        .zip(a, b, T.self) { ($0 >> 1) + ($1 >> 1) + (($0 | $1) & 1) }
    }

    /// `i8x16.popcnt`: the number of set bits of each byte.
    @inline(__always)
    static func i8x16Popcnt(_ a: V128) -> V128 {
        .map(a, UInt8.self) { UInt8($0.nonzeroBitCount) }
    }

    // MARK: Saturating

    @inline(__always)
    static func addSatS<T: FixedWidthInteger & UnsignedInteger>(_ a: V128, _ b: V128, _ type: T.Type) -> V128 {
        .zip(a, b, T.self) { saturatingSigned(signed($0) + signed($1), T.self) }
    }

    @inline(__always)
    static func subSatS<T: FixedWidthInteger & UnsignedInteger>(_ a: V128, _ b: V128, _ type: T.Type) -> V128 {
        .zip(a, b, T.self) { saturatingSigned(signed($0) - signed($1), T.self) }
    }

    @inline(__always)
    static func addSatU<T: FixedWidthInteger & UnsignedInteger>(_ a: V128, _ b: V128, _ type: T.Type) -> V128 {
        .zip(a, b, T.self) { let (sum, overflow) = $0.addingReportingOverflow($1); return overflow ? T.max : sum }
    }

    @inline(__always)
    static func subSatU<T: FixedWidthInteger & UnsignedInteger>(_ a: V128, _ b: V128, _ type: T.Type) -> V128 {
        .zip(a, b, T.self) { $0 > $1 ? $0 - $1 : 0 }
    }

    /// `i16x8.q15mulr_sat_s`: the rounded Q15 product, (a·b + 2^14) >> 15, saturated.
    @inline(__always)
    static func i16x8Q15mulrSatS(_ a: V128, _ b: V128) -> V128 {
        .zip(a, b, UInt16.self) { saturatingSigned((signed($0) * signed($1) + 0x4000) >> 15, UInt16.self) }
    }
}
