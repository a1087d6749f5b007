import Testing
import WasmBinary
import WasmInterpreter
import WasmSpecTest

/// NaN patterns, bit-exact float comparison and lane-wise vector comparison.
struct ExpectedValueMatchingTests {
    // Canonical NaN: exponent all ones, payload exactly the top bit; arithmetic: top payload bit set.
    @Test(arguments: [
        (0x7fc0_0000, true, true),  // +canonical
        (0xffc0_0000, true, true),  // -canonical
        (0x7fc0_0001, false, true),  // quiet with extra payload
        (0x7fe0_0000, false, true),
        (0x7fa0_0000, false, false),  // signalling
        (0x7f80_0001, false, false),  // signalling
        (0x7f80_0000, false, false),  // +infinity
        (0x3f80_0000, false, false),  // 1.0
    ] as [(UInt32, Bool, Bool)])
    func f32NaNPatterns(bits: UInt32, canonical: Bool, arithmetic: Bool) {
        #expect(NaNPattern.canonical.matches(f32: bits) == canonical)
        #expect(NaNPattern.arithmetic.matches(f32: bits) == arithmetic)
        #expect(ExpectedValue.f32NaN(.canonical).matches(.f32(bits)) == canonical)
        #expect(ExpectedValue.f32NaN(.arithmetic).matches(.f32(bits)) == arithmetic)
    }

    @Test(arguments: [
        (0x7ff8_0000_0000_0000, true, true),
        (0xfff8_0000_0000_0000, true, true),
        (0x7ff8_0000_0000_0001, false, true),
        (0xfffc_0000_0000_0000, false, true),
        (0x7ff4_0000_0000_0000, false, false),
        (0x7ff0_0000_0000_0001, false, false),
        (0x7ff0_0000_0000_0000, false, false),
        (0x3ff0_0000_0000_0000, false, false),
    ] as [(UInt64, Bool, Bool)])
    func f64NaNPatterns(bits: UInt64, canonical: Bool, arithmetic: Bool) {
        #expect(NaNPattern.canonical.matches(f64: bits) == canonical)
        #expect(NaNPattern.arithmetic.matches(f64: bits) == arithmetic)
        #expect(ExpectedValue.f64NaN(.canonical).matches(.f64(bits)) == canonical)
    }

    @Test func nanPatternsRejectOtherTypes() {
        #expect(!ExpectedValue.f32NaN(.arithmetic).matches(.f64(0x7ff8_0000_0000_0000)))
        #expect(!ExpectedValue.f64NaN(.arithmetic).matches(.f32(0x7fc0_0000)))
        #expect(!ExpectedValue.f32NaN(.arithmetic).matches(.i32(0x7fc0_0000)))
    }

    @Test func floatsCompareBitForBit() {
        let negativeZero = Value(Float(-0.0))
        #expect(ExpectedValue.exact(negativeZero).matches(negativeZero))
        #expect(!ExpectedValue.exact(negativeZero).matches(Value(Float(0.0))))
        // Two different NaN payloads are different results.
        #expect(!ExpectedValue.exact(.f64(0x7ff8_0000_0000_0001)).matches(.f64(0x7ff8_0000_0000_0000)))
        // Same bits, other type.
        #expect(!ExpectedValue.exact(.i32(1)).matches(.f32(1)))
        #expect(!ExpectedValue.exact(.i32(1)).matches(.i64(1)))
    }

    @Test func references() {
        #expect(ExpectedValue.exact(.ref(.null(.funcref))).matches(.ref(.null(.funcref))))
        #expect(!ExpectedValue.exact(.ref(.null(.funcref))).matches(.ref(.null(.externref))))
        #expect(ExpectedValue.exact(.ref(.extern(7))).matches(.ref(.extern(7))))
        #expect(!ExpectedValue.exact(.ref(.extern(7))).matches(.ref(.extern(8))))
        #expect(!ExpectedValue.exact(.ref(.extern(0))).matches(.ref(.null(.externref))))
        let function = Value.ref(.function(FunctionAddress(rawValue: 3)))
        #expect(ExpectedValue.anyFunctionReference.matches(function))
        #expect(!ExpectedValue.anyFunctionReference.matches(.ref(.null(.funcref))))
        #expect(ExpectedValue.anyExternReference.matches(.ref(.extern(0))))
        #expect(!ExpectedValue.anyExternReference.matches(.ref(.null(.externref))))
    }

    @Test func lanesAreLittleEndian() {
        // i16x8 lanes 0x0102, 0x0304, ...: lane 0 occupies bytes 0 (low) and 1 (high).
        let vector = LaneShape.i16x8.vector(lanes: [0x0102, 0x0304, 0x0506, 0x0708, 0x090a, 0x0b0c, 0x0d0e, 0xffff])
        #expect(vector.bytes == [2, 1, 4, 3, 6, 5, 8, 7, 0x0a, 9, 0x0c, 0x0b, 0x0e, 0x0d, 0xff, 0xff])
        let byteValues: [UInt8] = (0..<16).map { (index: Int) -> UInt8 in UInt8(index * 16 + 1) }
        let bytes = LaneShape.i8x16.vector(lanes: byteValues.map { UInt64($0) })
        #expect(bytes.bytes == byteValues)
        let doubles = LaneShape.f64x2.vector(lanes: [1, 0x8000_0000_0000_0000])
        #expect(doubles == V128(low: 1, high: 0x8000_0000_0000_0000))
    }

    @Test(arguments: LaneShape.allCases)
    func lanesRoundTrip(shape: LaneShape) {
        let vector = V128(low: 0x0123_4567_89ab_cdef, high: 0xfedc_ba98_7654_3210)
        let lanes = shape.lanes(of: vector)
        #expect(lanes.count == 128 / shape.laneBits)
        #expect(shape.vector(lanes: lanes) == vector)
    }

    @Test func vectorsCompareLaneByLane() {
        let canonical: UInt64 = 0x7fc0_0000
        let arithmetic: UInt64 = 0xffc0_0123
        let vector = LaneShape.f32x4.vector(lanes: [canonical, arithmetic, 0, 0x8000_0000])
        let patterns: [LanePattern] = [.nan(.canonical), .nan(.arithmetic), .bits(0), .bits(0x8000_0000)]
        #expect(ExpectedValue.vector(.f32x4, patterns).matches(.v128(vector)))
        var wrongZero = patterns
        wrongZero[3] = .bits(0)  // +0 expected, -0 returned
        #expect(!ExpectedValue.vector(.f32x4, wrongZero).matches(.v128(vector)))
        var tooCanonical = patterns
        tooCanonical[1] = .nan(.canonical)
        #expect(!ExpectedValue.vector(.f32x4, tooCanonical).matches(.v128(vector)))
        #expect(!ExpectedValue.vector(.f32x4, patterns).matches(.i64(0)))
    }
}
