import Foundation
import TestSupport
import Testing
import WasmInterpreter
import WasmSpecTest

/// `.wast` scripts read by ``WastScriptReader`` and run by the runner: the adapter's mapping on
/// small scripts, and every non-SIMD script of the testsuite against its JSON form.
struct WastScriptTests {
    /// Reads and runs `text`; the outcomes by line.
    func run(_ text: String) throws -> [Int: SpecOutcome] {
        let report = SpecRunner().run(try WastScriptReader.parse(text, name: "test", sourceName: "test.wast"))
        return Dictionary(report.results.map { ($0.line, $0.outcome) }, uniquingKeysWith: { first, _ in first })
    }

    func isFailure(_ outcome: SpecOutcome?) -> Bool {
        if case .failed? = outcome { return true }
        return false
    }

    @Test func modulesActionsAndReturns() throws {
        let outcomes = try run(
            """
            (module $M
              (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
              (func (export "nan") (result f32) (f32.const nan:0x600000))
              (func (export "div") (param i64 i64) (result i64) (i64.div_s (local.get 0) (local.get 1)))
              (global (export "g") i64 (i64.const -7)))
            (register "m" $M)
            (module (import "m" "add" (func $add (param i32 i32) (result i32)))
              (func (export "twice") (param i32) (result i32) (call $add (local.get 0) (local.get 0))))
            (assert_return (invoke "twice" (i32.const 21)) (i32.const 42))
            (assert_return (invoke $M "add" (i32.const 0xffff_ffff) (i32.const 2)) (i32.const 1))
            (assert_return (get $M "g") (i64.const -7))
            (assert_return (invoke $M "nan") (f32.const nan:arithmetic))
            (assert_return (invoke $M "nan") (f32.const nan:canonical))
            (assert_trap (invoke $M "div" (i64.const 1) (i64.const 0)) "integer divide by zero")
            (invoke $M "add" (i32.const 1) (i32.const 2))
            (assert_return (invoke "twice" (i32.const 1)) (i32.const 3))
            """)
        for line in [1, 7, 9, 10, 11, 12, 14, 15] {
            #expect(outcomes[line] == .passed, "line \(line): \(String(describing: outcomes[line]))")
        }
        #expect(isFailure(outcomes[13]), "nan:0x600000 is arithmetic, not canonical")
        #expect(isFailure(outcomes[16]), "twice(1) is 2")
        #expect(outcomes[6] == nil, "a successful register is not counted")
    }

    @Test func moduleAssertions() throws {
        let outcomes = try run(
            """
            (assert_invalid (module (func (result i32) (i64.const 0))) "type mismatch")
            (assert_malformed (module quote "(func (i32.const 1 2))") "unexpected token")
            (assert_malformed (module (func (i32.add align=8))) "unexpected token")
            (assert_malformed (module binary "\\00asm\\02\\00\\00\\00") "unknown binary version")
            (assert_unlinkable (module (import "spectest" "nothing" (func))) "unknown import")
            (assert_trap (module (func $f unreachable) (start $f)) "unreachable")
            (assert_uninstantiable (module (memory 0) (data (i32.const 1) "x")) "out of bounds memory access")
            (module binary "\\00asm\\01\\00\\00\\00")
            (module quote "(func (export \\"f\\") (result i32) (i32.const 7))")
            (assert_return (invoke "f") (i32.const 7))
            (module (func $r (export "r") (call $r)))
            (assert_exhaustion (invoke "r") "call stack exhausted")
            (assert_invalid (module (func)) "type mismatch")
            """)
        for line in 1...12 {
            #expect(outcomes[line] == .passed, "line \(line): \(String(describing: outcomes[line]))")
        }
        #expect(isFailure(outcomes[13]), "a valid module fails assert_invalid")
    }

