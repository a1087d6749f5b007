import Testing
@testable import WasmText

/// Number literals to bit patterns. The expected float bits were computed with exact rational
/// arithmetic (Python's `fractions`), independently of this code.
struct LiteralTests {
    @Test(arguments: [
        ("0x1p-149", 0x1), ("0x1p-150", 0x0), ("0x1.8p-150", 0x1), ("0x1.000002p-150", 0x1),
        ("0x1.fffffep127", 0x7F7F_FFFF), ("0x1.ffffffp127", nil), ("0x1.fffffefp127", 0x7F7F_FFFF),
        ("3.4028235e38", 0x7F7F_FFFF), ("3.4028236e38", nil), ("1.4e-45", 0x1), ("7e-46", 0x0), ("7.1e-46", 0x1),
        ("1.00000005960464477550", 0x3F80_0001), ("1.000000059604644775390625", 0x3F80_0000),
        ("-0x1.fffffcp-127", 0x807F_FFFF), ("0x0.000002p-126", 0x1), ("1_000_000.5", 0x4974_2408),
        ("0x1_0000p-16", 0x3F80_0000), ("1e-50", 0x0), ("1E+10", 0x5015_02F9), ("123.456e-2", 0x3F9E_0610),
        ("inf", 0x7F80_0000), ("-inf", 0xFF80_0000), ("nan", 0x7FC0_0000), ("-nan", 0xFFC0_0000),
        ("nan:0x1", 0x7F80_0001), ("+nan:0x7f_ffff", 0x7FFF_FFFF), ("nan:0x800000", nil), ("1e1000000000000", nil),
    ] as [(String, UInt32?)])
    func f32Literal(text: String, bits: UInt32?) {
        switch FloatLiteral.f32Bits(text) {
        case .value(let value): #expect(value == bits, "\(text)")
        case .outOfRange: #expect(bits == nil, "\(text) reported out of range")
        case .invalid: Issue.record("\(text) reported invalid")
        }
    }

    @Test(arguments: [
        ("0x1p-1074", 0x1), ("0x1p-1075", 0x0), ("0x1.fffffffffffffp-1023", 0x10_0000_0000_0000),
        ("0x1.fffffffffffff8p1023", nil), ("0x1.fffffffffffff7ffp1023", 0x7FEF_FFFF_FFFF_FFFF),
        ("1.7976931348623157e308", 0x7FEF_FFFF_FFFF_FFFF), ("1.7976931348623159e308", nil), ("5e-324", 0x1),
        ("2.4703282292062327e-324", 0x0), ("2.4703282292062328e-324", 0x1), ("0.1", 0x3FB9_9999_9999_999A),
        ("-0.0", 0x8000_0000_0000_0000), ("1e23", 0x44B5_2D02_C7E1_4AF6), ("8.98846567431158e307", 0x7FE0_0000_0000_0000),
        ("0x1.0000000000000800000001p0", 0x3FF0_0000_0000_0001), ("0x1.00000000000008p0", 0x3FF0_0000_0000_0000),
        ("0x1.00000000000018p0", 0x3FF0_0000_0000_0002), ("123_456.789_012", 0x40FE_240C_9FCB_0C02),
        ("nan:0xf_ffff_ffff_ffff", 0x7FFF_FFFF_FFFF_FFFF), ("-nan", 0xFFF8_0000_0000_0000),
    ] as [(String, UInt64?)])
    func f64Literal(text: String, bits: UInt64?) {
        switch FloatLiteral.f64Bits(text) {
        case .value(let value): #expect(value == bits, "\(text)")
        case .outOfRange: #expect(bits == nil, "\(text) reported out of range")
        case .invalid: Issue.record("\(text) reported invalid")
        }
    }

    @Test(arguments: [".5", "1.e", "1e", "0x", "0x1p", "1__0", "_1", "1_", "0x.8p1", "1.5e+", "+-1", "infinity",
                      "nan:0x", "nan:1", "0x1.p_1", "1._5", "١"])
    func invalidFloatLiteral(text: String) {
        #expect(FloatLiteral.bits(text, .binary64).isInvalid, "\(text)")
    }

    @Test func nanPayloadZeroIsOutOfRange() {
        guard case .outOfRange = FloatLiteral.f32Bits("nan:0x0") else {
            Issue.record("nan:0x0 accepted")
            return
        }
    }

    @Test(arguments: [
        ("2166136261", 32, 0x811C_9DC5), ("-2147483648", 32, 0x8000_0000), ("4294967295", 32, 0xFFFF_FFFF),
        ("-1", 32, 0xFFFF_FFFF), ("0xffff_ffff", 32, 0xFFFF_FFFF), ("+0x7f", 8, 0x7F), ("-128", 8, 0x80), ("255", 8, 0xFF),
        ("18446744073709551615", 64, 0xFFFF_FFFF_FFFF_FFFF), ("-9223372036854775808", 64, 0x8000_0000_0000_0000),
        ("4294967296", 32, nil), ("-2147483649", 32, nil), ("256", 8, nil), ("-129", 8, nil), ("18446744073709551616", 64, nil),
    ] as [(String, Int, UInt64?)])
    func integerBitPattern(text: String, bits: Int, expected: UInt64?) {
        switch IntegerLiteral.bitPattern(text, bits: bits) {
        case .value(let value): #expect(value == expected, "\(text)")
        case .outOfRange: #expect(expected == nil, "\(text) reported out of range")
        case .invalid: Issue.record("\(text) reported invalid")
        }
    }

    @Test(arguments: ["", "-", "0x", "1__2", "_1", "1_", "0xg", "1.0", "1e3", "--1"])
    func invalidIntegerLiteral(text: String) {
        #expect(IntegerLiteral.bitPattern(text, bits: 32).isInvalid, "\(text)")
    }
}
