import Testing

@testable import WasmInterpreter

/// The conversions that cannot trap: integer to float rounding, demotion and promotion, and
/// reinterpretation.
struct NumericsConversionTests {
    typealias N = NumericSemantics

    @Test func integerToF32RoundsOnceToNearestEven() {
        // 2^63 + 2^39 + 1 lies just above halfway between two f32s, so it rounds up to
        // 2^63 + 2^40. Going through f64 first would lose the +1 and then tie down to 2^63.
        #expect(N.f32ConvertI64U(0x8000_0080_0000_0001) == Float(0x1.000002p63).bitPattern)
        // Exactly halfway: ties to even.
        #expect(N.f32ConvertI64U(0x8000_0080_0000_0000) == Float(0x1p63).bitPattern)
        // 2^53 + 2^29 + 1: the same trap for the signed conversion.
        #expect(N.f32ConvertI64S(0x0020_0000_2000_0001) == Float(0x1.000002p53).bitPattern)
        #expect(N.f32ConvertI64S(0xFFDF_FFFF_DFFF_FFFF) == Float(-0x1.000002p53).bitPattern)
        #expect(N.f32ConvertI64U(0xFFFF_FFFF_FFFF_FFFF) == Float(0x1p64).bitPattern)
        #expect(N.f32ConvertI64S(0x8000_0000_0000_0000) == Float(-0x1p63).bitPattern)
        #expect(N.f32ConvertI32S(0x8000_0000) == Float(-0x1p31).bitPattern)
        #expect(N.f32ConvertI32U(0xFFFF_FFFF) == Float(0x1p32).bitPattern)
        #expect(N.f32ConvertI32S(0x0100_0001) == Float(0x1p24).bitPattern)  // 16777217 ties to even
        #expect(N.f32ConvertI32U(0x0100_0003) == Float(16_777_220).bitPattern)
    }

    @Test func integerToF64() {
        #expect(N.f64ConvertI32S(0x8000_0000) == Double(-2_147_483_648).bitPattern)
        #expect(N.f64ConvertI32U(0xFFFF_FFFF) == Double(4_294_967_295).bitPattern)
        // 2^53 + 1 is halfway: ties to even.
        #expect(N.f64ConvertI64S(0x0020_0000_0000_0001) == Double(0x1p53).bitPattern)
        #expect(N.f64ConvertI64S(0x0020_0000_0000_0003) == Double(0x1.0000000000002p53).bitPattern)
        #expect(N.f64ConvertI64U(0xFFFF_FFFF_FFFF_FFFF) == Double(0x1p64).bitPattern)
        #expect(N.f64ConvertI64U(0x8000_0000_0000_0401) == Double(0x1.0000000000001p63).bitPattern)
        #expect(N.f64ConvertI64S(0xFFFF_FFFF_FFFF_FFFF) == Double(-1).bitPattern)
    }

    @Test func demotionRoundsAndOverflowsToInfinity() {
        #expect(
            N.f32DemoteF64(Double(0x1.fffffefffffffp127).bitPattern)
                == Float.greatestFiniteMagnitude.bitPattern)
        #expect(N.f32DemoteF64(Double(0x1.ffffffp127).bitPattern) == Float.infinity.bitPattern)
        #expect(
            N.f32DemoteF64(Double.greatestFiniteMagnitude.bitPattern) == Float.infinity.bitPattern)
        // Half the least subnormal ties to even (zero); anything above it rounds up.
        #expect(N.f32DemoteF64(Double(-0x1p-150).bitPattern) == Float(-0.0).bitPattern)
        #expect(
            N.f32DemoteF64(Double(0x1.0000000000001p-150).bitPattern) == Float(0x1p-149).bitPattern)
        #expect(N.f32DemoteF64(Double(0x1.000001p0).bitPattern) == Float(1).bitPattern)
        #expect(N.f32DemoteF64(Double(-0.0).bitPattern) == Float(-0.0).bitPattern)
    }

    @Test func demotionAndPromotionQuietNaN() {
        // A canonical NaN stays canonical (either sign); any other NaN comes out quiet.
        #expect(N.f32DemoteF64(0x7FF8_0000_0000_0000) & 0x7FFF_FFFF == 0x7FC0_0000)
        #expect(N.f32DemoteF64(0xFFF8_0000_0000_0000) & 0x7FFF_FFFF == 0x7FC0_0000)
        let demoted = N.f32DemoteF64(0x7FF4_0000_0000_0001)
        #expect(Float(bitPattern: demoted).isNaN && demoted & 0x0040_0000 != 0)
        #expect(N.f64PromoteF32(0x7FC0_0000) & 0x7FFF_FFFF_FFFF_FFFF == 0x7FF8_0000_0000_0000)
        let promoted = N.f64PromoteF32(0x7FA0_0001)
        #expect(Double(bitPattern: promoted).isNaN && promoted & 0x0008_0000_0000_0000 != 0)
    }

    @Test func promotionIsExact() {
        #expect(
            N.f64PromoteF32(Float.leastNonzeroMagnitude.bitPattern) == Double(0x1p-149).bitPattern)
        #expect(N.f64PromoteF32(Float(-0.0).bitPattern) == Double(-0.0).bitPattern)
        #expect(
            N.f64PromoteF32(Float.greatestFiniteMagnitude.bitPattern)
                == Double(0x1.fffffep127).bitPattern)
        #expect(N.f64PromoteF32(Float.infinity.bitPattern) == Double.infinity.bitPattern)
    }

    @Test func reinterpretationKeepsEveryBit() {
        for bits: UInt32 in [0, 0x8000_0000, 0x7FA0_0001, 0xFFFF_FFFF] {
            #expect(N.i32ReinterpretF32(bits) == bits && N.f32ReinterpretI32(bits) == bits)
        }
        for bits: UInt64 in [0, 0x7FF4_0000_0000_0001, 0xFFFF_FFFF_FFFF_FFFF] {
            #expect(N.i64ReinterpretF64(bits) == bits && N.f64ReinterpretI64(bits) == bits)
        }
    }
}
