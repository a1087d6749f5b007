import Testing
import WasmBinary

@testable import WasmInterpreter

/// Lane-wise semantics at their edges, with expected lanes worked out from the spec's definitions.
struct SIMDSemanticsTests {
    typealias S = SIMDSemantics

    static func bytes(_ b: [UInt8]) -> V128 { V128(bytes: b) }
    static func i16(_ lanes: [Int16]) -> V128 { V128(lanes: UInt16.self) { UInt16(bitPattern: lanes[$0]) } }
    static func i32(_ lanes: [Int32]) -> V128 { V128(lanes: UInt32.self) { UInt32(bitPattern: lanes[$0]) } }
    static func f32(_ lanes: [Float]) -> V128 { V128(lanes: UInt32.self) { lanes[$0].bitPattern } }

    @Test func lanesAreLittleEndianAcrossBothHalves() {
        let v = Self.bytes(Array(0..<16))
        #expect(v.lane(0, as: UInt8.self) == 0 && v.lane(15, as: UInt8.self) == 15)
        #expect(v.lane(4, as: UInt16.self) == 0x0908)
        #expect(v.lane(3, as: UInt32.self) == 0x0F0E_0D0C)
        #expect(v.replacing(lane: 9, with: UInt8(0xAA)).bytes == [0, 1, 2, 3, 4, 5, 6, 7, 8, 0xAA, 10, 11, 12, 13, 14, 15])
    }

    @Test func integerArithmeticWrapsAndSaturates() {
        let a = Self.i16([.max, .min, -1, 0, 100, -100, 32_000, -32_000])
        let b = Self.i16([1, -1, 1, 0, 100, 100, 1_000, -1_000])
        #expect(S.add(a, b, UInt16.self) == Self.i16([.min, .max, 0, 0, 200, 0, -32_536, 32_536]))
        #expect(S.addSatS(a, b, UInt16.self) == Self.i16([.max, .min, 0, 0, 200, 0, .max, .min]))
        // Unsigned: 0x7FFF + 1 does not overflow, 0xFFFF + 1 saturates, 0x8000 - 0xFFFF clamps to 0.
        #expect(S.addSatU(a, b, UInt16.self).lane(0, as: UInt16.self) == 0x8000)
        #expect(S.addSatU(a, b, UInt16.self).lane(2, as: UInt16.self) == 0xFFFF)
        #expect(S.subSatU(a, b, UInt16.self).lane(1, as: UInt16.self) == 0)
        #expect(S.abs(a, UInt16.self) == Self.i16([.max, .min, 1, 0, 100, 100, 32_000, 32_000]))
        #expect(S.minS(a, b, UInt16.self) == Self.i16([1, .min, -1, 0, 100, -100, 1_000, -32_000]))
        #expect(S.maxU(a, b, UInt16.self) == Self.i16([.max, -1, -1, 0, 100, -100, 32_000, -1_000]))
    }

