import Testing

@testable import WasmInterpreter

/// Edge cases of the float instructions: NaN, ±0, ±∞ and subnormals, as the spec defines them.
struct NumericsFloatTests {
    typealias N = NumericSemantics

    static func f32(_ x: Float) -> UInt32 { x.bitPattern }
    static func f64(_ x: Double) -> UInt64 { x.bitPattern }

    static let f32Canonical: UInt32 = 0x7FC0_0000
    static let f32Signalling: UInt32 = 0x7FA0_0001  // quiet bit clear, payload 0x200001
    static let f32NegativeQuiet: UInt32 = 0xFFE0_0002
    static let f64Canonical: UInt64 = 0x7FF8_0000_0000_0000
    static let f64Signalling: UInt64 = 0x7FF4_0000_0000_0001

    static func isCanonical(_ bits: UInt32) -> Bool { bits & 0x7FFF_FFFF == 0x7FC0_0000 }
    static func isArithmetic(_ bits: UInt32) -> Bool {
        Float(bitPattern: bits).isNaN && bits & 0x0040_0000 != 0
    }
    static func isCanonical(_ bits: UInt64) -> Bool {
        bits & 0x7FFF_FFFF_FFFF_FFFF == 0x7FF8_0000_0000_0000
    }
    static func isArithmetic(_ bits: UInt64) -> Bool {
        Double(bitPattern: bits).isNaN && bits & 0x0008_0000_0000_0000 != 0
    }

    // MARK: min and max

    @Test(
        arguments: [
            (0.0, -0.0, -0.0, 0.0), (-0.0, 0.0, -0.0, 0.0), (-0.0, -0.0, -0.0, -0.0),
            (1, 2, 1, 2), (-1, 1, -1, 1), (.infinity, -.infinity, -.infinity, .infinity),
            (
                .leastNonzeroMagnitude, -.leastNonzeroMagnitude, -.leastNonzeroMagnitude,
                .leastNonzeroMagnitude
            ),
            (.leastNonzeroMagnitude, 0, 0, .leastNonzeroMagnitude),
            (.greatestFiniteMagnitude, .infinity, .greatestFiniteMagnitude, .infinity),
        ] as [(Float, Float, Float, Float)])
    func f32MinMaxOrderSignedZeros(a: Float, b: Float, min: Float, max: Float) {
        #expect(N.f32Min(Self.f32(a), Self.f32(b)) == Self.f32(min))
        #expect(N.f32Max(Self.f32(a), Self.f32(b)) == Self.f32(max))
        #expect(N.f64Min(Self.f64(Double(a)), Self.f64(Double(b))) == Self.f64(Double(min)))
        #expect(N.f64Max(Self.f64(Double(a)), Self.f64(Double(b))) == Self.f64(Double(max)))
    }

