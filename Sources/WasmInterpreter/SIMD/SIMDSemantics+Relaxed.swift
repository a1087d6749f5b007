import WasmBinary

/// Relaxed SIMD, with the results of the spec's deterministic profile: where the spec lets an
/// implementation choose among several results (`relaxed(R)[A_0, ..., A_n]`), this engine always
/// gives `A_0`, which the deterministic profile prescribes. So a relaxed instruction gives the same
/// result on every machine and is, operand for operand:
///
/// - `i8x16.relaxed_swizzle`: `i8x16.swizzle` (an index of 16 or more selects 0);
/// - `i32x4.relaxed_trunc_f32x4_s/u`, `i32x4.relaxed_trunc_f64x2_s/u_zero`: the saturating
///   truncations (`i32x4.trunc_sat_...`): NaN is 0, out-of-range values saturate;
/// - `f32x4/f64x2.relaxed_madd`: `a * b + c` rounded twice (not fused), and `relaxed_nmadd`:
///   `-a * b + c` rounded twice;
/// - `iNxM.relaxed_laneselect`: `v128.bitselect` (every mask bit selects, not only each lane's top bit);
/// - `f32x4/f64x2.relaxed_min/max`: `min`/`max` (NaN if either is NaN, -0 below +0);
/// - `i16x8.relaxed_q15mulr_s`: `i16x8.q15mulr_sat_s` (-32768 × -32768 saturates to 32767);
/// - `i16x8.relaxed_dot_i8x16_i7x16_s`: both operands' bytes signed, each pair of products added
///   with signed saturation to 16 bits; `i32x4.relaxed_dot_i8x16_i7x16_add_s`: those 16-bit sums
///   added in pairs to 32 bits, plus the third operand's lanes (wrapping).
///
/// Most of these are the 2.0 instruction they relax, and the translator emits that instruction's
/// handler (`RelaxedSIMDOperation.deterministicEquivalent`); the functions here compute the rest.
/// <https://webassembly.github.io/spec/core/exec/numerics.html#relaxed-operations>
extension SIMDSemantics {
    /// `f32x4.relaxed_madd` (`negated`: `relaxed_nmadd`): `±a * b + c` per lane, the product and
    /// the sum each rounded (and their NaNs chosen) as `f32.mul` and `f32.add` do.
    static func f32x4RelaxedMadd(_ a: V128, _ b: V128, _ c: V128, negated: Bool) -> V128 {
        V128(lanes: UInt32.self) { i in
            let factor = a.lane(i, as: UInt32.self) ^ (negated ? 0x8000_0000 : 0)
            return NumericSemantics.f32Add(NumericSemantics.f32Mul(factor, b.lane(i, as: UInt32.self)), c.lane(i, as: UInt32.self))
        }
    }

    /// `f64x2.relaxed_madd` (`negated`: `relaxed_nmadd`): `±a * b + c` per lane, rounded twice.
    static func f64x2RelaxedMadd(_ a: V128, _ b: V128, _ c: V128, negated: Bool) -> V128 {
        V128(lanes: UInt64.self) { i in
            let factor = a.lane(i, as: UInt64.self) ^ (negated ? 0x8000_0000_0000_0000 : 0)
            return NumericSemantics.f64Add(NumericSemantics.f64Mul(factor, b.lane(i, as: UInt64.self)), c.lane(i, as: UInt64.self))
        }
    }

    /// `i16x8.relaxed_dot_i8x16_i7x16_s`: lane i is `a[2i]·b[2i] + a[2i+1]·b[2i+1]` of signed
    /// bytes, saturated to a signed 16-bit value.
    static func i16x8RelaxedDotI8x16I7x16S(_ a: V128, _ b: V128) -> V128 {
        V128(lanes: UInt16.self) { i in
            let low = signed(a.lane(2 * i, as: UInt8.self)) * signed(b.lane(2 * i, as: UInt8.self))
            let high = signed(a.lane(2 * i + 1, as: UInt8.self)) * signed(b.lane(2 * i + 1, as: UInt8.self))
            return saturatingSigned(low + high, UInt16.self)
        }
    }

    /// `i32x4.relaxed_dot_i8x16_i7x16_add_s`: lane i is the sum of the 16-bit dot products 2i and
    /// 2i+1 (`i16x8RelaxedDotI8x16I7x16S`), plus `c`'s lane i, modulo 2^32.
    static func i32x4RelaxedDotI8x16I7x16AddS(_ a: V128, _ b: V128, _ c: V128) -> V128 {
        let dot = i16x8RelaxedDotI8x16I7x16S(a, b)
        return V128(lanes: UInt32.self) { i in
            let sum = signed(dot.lane(2 * i, as: UInt16.self)) + signed(dot.lane(2 * i + 1, as: UInt16.self))
            return UInt32(truncatingIfNeeded: sum) &+ c.lane(i, as: UInt32.self)
        }
    }
}

extension RelaxedSIMDOperation {
    /// The SIMD instruction this one computes in the deterministic profile, when there is one
    /// (see `SIMDSemantics+Relaxed.swift`).
    var deterministicEquivalent: SIMDOperation? {
        switch self {
        case .i8x16RelaxedSwizzle: return .i8x16Swizzle
        case .i32x4RelaxedTruncF32x4S: return .i32x4TruncSatF32x4S
        case .i32x4RelaxedTruncF32x4U: return .i32x4TruncSatF32x4U
        case .i32x4RelaxedTruncF64x2SZero: return .i32x4TruncSatF64x2SZero
        case .i32x4RelaxedTruncF64x2UZero: return .i32x4TruncSatF64x2UZero
        case .i8x16RelaxedLaneselect, .i16x8RelaxedLaneselect, .i32x4RelaxedLaneselect, .i64x2RelaxedLaneselect:
            return .v128Bitselect
        case .f32x4RelaxedMin: return .f32x4Min
        case .f32x4RelaxedMax: return .f32x4Max
        case .f64x2RelaxedMin: return .f64x2Min
        case .f64x2RelaxedMax: return .f64x2Max
        case .i16x8RelaxedQ15mulrS: return .i16x8Q15mulrSatS
        case .f32x4RelaxedMadd, .f32x4RelaxedNmadd, .f64x2RelaxedMadd, .f64x2RelaxedNmadd,
             .i16x8RelaxedDotI8x16I7x16S, .i32x4RelaxedDotI8x16I7x16AddS:
            return nil
        }
    }
}