    @Test func averageRoundsUpWithoutOverflow() {
        let a = Self.bytes([255, 0, 1, 2, 255, 254, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        let b = Self.bytes([255, 1, 2, 2, 0, 255, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(S.avgrU(a, b, UInt8.self).bytes.prefix(6) == [255, 1, 2, 2, 128, 255])
    }

    @Test func q15MultiplicationRoundsAndSaturates() {
        let a = Self.i16([.min, 16_384, -16_384, 1, 0x4000, 3, 0, .max])
        let b = Self.i16([.min, 16_384, 16_384, 16_384, 1, -16_384, 5, .max])
        // (a·b + 0x4000) >> 15; only min·min overflows and saturates.
        #expect(S.i16x8Q15mulrSatS(a, b) == Self.i16([.max, 8_192, -8_192, 1, 1, -1, 0, 32_766]))
    }

    @Test func narrowingSaturatesSignedInputs() {
        let a = Self.i16([300, -300, 127, -128, 128, -129, 255, 0])
        let b = Self.i16([1, 2, 3, 4, 5, 6, 7, 8])
        let signed: [UInt8] = [127, 0x80, 127, 0x80, 127, 0x80, 127, 0, 1, 2, 3, 4, 5, 6, 7, 8]
        let unsigned: [UInt8] = [255, 0, 127, 0, 128, 0, 255, 0, 1, 2, 3, 4, 5, 6, 7, 8]
        #expect(S.narrowS(a, b, from: UInt16.self, to: UInt8.self).bytes == signed)
        #expect(S.narrowU(a, b, from: UInt16.self, to: UInt8.self).bytes == unsigned)
    }

    @Test func wideningOperations() {
        let a = Self.i16([-1, 2, -3, 4, .min, .min, .max, 7])
        #expect(S.extend(a, from: UInt16.self, to: UInt32.self, high: false, signed: true) == Self.i32([-1, 2, -3, 4]))
        #expect(S.extend(a, from: UInt16.self, to: UInt32.self, high: true, signed: false) == Self.i32([32_768, 32_768, 32_767, 7]))
        #expect(S.extaddPairwise(a, from: UInt16.self, to: UInt32.self, signed: true) == Self.i32([1, 1, -65_536, 32_774]))
        #expect(S.extmul(a, a, from: UInt16.self, to: UInt32.self, high: true, signed: true) == Self.i32([1 << 30, 1 << 30, 1_073_676_289, 49]))
        // Every product is 2^30; two of them sum to 2^31, which wraps to Int32.min.
        let mins = Self.i16(Array(repeating: .min, count: 8))
        #expect(S.i32x4DotI16x8S(mins, mins) == Self.i32(Array(repeating: .min, count: 4)))
    }

    @Test func shiftCountsAreTakenModuloTheLaneWidth() {
        let a = Self.bytes([0x80, 0x81, 0x7F, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF])
        #expect(S.shrS(a, 9, UInt8.self).bytes.prefix(4) == [0xC0, 0xC0, 0x3F, 0])
        #expect(S.shrU(a, 1, UInt8.self).bytes.prefix(4) == [0x40, 0x40, 0x3F, 0])
        #expect(S.shl(a, 8, UInt8.self) == a)
        #expect(S.shl(a, 7, UInt8.self).bytes.prefix(4) == [0, 0x80, 0x80, 0x80])
    }

    @Test func swizzleAndShufflePickBytes() {
        let a = Self.bytes(Array(100..<116))
        let b = Self.bytes(Array(200..<216))
        let indices = Self.bytes([15, 0, 16, 255, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
        #expect(S.i8x16Swizzle(a, indices).bytes.prefix(6) == [115, 100, 0, 0, 101, 101])
        let lanes = Self.bytes([0, 16, 31, 15, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22])
        #expect(S.i8x16Shuffle(a, b, lanes: lanes).bytes.prefix(6) == [100, 200, 215, 115, 101, 201])
    }

    @Test func reductions() {
        let v = Self.i32([-1, 0, 5, .min])
        #expect(S.bitmask(v, UInt32.self) == 0b1001)
        #expect(S.allTrue(v, UInt32.self) == 0)
        #expect(S.allTrue(Self.i32([1, 2, 3, -4]), UInt32.self) == 1)
        #expect(S.v128AnyTrue(V128(low: 0, high: 1 << 63)) == 1)
        #expect(S.v128AnyTrue(V128(low: 0, high: 0)) == 0)
        #expect(S.i8x16Bitmask(Self.bytes([0x80] + Array(repeating: 0, count: 14) + [0xFF])) == 0x8001)
    }

    @Test func pseudoMinimumReturnsAnOperandUnchanged() {
        let nan: Float = .nan
        let a = Self.f32([nan, 1, -0.0, 2])
        let b = Self.f32([1, nan, 0.0, 1])
        // pmin(a, b) = b < a ? b : a — comparisons with NaN are false, so `a` is returned.
        #expect(S.f32x4Pmin(a, b) == Self.f32([nan, 1, -0.0, 1]))
        #expect(S.f32x4Pmax(a, b) == Self.f32([nan, 1, -0.0, 2]))
    }

    @Test func floatLanesUseTheScalarRules() {
        let a = Self.f32([-0.0, 1.5, .infinity, -2.5])
        let b = Self.f32([0.0, .nan, 1, -2.5])
        let minimum = S.f32x4(a, b, NumericSemantics.f32Min)
        #expect(minimum.lane(0, as: UInt32.self) == (-0.0 as Float).bitPattern)
        #expect(Float(bitPattern: minimum.lane(1, as: UInt32.self)).isNaN)
        #expect(S.f32x4Compare(a, b, NumericSemantics.f32Eq) == V128(lanes: UInt32.self) { [0xFFFF_FFFF, 0, 0, 0xFFFF_FFFF][$0] })
        #expect(S.f32x4(a, NumericSemantics.f32Nearest) == Self.f32([-0.0, 2, .infinity, -2]))
    }

    @Test func conversionsSaturateAndZeroTheUpperLanes() {
        let doubles = V128(low: Double.nan.bitPattern, high: (-1e10).bitPattern)
        #expect(S.i32x4TruncSatF64x2SZero(doubles) == Self.i32([0, .min, 0, 0]))
        #expect(S.i32x4TruncSatF64x2UZero(doubles) == Self.i32([0, 0, 0, 0]))
        let demoted = S.f32x4DemoteF64x2Zero(V128(low: (1e300).bitPattern, high: (0.5).bitPattern))
        #expect(demoted == Self.f32([.infinity, 0.5, 0, 0]))
        #expect(S.f64x2ConvertLowI32x4U(Self.i32([-1, 2, 9, 9])) == V128(low: Double(4_294_967_295).bitPattern, high: Double(2).bitPattern))
    }
}