    /// Lanes of an expected v128 keep their shape: NaN patterns, and negative integers cut to the
    /// lane's width.
    @Test func vectorExpectations() throws {
        let script = try WastScriptReader.parse(
            """
            (module (func (export "v") (result v128) (v128.const i64x2 0 0)))
            (assert_return (invoke "v") (v128.const f32x4 nan:canonical 1.0 -0x1p-1 nan:arithmetic))
            (assert_return (invoke "v") (v128.const i16x8 -1 0 1 2 3 4 5 0xffff))
            (assert_return (invoke "v" (v128.const i32x4 1 2 3 4)) (f64.const nan:canonical))
            """, name: "test", sourceName: "test.wast")
        let kinds = script.commands.map(\.kind)
        guard kinds.count == 4, case .assertReturn(_, let floats) = kinds[1],
            case .assertReturn(_, let integers) = kinds[2],
            case .assertReturn(let action, let nan) = kinds[3]
        else {
            Issue.record("expected a module and three assert_return, got \(kinds.map(\.summary))")
            return
        }
        let lanes: [LanePattern] = [.nan(.canonical), .bits(0x3f80_0000), .bits(0xbf00_0000), .nan(.arithmetic)]
        #expect(floats == [.vector(.f32x4, lanes)])
        #expect(integers == [.exact(.v128(LaneShape.i16x8.vector(lanes: [0xffff, 0, 1, 2, 3, 4, 5, 0xffff])))])
        #expect(nan == [.f64NaN(.canonical)])
        guard case .invoke(let module, let field, let arguments) = action else {
            Issue.record("expected invoke \"v\", got \(action.summary)")
            return
        }
        #expect(module == nil && field == "v")
        #expect(arguments == [.v128(LaneShape.i32x4.vector(lanes: [1, 2, 3, 4]))])
    }

    /// Lines are the script's: a module assertion's is its module's `(module` line.
    @Test func linesAndNames() throws {
        let script = try WastScriptReader.parse(
            """
            (module $A)

            (assert_invalid
              (module (func (result i32)))
              "type mismatch")
            (register "a" $A)
            """, name: "lines", sourceName: "lines.wast")
        #expect(script.name == "lines" && script.sourceName == "lines.wast")
        #expect(script.commands.map(\.line) == [1, 4, 6])
        guard case .module(_, let name) = script.commands[0].kind,
            case .register(let exportName, let module) = script.commands[2].kind
        else {
            Issue.record("unexpected commands \(script.commands.map(\.kind.summary))")
            return
        }
        #expect(name == "$A" && exportName == "a" && module == "$A")
    }

    @Test func unparsableScriptNamesItsLine() {
        #expect {
            try WastScriptReader.parse(
                "(module)\n(assert_return (invoke \"f\") (i32.const x))", name: "bad", sourceName: "bad.wast")
        } throws: { error in
            "\(error)".hasPrefix("bad.wast: ") && "\(error)".contains("2:")
        }
    }

    /// Every script of the testsuite, from its `.wast`: no failures beyond
    /// ``KnownFailures``, and the same commands passed, failed and skipped as its JSON form, at the
    /// same lines (an action written on a line after its assertion's takes the assertion's line;
    /// wast2json gives quoted modules line 0).
    @Test(arguments: Testsuite.scriptNames)
    func suiteScriptMatchesJSON(_ name: String) throws {
        let source = Testsuite.wastURL(name).path
        let wast = SpecRunner(features: .webAssembly2).run(try WastScriptReader.read(path: source))
        let json = SpecRunner(features: .webAssembly2).run(try SpecJSONReader.read(path: Testsuite.scriptURL(name).path))
        let known = KnownFailures.lines(of: name)
        for failure in wast.failures.prefix(25) where known[failure.line] == nil {
            guard case .failed(let reason) = failure.outcome else { continue }
            Issue.record(
                "\(wast.sourceName):\(failure.line): \(failure.command): \(reason)",
                sourceLocation: SourceLocation(
                    fileID: "wast/\(name).wast", filePath: source, line: failure.line, column: 1))
        }
        let counts = "\(name): .wast \(wast.summary), JSON \(json.summary)"
        #expect(wast.passed == json.passed, "\(counts)")
        #expect(wast.failed == json.failed && wast.skipped == json.skipped, "\(counts)")
        #expect(wast.results.count == json.results.count)
        for (ours, theirs) in zip(wast.results, json.results) where ours.line != theirs.line {
            let quoted = theirs.line == 0 && ours.command.contains("(module quote)")
            let actionBelow =
                ours.line < theirs.line && theirs.line - ours.line <= 2 && !ours.command.hasPrefix("module")
            #expect(
                quoted || actionBelow,
                "\(name): .wast line \(ours.line) (\(ours.command)), JSON line \(theirs.line) (\(theirs.command))")
        }
    }
}
