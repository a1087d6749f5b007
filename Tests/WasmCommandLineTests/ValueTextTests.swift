import Testing
import WasmBinary
import WasmInterpreter
@testable import wasm

/// Command-line values: read as the text format reads them, refused when they do not fit,
/// NaN signs and payloads kept both ways.
@Suite struct ValueTextTests {
    @Test(arguments: [
        ("1e100", ValueType.f32, "'1e100' is out of range for f32 (it would round to infinity)"),
        ("3.4028236e38", .f32, "'3.4028236e38' is out of range for f32 (it would round to infinity)"),
        ("1e400", .f64, "'1e400' is out of range for f64 (it would round to infinity)"),
        ("4294967296", .i32, "'4294967296' is out of range for i32"),
        ("-2147483649", .i32, "'-2147483649' is out of range for i32"),
        ("nan:0x800000", .f32, "'nan:0x800000': a NaN payload of f32 is from 0x1 to 0x7fffff"),
        ("-nan:0x0", .f32, "'-nan:0x0': a NaN payload of f32 is from 0x1 to 0x7fffff"),
        ("nan:0x10000000000000", .f64, "'nan:0x10000000000000': a NaN payload of f64 is from 0x1 to 0xfffffffffffff"),
        ("abc", .f32, "'abc' is not a valid f32"),
        ("1.5", .i32, "'1.5' is not a valid i32"),
    ])
    func refusesWhatDoesNotFit(text: String, type: ValueType, problem: String) {
        #expect(ValueText.parse(text, as: type) == nil)
        #expect(ValueText.problem(with: text, as: type) == problem)
    }

    @Test(arguments: [
        ("-nan", ValueType.f32, Value.f32(0xFFC0_0000), "-nan"),
        ("nan", .f32, .f32(0x7FC0_0000), "nan"),
        ("nan:0x1", .f32, .f32(0x7F80_0001), "nan:0x1"),
        ("-nan:0x200000", .f32, .f32(0xFFA0_0000), "-nan:0x200000"),
        ("-nan", .f64, .f64(0xFFF8_0000_0000_0000), "-nan"),
        ("nan:0x1", .f64, .f64(0x7FF0_0000_0000_0001), "nan:0x1"),
        ("1e-50", .f32, .f32(0), "0.0"),
        ("0x1p-3", .f32, .f32(0x3E00_0000), "0.125"),
        ("-inf", .f64, .f64(0xFFF0_0000_0000_0000), "-inf"),
        ("4294967295", .i32, .i32(0xFFFF_FFFF), "-1"),
        ("-0x80000000", .i32, .i32(0x8000_0000), "-2147483648"),
        ("1_000", .i64, .i64(1000), "1000"),
    ])
    func readsAndPrintsValues(text: String, type: ValueType, value: Value, printed: String) {
        #expect(ValueText.parse(text, as: type) == value)
        #expect(ValueText.problem(with: text, as: type) == nil)
        #expect(ValueText.format(value) == printed)
    }
}
