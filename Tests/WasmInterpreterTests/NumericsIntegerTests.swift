import Testing

@testable import WasmInterpreter

/// Edge cases of the integer instructions, as the spec defines them.
struct NumericsIntegerTests {
    typealias N = NumericSemantics

    static let i32Min: UInt32 = 0x8000_0000
    static let i64Min: UInt64 = 0x8000_0000_0000_0000
    static let minus1: UInt32 = 0xFFFF_FFFF
    static let minus1x64: UInt64 = 0xFFFF_FFFF_FFFF_FFFF

    // MARK: Division

    @Test(
        arguments: [
            (7, 2, 3), (0xFFFF_FFF9, 2, 0xFFFF_FFFD),  // -7 / 2 = -3 (toward zero)
            (7, 0xFFFF_FFFE, 0xFFFF_FFFD), (i32Min, 2, 0xC000_0000), (i32Min, 1, i32Min),
            (0x7FFF_FFFF, minus1, 0x8000_0001),
        ] as [(UInt32, UInt32, UInt32)])
    func i32DivSRoundsTowardZero(a: UInt32, b: UInt32, quotient: UInt32) throws {
        #expect(try N.i32DivS(a, b) == quotient)
    }

    @Test func i32DivisionTraps() {
        #expect(throws: TrapReason.integerDivideByZero) { try N.i32DivS(1, 0) }
        #expect(throws: TrapReason.integerDivideByZero) { try N.i32DivS(Self.i32Min, 0) }
        #expect(throws: TrapReason.integerOverflow) { try N.i32DivS(Self.i32Min, Self.minus1) }
        #expect(throws: TrapReason.integerDivideByZero) { try N.i32DivU(1, 0) }
        #expect(throws: TrapReason.integerDivideByZero) { try N.i32RemS(Self.i32Min, 0) }
        #expect(throws: TrapReason.integerDivideByZero) { try N.i32RemU(0, 0) }
    }

    @Test func i64DivisionTraps() {
        #expect(throws: TrapReason.integerDivideByZero) { try N.i64DivS(1, 0) }
        #expect(throws: TrapReason.integerOverflow) { try N.i64DivS(Self.i64Min, Self.minus1x64) }
        #expect(throws: TrapReason.integerDivideByZero) { try N.i64DivU(1, 0) }
        #expect(throws: TrapReason.integerDivideByZero) { try N.i64RemS(Self.i64Min, 0) }
        #expect(throws: TrapReason.integerDivideByZero) { try N.i64RemU(0, 0) }
    }

    @Test func remainderOfMinimumByMinusOneIsZero() throws {
        #expect(try N.i32RemS(Self.i32Min, Self.minus1) == 0)
        #expect(try N.i64RemS(Self.i64Min, Self.minus1x64) == 0)
    }

    @Test func unsignedDivisionTreatsHighBitAsMagnitude() throws {
        #expect(try N.i32DivU(Self.i32Min, 2) == 0x4000_0000)
        #expect(try N.i32DivU(Self.minus1, Self.minus1) == 1)
        #expect(try N.i32RemU(Self.minus1, 2) == 1)
        #expect(try N.i64DivU(Self.i64Min, 2) == 0x4000_0000_0000_0000)
        #expect(try N.i64RemU(Self.minus1x64, 10) == 5)  // 18446744073709551615 % 10
    }

    @Test(
        arguments: [
            (7, 3, 1), (0xFFFF_FFF9, 3, minus1),  // -7 rem 3 = -1: sign of the dividend
            (7, 0xFFFF_FFFD, 1), (0xFFFF_FFF9, 0xFFFF_FFFD, minus1),
        ] as [(UInt32, UInt32, UInt32)])
    func i32RemSTakesTheDividendsSign(a: UInt32, b: UInt32, remainder: UInt32) throws {
        #expect(try N.i32RemS(a, b) == remainder)
    }

    // MARK: Wrapping arithmetic

    @Test func arithmeticWraps() {
        #expect(N.i32Add(0x7FFF_FFFF, 1) == Self.i32Min)
        #expect(N.i32Sub(0, 1) == Self.minus1)
        #expect(N.i32Mul(0x1_0001, 0x1_0001) == 0x0002_0001)
        #expect(N.i64Add(0x7FFF_FFFF_FFFF_FFFF, 1) == Self.i64Min)
        #expect(N.i64Sub(Self.i64Min, 1) == 0x7FFF_FFFF_FFFF_FFFF)
        #expect(N.i64Mul(Self.i64Min, Self.minus1x64) == Self.i64Min)
    }

    // MARK: Shifts and rotations

    @Test(
        arguments: [
            (1, 0, 1), (1, 31, 0x8000_0000), (1, 32, 1), (1, 33, 2), (1, minus1, 0x8000_0000),
        ] as [(UInt32, UInt32, UInt32)])
    func i32ShlTakesCountModulo32(a: UInt32, count: UInt32, result: UInt32) {
        #expect(N.i32Shl(a, count) == result)
    }

    @Test func i32ShiftsRightByCountModulo32() {
        #expect(N.i32ShrS(Self.i32Min, 31) == Self.minus1)
        #expect(N.i32ShrS(Self.i32Min, 32) == Self.i32Min)
        #expect(N.i32ShrS(Self.i32Min, 33) == 0xC000_0000)
        #expect(N.i32ShrS(0x4000_0000, 30) == 1)
        #expect(N.i32ShrU(Self.i32Min, 31) == 1)
        #expect(N.i32ShrU(Self.i32Min, 32) == Self.i32Min)
        #expect(N.i32ShrU(Self.minus1, 63) == 1)
    }

