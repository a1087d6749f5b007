import WasmBinary

/// What each WebAssembly 2.0 fixed-width SIMD instruction computes, written once as pure
/// functions on `V128` values (and scalars as bit patterns, like `NumericSemantics`).
///
/// Each function is named after its `SIMDOperation` (or lane/memory operation) case. Float lanes
/// are IEEE bit patterns and reuse the scalar float semantics, so NaN rules are the scalar ones
/// applied per lane. The interpreter's SIMD handlers call these and nothing else.
///
/// Spec: https://webassembly.github.io/spec/core/exec/instructions.html#vector-instructions
enum SIMDSemantics {}

// MARK: Bitwise

extension SIMDSemantics {
    @inline(__always) static func v128Not(_ a: V128) -> V128 { V128(low: ~a.low, high: ~a.high) }
    @inline(__always) static func v128And(_ a: V128, _ b: V128) -> V128 { V128(low: a.low & b.low, high: a.high & b.high) }
    @inline(__always) static func v128Andnot(_ a: V128, _ b: V128) -> V128 { V128(low: a.low & ~b.low, high: a.high & ~b.high) }
    @inline(__always) static func v128Or(_ a: V128, _ b: V128) -> V128 { V128(low: a.low | b.low, high: a.high | b.high) }
    @inline(__always) static func v128Xor(_ a: V128, _ b: V128) -> V128 { V128(low: a.low ^ b.low, high: a.high ^ b.high) }

    /// `v128.bitselect`: bits of `a` where `mask` is 1, bits of `b` where it is 0.
    @inline(__always)
    static func v128Bitselect(_ a: V128, _ b: V128, _ mask: V128) -> V128 {
        V128(low: (a.low & mask.low) | (b.low & ~mask.low), high: (a.high & mask.high) | (b.high & ~mask.high))
    }

    /// `v128.any_true`: 1 when any bit is set.
    @inline(__always)
    static func v128AnyTrue(_ a: V128) -> UInt32 { (a.low | a.high) != 0 ? 1 : 0 }
}
