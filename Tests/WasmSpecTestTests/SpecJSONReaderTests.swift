import Foundation
import Testing
import WasmBinary
import WasmInterpreter
import WasmSpecTest

/// Reading wast2json scripts into the runner's model.
struct SpecJSONReaderTests {
    static let files: [String: [UInt8]] = [
        "t.0.wasm": [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
        "t.1.wat": Array("(module (func (result i32) i32.const))".utf8),
    ]

    func read(_ json: String) throws -> SpecScript {
        try SpecJSONReader.parse(Data(json.utf8), name: "t") { name in
            guard let bytes = Self.files[name] else { throw SpecScriptError("no file \(name)") }
            return bytes
        }
    }

    func commands(_ commands: String) throws -> [SpecCommand] {
        try read(#"{"source_filename": "t.wast", "commands": [\#(commands)]}"#).commands
    }

    /// The values of the single `assert_return` in `command`.
    func assertReturn(_ command: String) throws -> (arguments: [Value], expected: [ExpectedValue]) {
        let parsed = try commands(command)
        guard parsed.count == 1, case .assertReturn(.invoke(_, _, let arguments), let expected) = parsed[0].kind else {
            Issue.record("not an assert_return invoke: \(parsed.map(\.kind.summary))")
            return ([], [])
        }
        return (arguments, expected)
    }

    @Test func modulesAndRegistration() throws {
        let parsed = try commands(
            #"""
            {"type": "module", "line": 3, "name": "$M", "filename": "t.0.wasm"},
            {"type": "register", "line": 7, "name": "$M", "as": "m"},
            {"type": "register", "line": 8, "as": "n"},
            {"type": "assert_malformed", "line": 9, "filename": "t.1.wat", "text": "unknown operator", "module_type": "text"}
            """#)
        #expect(parsed.map(\.line) == [3, 7, 8, 9])
        guard case .module(let module, let name) = parsed[0].kind, case .binary(let bytes) = module.source else {
            Issue.record("not a binary module: \(parsed[0].kind.summary)")
            return
        }
        #expect(name == "$M")
        #expect(bytes == Self.files["t.0.wasm"])
        #expect(module.origin == "t.0.wasm")
        guard case .register("m", "$M") = parsed[1].kind, case .register("n", nil) = parsed[2].kind else {
            Issue.record("registers read wrong: \(parsed[1].kind.summary), \(parsed[2].kind.summary)")
            return
        }
        guard case .assertMalformed(let text, "unknown operator") = parsed[3].kind, case .text(let source) = text.source else {
            Issue.record("not a text assert_malformed: \(parsed[3].kind.summary)")
            return
        }
        #expect(source == Array("(module (func (result i32) i32.const))".utf8))
    }

    @Test func numbersAreUnsignedDecimalBits() throws {
        let (arguments, expected) = try assertReturn(
            #"""
            {"type": "assert_return", "line": 1, "action": {"type": "invoke", "field": "f", "args": [
                {"type": "i32", "value": "4294967295"}, {"type": "i64", "value": "9223372036854775808"},
                {"type": "f32", "value": "2147483648"}, {"type": "f64", "value": "4607182418800017408"}]},
             "expected": [{"type": "i32", "value": "0"}, {"type": "f32", "value": "nan:canonical"},
                {"type": "f64", "value": "nan:arithmetic"}, {"type": "f32", "value": "2143289344"}]}
            """#)
        #expect(arguments == [.i32(0xffff_ffff), .i64(1 << 63), Value(Float(-0.0)), Value(Double(1.0))])
        #expect(expected == [.exact(.i32(0)), .f32NaN(.canonical), .f64NaN(.arithmetic), .exact(.f32(0x7fc0_0000))])
    }

    @Test func vectors() throws {
        let (arguments, expected) = try assertReturn(
            #"""
            {"type": "assert_return", "line": 1, "action": {"type": "invoke", "field": "f", "args": [
                {"type": "v128", "lane_type": "i8", "value": ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "255"]}]},
             "expected": [{"type": "v128", "lane_type": "f32", "value": ["nan:canonical", "nan:arithmetic", "0", "2147483648"]},
                          {"type": "v128", "lane_type": "i64", "value": ["1", "18446744073709551615"]}]}
            """#)
        #expect(arguments == [.v128(V128(bytes: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 255]))])
        #expect(
            expected == [
                .vector(.f32x4, [.nan(.canonical), .nan(.arithmetic), .bits(0), .bits(0x8000_0000)]),
                .vector(.i64x2, [.bits(1), .bits(.max)]),
            ])
    }

    @Test func references() throws {
        let (arguments, expected) = try assertReturn(
            #"""
            {"type": "assert_return", "line": 1, "action": {"type": "invoke", "field": "f", "args": [
                {"type": "externref", "value": "1"}, {"type": "externref", "value": "null"}, {"type": "funcref", "value": "null"}]},
             "expected": [{"type": "externref", "value": "1"}, {"type": "funcref", "value": "null"},
                          {"type": "funcref"}, {"type": "externref"}, {"type": "funcref", "value": "3"}]}
            """#)
        #expect(arguments == [.ref(.extern(1)), .ref(.null(.externref)), .ref(.null(.funcref))])
        #expect(
            expected == [
                .exact(.ref(.extern(1))), .exact(.ref(.null(.funcref))), .anyFunctionReference, .anyExternReference,
                .anyFunctionReference,
            ])
    }

    @Test func actionsAndTrapAssertions() throws {
        let parsed = try commands(
            #"""
            {"type": "action", "line": 2, "action": {"type": "invoke", "module": "$M", "field": "run", "args": []}, "expected": []},
            {"type": "assert_return", "line": 3, "action": {"type": "get", "module": "$M", "field": "g"}, "expected": [{"type": "i32", "value": "42"}]},
            {"type": "assert_trap", "line": 4, "action": {"type": "invoke", "field": "t", "args": []}, "text": "unreachable", "expected": [{"type": "f32"}]},
            {"type": "assert_exhaustion", "line": 5, "action": {"type": "invoke", "field": "r", "args": []}, "text": "call stack exhausted", "expected": []},
            {"type": "assert_invalid", "line": 6, "filename": "t.0.wasm", "text": "type mismatch", "module_type": "binary"},
            {"type": "assert_unlinkable", "line": 7, "filename": "t.0.wasm", "text": "unknown import", "module_type": "binary"},
            {"type": "assert_uninstantiable", "line": 8, "filename": "t.0.wasm", "text": "unreachable", "module_type": "binary"}
            """#)
        #expect(parsed.count == 7)
        guard parsed.count == 7 else { return }
        guard case .action(.invoke("$M", "run", [])) = parsed[0].kind,
            case .assertReturn(.get("$M", "g"), [.exact(.i32(42))]) = parsed[1].kind,
            case .assertTrap(.invoke(nil, "t", []), "unreachable") = parsed[2].kind,
            case .assertExhaustion(.invoke(nil, "r", []), "call stack exhausted") = parsed[3].kind,
            case .assertInvalid(_, "type mismatch") = parsed[4].kind,
            case .assertUnlinkable(_, "unknown import") = parsed[5].kind,
            case .assertUninstantiable(_, "unreachable") = parsed[6].kind
        else {
            Issue.record("read wrong: \(parsed.map(\.kind.summary))")
            return
        }
    }

    @Test func oddCommandsAreUnreadableNotFatal() throws {
        let parsed = try commands(
            #"""
            {"type": "assert_return", "line": 1, "action": {"type": "invoke", "field": "f", "args": [{"type": "i128", "value": "0"}]}, "expected": []},
            {"type": "assert_return", "line": 2, "action": {"type": "invoke", "field": "f", "args": [{"type": "i32", "value": "4294967296"}]}, "expected": []},
            {"type": "assert_return", "line": 3, "action": {"type": "invoke", "field": "f", "args": []}, "expected": [{"type": "v128", "lane_type": "i32", "value": ["nan:canonical", "0", "0", "0"]}]},
            {"type": "module", "line": 4, "filename": "missing.wasm"},
            {"type": "assert_everything", "line": 5},
            {"type": "module", "line": 6, "filename": "t.0.wasm"}
            """#)
        #expect(parsed.map(\.line) == [1, 2, 3, 4, 5, 6])
        for command in parsed.prefix(5) {
            guard case .unreadable = command.kind else {
                Issue.record("line \(command.line) should be unreadable: \(command.kind.summary)")
                continue
            }
        }
        guard case .module = parsed[5].kind else {
            Issue.record("the last module was lost")
            return
        }
    }

    /// names.wast exports functions named "\u{FEFF}" and "" (JSONSerialization drops a leading BOM).
    @Test func namesKeepEveryScalar() throws {
        let names = ["\u{FEFF}", "", "\u{C5}", "A\u{30A}", "\u{212B}"]
        let json = names.map { name in
            #"{"type": "action", "line": 1, "action": {"type": "invoke", "field": "\#(name)", "args": []}, "expected": []}"#
        }
        let fields = try commands(json.joined(separator: ", ")).map { command -> [UInt32] in
            guard case .action(.invoke(_, let field, _)) = command.kind else { return [] }
            return field.unicodeScalars.map(\.value)
        }
        #expect(fields == names.map { $0.unicodeScalars.map(\.value) })
    }

    @Test func notAScript() {
        #expect(throws: SpecScriptError.self) { try read("[1, 2]") }
        #expect(throws: SpecScriptError.self) { try read("{\"commands\": 3") }
    }
}
