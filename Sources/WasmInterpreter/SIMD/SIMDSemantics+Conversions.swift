import WasmBinary

/// Conversions between shapes: float/integer conversions, demote/promote, narrowing with
/// saturation, and widening (extend, extended multiplication, pairwise addition, dot product).
/// Scalar conversions are `NumericSemantics`' per lane.
/// Spec: https://webassembly.github.io/spec/core/exec/instructions.html#exec-vcvtop
extension SIMDSemantics {
    // MARK: Float and integer conversions

    @inline(__always)
    static func i32x4TruncSatF64x2SZero(_ a: V128) -> V128 {
        V128(lanes: UInt32.self) { $0 < 2 ? NumericSemantics.i32TruncSatF64S(a.lane($0)) : 0 }
    }

    @inline(__always)
    static func i32x4TruncSatF64x2UZero(_ a: V128) -> V128 {
        V128(lanes: UInt32.self) { $0 < 2 ? NumericSemantics.i32TruncSatF64U(a.lane($0)) : 0 }
    }

    @inline(__always)
    static func f64x2ConvertLowI32x4S(_ a: V128) -> V128 {
        V128(lanes: UInt64.self) { NumericSemantics.f64ConvertI32S(a.lane($0)) }
    }

    @inline(__always)
    static func f64x2ConvertLowI32x4U(_ a: V128) -> V128 {
        V128(lanes: UInt64.self) { NumericSemantics.f64ConvertI32U(a.lane($0)) }
    }

    /// `f32x4.demote_f64x2_zero`: the two f64 lanes demoted, then two zero lanes.
    @inline(__always)
    static func f32x4DemoteF64x2Zero(_ a: V128) -> V128 {
        V128(lanes: UInt32.self) { $0 < 2 ? NumericSemantics.f32DemoteF64(a.lane($0)) : 0 }
    }

    /// `f64x2.promote_low_f32x4`: the two low f32 lanes promoted.
    @inline(__always)
    static func f64x2PromoteLowF32x4(_ a: V128) -> V128 {
        V128(lanes: UInt64.self) { NumericSemantics.f64PromoteF32(a.lane($0)) }
    }

    // MARK: Narrowing

    /// `narrow_s`: the lanes of `a` then of `b`, each clamped to the signed range of the narrow lane.
    @inline(__always)
    static func narrowS<Wide: FixedWidthInteger & UnsignedInteger, Narrow: FixedWidthInteger & UnsignedInteger>(
        _ a: V128, _ b: V128, from wide: Wide.Type, to narrow: Narrow.Type
    ) -> V128 {
        let half = 128 / Wide.bitWidth
        return V128(lanes: Narrow.self) { i in
            let lane: Wide = i < half ? a.lane(i) : b.lane(i - half)
            return saturatingSigned(signed(lane), Narrow.self)
        }
    }

    /// `narrow_u`: the signed lanes of `a` then of `b`, each clamped to the unsigned range of the narrow lane.
    @inline(__always)
    static func narrowU<Wide: FixedWidthInteger & UnsignedInteger, Narrow: FixedWidthInteger & UnsignedInteger>(
        _ a: V128, _ b: V128, from wide: Wide.Type, to narrow: Narrow.Type
    ) -> V128 {
        let half = 128 / Wide.bitWidth
        return V128(lanes: Narrow.self) { i in
            let lane: Wide = i < half ? a.lane(i) : b.lane(i - half)
            return saturatingUnsigned(signed(lane), Narrow.self)
        }
    }

    // MARK: Widening

    /// Lane `index` of a narrow shape, sign- or zero-extended.
    @inline(__always)
    static func widened<Narrow: FixedWidthInteger & UnsignedInteger>(_ a: V128, _ index: Int, _ type: Narrow.Type,
                                                                    signed isSigned: Bool) -> Int {
        let lane = a.lane(index, as: Narrow.self)
        return isSigned ? signed(lane) : Int(lane)
    }

    /// `extend_low`/`extend_high`: the low or high half of the narrow lanes, extended.
    @inline(__always)
    static func extend<Narrow: FixedWidthInteger & UnsignedInteger, Wide: FixedWidthInteger & UnsignedInteger>(
        _ a: V128, from narrow: Narrow.Type, to wide: Wide.Type, high: Bool, signed isSigned: Bool
    ) -> V128 {
        let first = high ? 128 / Wide.bitWidth : 0
        return V128(lanes: Wide.self) { Wide(truncatingIfNeeded: widened(a, first + $0, Narrow.self, signed: isSigned)) }
    }

    /// `extmul_low`/`extmul_high`: products of the extended low or high halves.
    @inline(__always)
    static func extmul<Narrow: FixedWidthInteger & UnsignedInteger, Wide: FixedWidthInteger & UnsignedInteger>(
        _ a: V128, _ b: V128, from narrow: Narrow.Type, to wide: Wide.Type, high: Bool, signed isSigned: Bool
    ) -> V128 {
        let first = high ? 128 / Wide.bitWidth : 0
        return V128(lanes: Wide.self) { i in
            let x = Wide(truncatingIfNeeded: widened(a, first + i, Narrow.self, signed: isSigned))
            let y = Wide(truncatingIfNeeded: widened(b, first + i, Narrow.self, signed: isSigned))
            return x &* y
        }
    }

    /// `extadd_pairwise`: each wide lane is the sum of two adjacent extended narrow lanes.
    @inline(__always)
    static func extaddPairwise<Narrow: FixedWidthInteger & UnsignedInteger, Wide: FixedWidthInteger & UnsignedInteger>(
        _ a: V128, from narrow: Narrow.Type, to wide: Wide.Type, signed isSigned: Bool
    ) -> V128 {
        V128(lanes: Wide.self) { i in
            Wide(truncatingIfNeeded: widened(a, 2 * i, Narrow.self, signed: isSigned) + widened(a, 2 * i + 1, Narrow.self, signed: isSigned))
        }
    }

    /// `i32x4.dot_i16x8_s`: each i32 lane is the sum of the products of two adjacent signed i16 pairs.
    @inline(__always)
    static func i32x4DotI16x8S(_ a: V128, _ b: V128) -> V128 {
        V128(lanes: UInt32.self) { i in
            let low = signed(a.lane(2 * i, as: UInt16.self)) * signed(b.lane(2 * i, as: UInt16.self))
            let high = signed(a.lane(2 * i + 1, as: UInt16.self)) * signed(b.lane(2 * i + 1, as: UInt16.self))
            return UInt32(truncatingIfNeeded: low + high)
        }
    }
}