    @Test func i64ShiftsTakeCountModulo64() {
        #expect(N.i64Shl(1, 63) == Self.i64Min)
        #expect(N.i64Shl(1, 64) == 1)
        #expect(N.i64Shl(1, 0x1_0000_0001) == 2)  // only the low 6 bits count
        #expect(N.i64ShrS(Self.i64Min, 63) == Self.minus1x64)
        #expect(N.i64ShrS(Self.i64Min, 64) == Self.i64Min)
        #expect(N.i64ShrU(Self.i64Min, 63) == 1)
        #expect(N.i64ShrU(Self.i64Min, 127) == 1)
    }

    @Test(
        arguments: [
            (0x8000_0001, 1, 0x0000_0003), (0x8000_0001, 0, 0x8000_0001),
            (0x8000_0001, 32, 0x8000_0001), (0x1234_5678, 4, 0x2345_6781),
            (0x1234_5678, 36, 0x2345_6781), (0x1234_5678, minus1, 0x091A_2B3C),
        ] as [(UInt32, UInt32, UInt32)])
    func i32RotlTakesCountModulo32(a: UInt32, count: UInt32, result: UInt32) {
        #expect(N.i32Rotl(a, count) == result)
        #expect(N.i32Rotr(result, count) == a)
    }

    @Test func i64Rotations() {
        #expect(N.i64Rotl(0x8000_0000_0000_0001, 1) == 3)
        #expect(N.i64Rotl(0x0123_4567_89AB_CDEF, 64) == 0x0123_4567_89AB_CDEF)
        #expect(N.i64Rotl(0x0123_4567_89AB_CDEF, 4) == 0x1234_5678_9ABC_DEF0)
        #expect(N.i64Rotr(0x0123_4567_89AB_CDEF, 4) == 0xF012_3456_789A_BCDE)
        #expect(N.i64Rotr(1, 65) == Self.i64Min)
    }

    // MARK: Bit counts

    @Test func bitCountsOfZeroAreTheWidth() {
        #expect(N.i32Clz(0) == 32)
        #expect(N.i32Ctz(0) == 32)
        #expect(N.i32Popcnt(0) == 0)
        #expect(N.i64Clz(0) == 64)
        #expect(N.i64Ctz(0) == 64)
        #expect(N.i64Popcnt(0) == 0)
    }

    @Test func bitCounts() {
        #expect(N.i32Clz(1) == 31)
        #expect(N.i32Clz(Self.i32Min) == 0)
        #expect(N.i32Ctz(Self.i32Min) == 31)
        #expect(N.i32Popcnt(Self.minus1) == 32)
        #expect(N.i32Popcnt(0xAAAA_5555) == 16)
        #expect(N.i64Clz(1) == 63)
        #expect(N.i64Ctz(Self.i64Min) == 63)
        #expect(N.i64Popcnt(Self.minus1x64) == 64)
    }

    // MARK: Sign extension and wrapping

    @Test func signExtension() {
        #expect(N.i32Extend8S(0x7F) == 0x7F)
        #expect(N.i32Extend8S(0x80) == 0xFFFF_FF80)
        #expect(N.i32Extend8S(0x1234_5680) == 0xFFFF_FF80)  // upper bits ignored
        #expect(N.i32Extend16S(0x8000) == 0xFFFF_8000)
        #expect(N.i32Extend16S(0xFFFF_7FFF) == 0x7FFF)
        #expect(N.i64Extend8S(0xFF) == Self.minus1x64)
        #expect(N.i64Extend16S(0x1_7FFF) == 0x7FFF)
        #expect(N.i64Extend32S(0x8000_0000) == 0xFFFF_FFFF_8000_0000)
        #expect(N.i64Extend32S(0xFFFF_FFFF_7FFF_FFFF) == 0x7FFF_FFFF)
        #expect(N.i64ExtendI32S(Self.i32Min) == 0xFFFF_FFFF_8000_0000)
        #expect(N.i64ExtendI32U(Self.i32Min) == 0x8000_0000)
        #expect(N.i32WrapI64(0x1_2345_6789) == 0x2345_6789)
    }

    // MARK: Tests and comparisons

    @Test func comparisonsReadSignedOrUnsigned() {
        #expect(N.i32Eqz(0) == 1 && N.i32Eqz(Self.i32Min) == 0)
        #expect(N.i64Eqz(0) == 1 && N.i64Eqz(1 << 32) == 0)
        #expect(N.i32LtS(Self.minus1, 0) == 1 && N.i32LtU(Self.minus1, 0) == 0)
        #expect(N.i32GtS(0, Self.i32Min) == 1 && N.i32GtU(0, Self.i32Min) == 0)
        #expect(N.i32LeS(Self.i32Min, Self.i32Min) == 1 && N.i32GeU(Self.i32Min, Self.minus1) == 0)
        #expect(N.i64LtS(Self.i64Min, 0) == 1 && N.i64LtU(Self.i64Min, 0) == 0)
        #expect(N.i64GeS(0, Self.minus1x64) == 1 && N.i64GeU(0, Self.minus1x64) == 0)
        #expect(N.i64Eq(1 << 32, 0) == 0 && N.i64Ne(1 << 32, 0) == 1)
    }
}
