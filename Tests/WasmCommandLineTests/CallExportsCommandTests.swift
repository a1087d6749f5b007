import Testing
import WasmBinary
import WasmInterpreter
@testable import wasm

/// `wasm call-exports` prints values as their exact bits, for comparing engines.
@Suite struct CallExportsCommandTests {
    @Test(arguments: [
        (Value.i32(42), "i32:0x0000002a"),
        (.i64(0xFFFF_FFFF_FFFF_FFFF), "i64:0xffffffffffffffff"),
        (.f32(0xFFC0_0001), "f32:0xffc00001"),
        (.f64(0x8000_0000_0000_0000), "f64:0x8000000000000000"),
        (.v128(V128(low: 0x0102, high: 0xFF00_0000_0000_0000)), "v128:0xff000000000000000000000000000102"),
        (.ref(.null(.funcref)), "ref:null"),
        (.ref(.extern(7)), "ref:extern"),
    ])
    func printsBits(value: Value, text: String) {
        #expect(CallExportsCommand.bits(value) == text)
    }

    @Test func zeroArgumentsAreZeroOfEachType() {
        #expect(CallExportsCommand.zero(.i32) == .i32(0))
        #expect(CallExportsCommand.zero(.f64) == .f64(0))
        #expect(CallExportsCommand.zero(.v128) == .v128(V128(low: 0, high: 0)))
        #expect(CallExportsCommand.zero(.ref(.externref)) == .ref(.null(.externref)))
    }
}
