import Testing
import WasmBinary
@testable import WasmText

struct WastScriptTests {
    static let script = """
        (module $m (func (export "f") (param i32) (result i32) local.get 0))
        (module binary "\\00asm" "\\01\\00\\00\\00")
        (register "lib" $m)
        (invoke "f" (i32.const -1))
        (assert_return (invoke $m "f" (i32.const 7)) (i32.const 7))
        (assert_return (invoke "g" (f32.const 1.5) (f64.const -0x1p1)) (f32.const nan:canonical) (f64.const nan:arithmetic))
        (assert_return (invoke "v") (v128.const f32x4 nan:canonical 1 -0 inf))
        (assert_return (invoke "w") (v128.const i16x8 1 2 3 4 5 6 7 -1))
        (assert_return (invoke "r" (ref.null extern) (ref.extern 3)) (ref.null func) (ref.func) (ref.extern))
        (assert_return (get "glob") (i64.const 0x10))
        (assert_trap (invoke "f") "unreachable")
        (assert_trap (module (func $s unreachable) (start $s)) "unreachable")
        (assert_exhaustion (invoke "loop") "call stack exhausted")
        (assert_invalid (module (func (result i32))) "type mismatch")
        (assert_malformed (module quote "(func (i32.frob))") "unknown operator")
        (assert_malformed (module (func (i32.frob))) "unknown operator")
        (assert_unlinkable (module (import "x" "y" (func))) "unknown import")
        (assert_uninstantiable (module binary "\\00asm\\01\\00\\00\\00") "out of bounds")
        """

    @Test func readsEveryCommandKind() throws {
        let commands = try WastScript.parse(Self.script).commands
        #expect(commands.count == 18)
        guard commands.count == 18 else { return }
        #expect(commands.map(\.line) == Array(1...18))
        guard case .module(let first) = commands[0].kind, case .text = first.source else { Issue.record("module"); return }
        #expect(first.name == "$m")
        guard case .module(let binary) = commands[1].kind else { Issue.record("binary module"); return }
        #expect(try binary.encoded() == [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00])
        guard case .register(let name, let module) = commands[2].kind else { Issue.record("register"); return }
        #expect(name == "lib" && module == "$m")
        guard case .action(.invoke(nil, "f", let arguments)) = commands[3].kind else { Issue.record("invoke"); return }
        #expect(arguments == [.i32(0xFFFF_FFFF)])
        guard case .assertReturn(.invoke("$m", "f", _), let expected) = commands[4].kind else { Issue.record("return"); return }
        #expect(expected == [.value(.i32(7))])
        guard case .assertReturn(.invoke(nil, "g", let floats), let nans) = commands[5].kind else { Issue.record("nans"); return }
        #expect(floats == [.f32(bits: 0x3FC0_0000), .f64(bits: 0xC000_0000_0000_0000)])
        #expect(nans == [.f32NaN(.canonical), .f64NaN(.arithmetic)])
        guard case .assertReturn(_, let lanes) = commands[6].kind else { Issue.record("lanes"); return }
        #expect(lanes == [.v128(shape: .f32x4, lanes: [.nan(.canonical), .bits(0x3F80_0000), .bits(0x8000_0000), .bits(0x7F80_0000)])])
        guard case .assertReturn(_, let exact) = commands[7].kind else { Issue.record("exact vector"); return }
        #expect(exact == [.value(.v128(V128(bytes: [1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 0xFF, 0xFF])))])
        guard case .assertReturn(.invoke(_, _, let references), let expectedReferences) = commands[8].kind else { Issue.record("refs"); return }
        #expect(references == [.refNull(.extern), .refExtern(3)])
        #expect(expectedReferences == [.value(.refNull(.func)), .anyFunctionReference, .anyExternReference])
        guard case .assertReturn(.get(nil, "glob"), [.value(.i64(16))]) = commands[9].kind else { Issue.record("get"); return }
        guard case .assertTrap(_, "unreachable") = commands[10].kind else { Issue.record("trap"); return }
        guard case .assertUninstantiable(_, "unreachable") = commands[11].kind else { Issue.record("trap module"); return }
        guard case .assertExhaustion(_, "call stack exhausted") = commands[12].kind else { Issue.record("exhaustion"); return }
        guard case .assertInvalid(let invalid, "type mismatch") = commands[13].kind else { Issue.record("invalid"); return }
        #expect(throws: Never.self) { try invalid.encoded() }
        for index in [14, 15] {
            guard case .assertMalformed(let malformed, "unknown operator") = commands[index].kind else { Issue.record("malformed"); return }
            #expect(throws: WatError.self) { try malformed.encoded() }
        }
        guard case .assertUnlinkable(_, "unknown import") = commands[16].kind else { Issue.record("unlinkable"); return }
        guard case .assertUninstantiable(_, "out of bounds") = commands[17].kind else { Issue.record("uninstantiable"); return }
    }

    @Test func quotedTextIsConcatenatedAsWritten() throws {
        let commands = try WastScript.parse(#"(module quote "(func (export \"f\")" " (result i32) (i32.const 1))")"#).commands
        guard case .module(let module) = commands.first?.kind, case .quote(let text) = module.source else {
            Issue.record("expected a quoted module"); return
        }
        #expect(text == Array(#"(func (export "f") (result i32) (i32.const 1))"#.utf8))
        let decoded = try ModuleDecoder.decode(try module.encoded())
        #expect(decoded.exports == [Export(name: "f", descriptor: .function(0))])
    }
}
