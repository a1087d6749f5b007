import Testing
import WasmBinary
@testable import WasmText

/// Small modules assembled to bytes. The expected bytes (after the 8-byte header) were produced by
/// wabt's `wat2wasm --no-check`, except where noted: there our element segments use the more
/// compact function-index encoding and the bytes were worked out by hand.
struct AssemblerTests {
    static let cases: [(String, String)] = [
        (#"(module)"#, ""),
        (#"(module (func))"#, "010401600000030201000a040102000b"),
        (#"(module (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))"#, "01070160027f7f017f030201000707010361646400000a09010700200020016a0b"),
        (#"(module (func (result i32) (i32.const 2166136261)))"#, "0105016000017f030201000a0a01080041c5bbf288780b"),
        (#"(module (func (result i64) (i64.const -1)))"#, "0105016000017e030201000a06010400427f0b"),
        (#"(module (func (result f32) (f32.const -0x1.8p1)))"#, "0105016000017d030201000a0901070043000040c00b"),
        (#"(module (func (result f64) (f64.const nan:0x4)))"#, "0105016000017c030201000a0d010b0044040000000000f07f0b"),
        (#"(module (memory 1 2) (func (param i32) (result i32) (i32.load offset=8 align=2 (local.get 0))))"#, "01060160017f017f030201000504010101020a0901070020002801080b"),
        (#"(module (func $f (param $x i32) (local $y i64) (local f32 f32) (local.set $x (local.get $x))))"#, "01050160017f00030201000a0c010a02017e027d200021000b"),
        (#"(module (func (block $out (loop $top (br_if $out (i32.const 1)) (br $top)))))"#, "010401600000030201000a10010e000240034041010d010c000b0b0b"),
        (#"(module (func (param i32) (result i32) (if (result i32) (local.get 0) (then (i32.const 1)) (else (i32.const 2)))))"#, "01060160017f017f030201000a0e010c002000047f41010541020b0b"),
        (#"(module (func (param i32) (block (block (br_table 0 1 0 (local.get 0))))))"#, "01050160017f00030201000a11010f000240024020000e020001000b0b0b"),
        (#"(module (type $t (func (param i32))) (table 2 funcref) (func (call_indirect (type $t) (i32.const 0) (i32.const 1))))"#, "01080260017f00600000030201010404017000020a0b010900410041011100000b"),
        (#"(module (import "env" "f" (func $f (param i32))) (func (call $f (i32.const 7))))"#, "01080260017f0060000002090103656e7601660000030201010a08010600410710000b"),
        (#"(module (memory (data "hi")))"#, "0504010101010b08010041000b026869"),
        // By hand: flag 0, offset i32.const 0, function indices 0 and 1.
        (#"(module (table funcref (elem $a $b)) (func $a) (func $b))"#, "010401600000030302000004050170010202090c010441000b02d2000bd2010b0a070202000b02000b"),
        (#"(module (global $g (mut i32) (i32.const 5)) (func (global.set $g (i32.const 1))))"#, "010401600000030201000606017f0141050b0a08010600410124000b"),
        (#"(module (memory 1) (data (i32.const 16) "a\00\ff\u{263a}") (data "passive") (func (memory.init 1 (i32.const 0) (i32.const 0) (i32.const 1)) (data.drop 1)))"#, "0104016000000302010005030100010c01020a11010f00410041004101fc080100fc09010b0b15020041100b066100ffe298ba010770617373697665"),
        (#"(module (table 1 externref) (elem declare func $f) (func $f (result funcref) (ref.func $f)))"#, "01050160000170030201000404016f0001090501030001000a06010400d2000b"),
        (#"(module (func (result v128) (v128.const i32x4 1 2 3 0xffffffff)))"#, "0105016000017b030201000a16011400fd0c010000000200000003000000ffffffff0b"),
        (#"(module (func (param v128) (result v128) (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 31 (local.get 0) (local.get 0))))"#, "01060160017b017b030201000a1a01180020002000fd0d000102030405060708090a0b0c0d0e1f0b"),
        (#"(module (func (param v128) (result i32) (i8x16.extract_lane_u 15 (local.get 0))))"#, "01060160017b017f030201000a090107002000fd160f0b"),
        (#"(module (func (block (param i32) (result i32 i32) (unreachable))))"#, "010a0260000060017f027f7f030201000a080106000201000b0b"),
        (#"(module (func (result i32) (select (result i32) (i32.const 1) (i32.const 2) (i32.const 0))))"#, "0105016000017f030201000a0d010b004101410241001c017f0b"),
        (#"(module (func (export "a")) (export "b" (func 0)) (start 0))"#, "0104016000000302010007090201610000016200000801000a040102000b"),
        // By hand for the second segment: passive, flag 1, elemkind 0, function index 0.
        (#"(module (table $t 1 funcref) (elem (table $t) (offset (i32.const 0)) funcref (item ref.null func)) (elem funcref (ref.func 0)) (func))"#, "01040160000003020100040401700001090f020441000b01d0700b057001d2000b0a040102000b"),
    ]

    @Test(arguments: cases)
    func assemblesTo(text: String, hex: String) throws {
        let bytes = try WatParser.assemble(text)
        #expect(bytes == [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00] + Self.bytes(hex))
    }

    static func bytes(_ hex: String) -> [UInt8] {
        var result: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            result.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return result
    }

    /// Implicit types are appended in the order their type uses appear, after all explicit types.
    @Test func implicitTypesFollowExplicitOnesInOrderOfUse() throws {
        let module = try WatParser.parseModule("""
            (module
              (func (param i32))
              (func (block (param i32) (result i64) unreachable) (call_indirect (param f32) (i32.const 0)))
              (func (param i64))
              (type (func (param f32)))
              (table 1 funcref))
            """)
        #expect(module.types == [
            FunctionType(parameters: [.f32]), FunctionType(parameters: [.i32]), FunctionType(),
            FunctionType(parameters: [.i32], results: [.i64]), FunctionType(parameters: [.i64]),
        ].map(DefinedType.init))
        #expect(module.functionTypeIndices == [1, 2, 4])
    }

    /// Labels resolve to the innermost enclosing block of that name, shadowing outer ones.
    @Test func labelsShadowOuterLabels() throws {
        let module = try WatParser.parseModule("(func (block $l (block $l (br $l)) (br $l)))")
        var reader = InstructionReader(code: module.codes[0].code)
        var instructions: [Instruction] = []
        while !reader.isAtEnd { instructions.append(try reader.next()) }
        #expect(instructions == [.block(.empty), .block(.empty), .br(labelIndex: 0), .end, .br(labelIndex: 0), .end, .end])
    }

    @Test(arguments: [
        ("(func (br $nowhere))", "unknown label"),
        ("(func (call $f))", "unknown func"),
        ("(func (local.get $x))", "unknown local"),
        ("(func $f) (func $f)", "duplicate func"),
        ("(func (param $x i32) (local $x i32))", "duplicate local"),
        ("(type $t (func)) (func (type $t) (param i32))", "inline function type"),
        ("(func block $a end $b)", "mismatching label"),
        ("(memory 1) (func (drop (i32.load align=3 (i32.const 0))))", "alignment must be a power of two"),
        ("(func (drop (i32.const 4294967296)))", "constant out of range"),
        ("(func (drop (f32.const 1e39)))", "constant out of range"),
        ("(func (i32.frobnicate))", "unknown operator"),
        ("(func) (import \"a\" \"b\" (func))", "import after function"),
        ("(func (drop (i32.const)))", "unexpected token"),
        ("(type (func)) (func (type $nope))", "unknown type"),
        ("(data \"\\q\")", "malformed string"),
        ("(func (; never closed", "unclosed comment"),
    ] as [(String, String)])
    func rejectsWithTestsuiteWords(text: String, message: String) {
        #expect {
            try WatParser.parseModule(text)
        } throws: { error in
            guard let error = error as? WatError else { return false }
            return error.message.hasPrefix(message) && error.line == 1 && error.column > 0
        }
    }

    @Test func errorsCarryLineAndColumn() {
        do {
            _ = try WatParser.parseModule("(module\n  (func\n    (nop) (bogus)))")
            Issue.record("accepted an unknown instruction")
        } catch {
            #expect(error.line == 3)
            #expect(error.column == 12)
            #expect(error.message == "unknown operator bogus")
        }
    }

    /// Nesting deep enough to exhaust a thread's stack is refused with an error, not a crash.
    @Test func deepNestingIsAnErrorNotACrash() {
        let depth = 100_000
        let folded = "(func " + String(repeating: "(block ", count: depth) + String(repeating: ")", count: depth + 1)
        let flat = "(func " + String(repeating: "block ", count: depth) + String(repeating: "end ", count: depth) + ")"
        for text in [folded, flat] {
            #expect(throws: WatError.self) { try WatParser.parseModule(text) }
        }
        #expect(throws: Never.self) {
            try WatParser.parseModule("(func " + String(repeating: "(block ", count: FunctionContext.maximumDepth) + String(repeating: ")", count: FunctionContext.maximumDepth + 1))
        }
    }
}