    @Test(arguments: [0.0, -0.0, 1, -.infinity, .infinity, .leastNonzeroMagnitude] as [Float])
    func minMaxPropagateNaN(other: Float) {
        // Unlike IEEE minNum/maxNum, a NaN operand wins, on either side.
        for nan in [Self.f32Canonical, Self.f32Signalling, Self.f32NegativeQuiet] {
            let x = Self.f32(other)
            for result in [N.f32Min(nan, x), N.f32Min(x, nan), N.f32Max(nan, x), N.f32Max(x, nan)] {
                #expect(Self.isArithmetic(result))
                if nan == Self.f32Canonical { #expect(Self.isCanonical(result)) }
            }
        }
        let x = Self.f64(Double(other))
        for result in [N.f64Min(Self.f64Signalling, x), N.f64Max(x, Self.f64Canonical)] {
            #expect(Self.isArithmetic(result))
        }
        #expect(Self.isCanonical(N.f64Min(x, Self.f64Canonical)))
    }

    // MARK: Rounding

    @Test(
        arguments: [
            // (operand, ceil, floor, trunc, nearest)
            (0.5, 1, 0, 0, 0), (1.5, 2, 1, 1, 2), (2.5, 3, 2, 2, 2), (3.5, 4, 3, 3, 4),
            (-0.5, -0.0, -1, -0.0, -0.0), (-1.5, -1, -2, -1, -2), (-2.5, -2, -3, -2, -2),
            (0.49999997, 1, 0, 0, 0), (-0.0, -0.0, -0.0, -0.0, -0.0),
            (.leastNonzeroMagnitude, 1, 0, 0, 0), (-.leastNonzeroMagnitude, -0.0, -1, -0.0, -0.0),
            (0x1.fffffep22, 0x1p23, 0x1.fffffcp22, 0x1.fffffcp22, 0x1p23),  // 8388607.5
            (0x1.fffffep23, 0x1.fffffep23, 0x1.fffffep23, 0x1.fffffep23, 0x1.fffffep23),
            (.infinity, .infinity, .infinity, .infinity, .infinity),
            (-.infinity, -.infinity, -.infinity, -.infinity, -.infinity),
        ] as [(Float, Float, Float, Float, Float)])
    func f32Rounding(x: Float, ceil: Float, floor: Float, trunc: Float, nearest: Float) {
        let bits = Self.f32(x)
        #expect(N.f32Ceil(bits) == Self.f32(ceil))
        #expect(N.f32Floor(bits) == Self.f32(floor))
        #expect(N.f32Trunc(bits) == Self.f32(trunc))
        #expect(N.f32Nearest(bits) == Self.f32(nearest))
    }

    @Test func f64NearestTiesToEven() {
        #expect(N.f64Nearest(Self.f64(0.5)) == Self.f64(0))
        #expect(N.f64Nearest(Self.f64(-0.5)) == Self.f64(-0.0))
        #expect(N.f64Nearest(Self.f64(2.5)) == Self.f64(2))
        #expect(N.f64Nearest(Self.f64(4503599627370495.5)) == Self.f64(4_503_599_627_370_496))
        #expect(N.f64Nearest(Self.f64(-4503599627370495.5)) == Self.f64(-4_503_599_627_370_496))
        #expect(N.f64Nearest(Self.f64(4_503_599_627_370_497)) == Self.f64(4_503_599_627_370_497))
        #expect(N.f64Ceil(Self.f64(-0.9)) == Self.f64(-0.0))
        #expect(N.f64Floor(Self.f64(-.leastNonzeroMagnitude)) == Self.f64(-1))
        #expect(N.f64Trunc(Self.f64(-1.9)) == Self.f64(-1))
    }

    @Test func roundingQuietsNaNKeepingSignAndPayload() {
        for round in [N.f32Ceil, N.f32Floor, N.f32Trunc, N.f32Nearest] {
            #expect(round(Self.f32Signalling) == 0x7FE0_0001)
            #expect(round(Self.f32Canonical) == Self.f32Canonical)
            #expect(round(Self.f32NegativeQuiet) == Self.f32NegativeQuiet)
        }
        for round in [N.f64Ceil, N.f64Floor, N.f64Trunc, N.f64Nearest] {
            #expect(round(Self.f64Signalling) == 0x7FFC_0000_0000_0001)
            #expect(round(0xFFF8_0000_0000_0000) == 0xFFF8_0000_0000_0000)
        }
    }

    // MARK: Arithmetic NaN

    @Test func arithmeticOnNaNGivesQuietNaN() {
        let one = Self.f32(1)
        for op in [N.f32Add, N.f32Sub, N.f32Mul, N.f32Div] {
            #expect(Self.isArithmetic(op(Self.f32Signalling, one)))
            #expect(Self.isArithmetic(op(one, Self.f32Signalling)))
            #expect(Self.isCanonical(op(Self.f32Canonical, one)))
            #expect(Self.isCanonical(op(one, 0xFFC0_0000)))
        }
        let oneD = Self.f64(1)
        for op in [N.f64Add, N.f64Sub, N.f64Mul, N.f64Div] {
            #expect(Self.isArithmetic(op(Self.f64Signalling, oneD)))
            #expect(Self.isCanonical(op(oneD, Self.f64Canonical)))
        }
        #expect(Self.isArithmetic(N.f32Sqrt(Self.f32Signalling)))
        #expect(Self.isArithmetic(N.f64Sqrt(Self.f64Signalling)))
    }

    @Test func invalidOperationsGiveCanonicalNaN() {
        #expect(Self.isCanonical(N.f32Sub(Self.f32(.infinity), Self.f32(.infinity))))
        #expect(Self.isCanonical(N.f32Mul(Self.f32(0), Self.f32(-.infinity))))
        #expect(Self.isCanonical(N.f32Div(Self.f32(0), Self.f32(-0.0))))
        #expect(Self.isCanonical(N.f32Sqrt(Self.f32(-1))))
        #expect(Self.isCanonical(N.f64Div(Self.f64(.infinity), Self.f64(.infinity))))
        #expect(Self.isCanonical(N.f64Sqrt(Self.f64(-.leastNonzeroMagnitude))))
        #expect(N.f32Sqrt(Self.f32(-0.0)) == Self.f32(-0.0))
        #expect(N.f64Sqrt(Self.f64(-0.0)) == Self.f64(-0.0))
    }

    @Test func arithmeticRoundsToNearestEven() {
        // 1 + 2^-24 is halfway between 1 and 1 + 2^-23: ties to even gives 1.
        #expect(N.f32Add(Self.f32(1), Self.f32(0x1p-24)) == Self.f32(1))
        #expect(N.f32Add(Self.f32(0x1.000002p0), Self.f32(0x1p-24)) == Self.f32(0x1.000004p0))
        #expect(N.f64Add(Self.f64(1), Self.f64(0x1p-53)) == Self.f64(1))
        #expect(N.f32Mul(Self.f32(0x1p-126), Self.f32(0.5)) == Self.f32(0x1p-127))  // subnormal
        #expect(N.f32Div(Self.f32(1), Self.f32(0)) == Self.f32(.infinity))
        #expect(N.f32Div(Self.f32(-1), Self.f32(0)) == Self.f32(-.infinity))
    }

    // MARK: Sign operations

    @Test func signOperationsOnlyTouchTheSignBit() {
        #expect(N.f32Abs(0xFFA0_0001) == Self.f32Signalling)
        #expect(N.f32Neg(Self.f32Signalling) == 0xFFA0_0001)
        #expect(N.f32Neg(Self.f32(0)) == Self.f32(-0.0))
        #expect(N.f32Copysign(Self.f32Signalling, Self.f32(-1)) == 0xFFA0_0001)
        #expect(N.f32Copysign(Self.f32(2), Self.f32NegativeQuiet) == Self.f32(-2))
        #expect(N.f32Copysign(Self.f32(-2), Self.f32(0)) == Self.f32(2))
        #expect(N.f64Abs(0xFFF4_0000_0000_0001) == Self.f64Signalling)
        #expect(N.f64Neg(Self.f64Signalling) == 0xFFF4_0000_0000_0001)
        #expect(N.f64Copysign(Self.f64(1), Self.f64(-0.0)) == Self.f64(-1))
        #expect(N.f64Copysign(0xFFF4_0000_0000_0001, Self.f64(1)) == Self.f64Signalling)
    }

    // MARK: Comparisons

    @Test func comparisonsWithNaNAreFalseExceptNe() {
        let nan = Self.f32Canonical
        let one = Self.f32(1)
        for compare in [N.f32Eq, N.f32Lt, N.f32Gt, N.f32Le, N.f32Ge] {
            #expect(compare(nan, one) == 0 && compare(one, nan) == 0 && compare(nan, nan) == 0)
        }
        #expect(N.f32Ne(nan, nan) == 1 && N.f32Ne(one, Self.f32Signalling) == 1)
        let nanD = Self.f64Signalling
        for compare in [N.f64Eq, N.f64Lt, N.f64Gt, N.f64Le, N.f64Ge] {
            #expect(compare(nanD, nanD) == 0)
        }
        #expect(N.f64Ne(nanD, nanD) == 1)
    }

    @Test func zerosCompareEqual() {
        #expect(N.f32Eq(Self.f32(0), Self.f32(-0.0)) == 1)
        #expect(N.f32Lt(Self.f32(-0.0), Self.f32(0)) == 0)
        #expect(N.f32Le(Self.f32(0), Self.f32(-0.0)) == 1)
        #expect(N.f64Eq(Self.f64(0), Self.f64(-0.0)) == 1)
        #expect(N.f64Ge(Self.f64(-0.0), Self.f64(0)) == 1)
        #expect(N.f64Lt(Self.f64(-.infinity), Self.f64(-.greatestFiniteMagnitude)) == 1)
    }
}
