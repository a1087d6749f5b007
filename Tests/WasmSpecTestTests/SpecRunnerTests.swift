import Testing
import WasmBinary
import WasmInterpreter
import WasmSpecTest

/// The runner's verdicts on small scripts: what passes must pass, and what is wrong must fail.
struct SpecRunnerTests {
    static let main = SpecModule(.binary(RunnerFixtures.main), origin: "main.wasm")

    /// Runs `commands` after the `main` module (line 1) and returns their outcomes by line.
    func run(_ commands: [(Int, SpecCommand.Kind)], textCompiler: (@Sendable ([UInt8]) throws -> [UInt8])? = nil)
        -> [Int: SpecOutcome]
    {
        let script = SpecScript(
            name: "test", sourceName: "test.wast",
            commands: [SpecCommand(line: 1, kind: .module(Self.main, name: "$main"))]
                + commands.map { SpecCommand(line: $0.0, kind: $0.1) })
        let report = SpecRunner(textCompiler: textCompiler).run(script)
        #expect(report.results.first?.outcome == .passed, "the main module instantiates")
        return Dictionary(report.results.map { ($0.line, $0.outcome) }, uniquingKeysWith: { first, _ in first })
    }

    static func add(_ a: UInt32, _ b: UInt32) -> SpecAction {
        .invoke(module: nil, field: "add", arguments: [.i32(a), .i32(b)])
    }

    static func call(_ field: String) -> SpecAction { .invoke(module: nil, field: field, arguments: []) }

    @Test func assertReturn() {
        let outcomes = run([
            (2, .assertReturn(Self.add(1, 2), expected: [.exact(.i32(3))])),
            (3, .assertReturn(Self.add(0xffff_ffff, 1), expected: [.exact(.i32(0))])),
            (4, .assertReturn(Self.add(1, 2), expected: [.exact(.i32(4))])),
            (5, .assertReturn(Self.add(1, 2), expected: [])),
            (6, .assertReturn(Self.add(1, 2), expected: [.exact(.i64(3))])),
            (7, .assertReturn(.get(module: "$main", field: "answer"), expected: [.exact(.i32(42))])),
            (8, .assertReturn(Self.call("spectest-global"), expected: [.exact(.i32(666))])),
            (9, .assertReturn(Self.call("nan"), expected: [.f32NaN(.arithmetic)])),
            (10, .assertReturn(Self.call("nan"), expected: [.f32NaN(.canonical)])),
            (11, .assertReturn(Self.call("trap"), expected: [])),
            (12, .action(Self.add(5, 6))),
            (13, .action(Self.call("trap"))),
            (14, .assertReturn(Self.call("no-such-export"), expected: [])),
            (15, .assertReturn(.invoke(module: "$other", field: "add", arguments: []), expected: [])),
        ])
        let passing = [2, 3, 7, 8, 9, 12]
        for line in 2...15 {
            if passing.contains(line) {
                #expect(outcomes[line] == .passed, "line \(line)")
            } else {
                #expect(outcomes[line].map(isFailure) == true, "line \(line): \(String(describing: outcomes[line]))")
            }
        }
        #expect(outcomes[4] == .failed("expected (i32:4), got (i32:3)"))
    }

    @Test func traps() {
        let outcomes = run([
            (2, .assertTrap(Self.call("trap"), message: "unreachable")),
            (3, .assertTrap(Self.call("trap"), message: "integer divide by zero")),
            (4, .assertTrap(Self.add(1, 2), message: "unreachable")),
            (5, .assertExhaustion(Self.call("recurse"), message: "call stack exhausted")),
            (6, .assertExhaustion(Self.call("trap"), message: "call stack exhausted")),
            // The instance stays usable after a trap and after exhausting the stack.
            (7, .assertReturn(Self.add(2, 2), expected: [.exact(.i32(4))])),
        ])
        #expect(outcomes[2] == .passed)
        #expect(outcomes[3].map(isFailure) == true)
        #expect(outcomes[4].map(isFailure) == true)
        #expect(outcomes[5] == .passed)
        #expect(outcomes[6].map(isFailure) == true)
        #expect(outcomes[7] == .passed)
    }

    @Test func moduleAssertions() {
        let outcomes = run([
            (2, .assertInvalid(SpecModule(.binary(RunnerFixtures.invalid)), message: "type mismatch")),
            (3, .assertInvalid(Self.main, message: "type mismatch")),
            (4, .assertMalformed(SpecModule(.binary([0x00, 0x61, 0x73, 0x6d, 0x02, 0x00, 0x00, 0x00])), message: "unknown binary version")),
            (5, .assertMalformed(Self.main, message: "unexpected end")),
            (6, .assertUnlinkable(SpecModule(.binary(RunnerFixtures.unlinkable)), message: "unknown import")),
            (7, .assertUnlinkable(SpecModule(.binary(RunnerFixtures.uninstantiable)), message: "unknown import")),
            (8, .assertUninstantiable(SpecModule(.binary(RunnerFixtures.uninstantiable)), message: "unreachable")),
            (9, .assertUninstantiable(SpecModule(.binary(RunnerFixtures.unlinkable)), message: "unreachable")),
            (10, .assertUninstantiable(Self.main, message: "unreachable")),
        ])
        for line in [2, 4, 6, 8] { #expect(outcomes[line] == .passed, "line \(line)") }
        for line in [3, 5, 7, 9, 10] { #expect(outcomes[line].map(isFailure) == true, "line \(line)") }
    }

    @Test func namedModulesAndRegister() {
        let outcomes = run([
            (2, .module(SpecModule(.binary(RunnerFixtures.user)), name: nil)),  // "M" is not registered yet
            (3, .register(as: "M", module: "$main")),
            (4, .module(SpecModule(.binary(RunnerFixtures.user)), name: "$user")),
            (5, .assertReturn(.invoke(module: "$user", field: "twice", arguments: [.i32(21)]), expected: [.exact(.i32(42))])),
            (6, .assertReturn(.invoke(module: nil, field: "twice", arguments: [.i32(4)]), expected: [.exact(.i32(8))])),
            (7, .assertReturn(.invoke(module: "$main", field: "add", arguments: [.i32(4), .i32(1)]), expected: [.exact(.i32(5))])),
            (8, .register(as: "X", module: "$nobody")),
        ])
        #expect(outcomes[2].map(isFailure) == true)
        #expect(outcomes[3] == nil, "a successful register is not counted")
        for line in [4, 5, 6, 7] { #expect(outcomes[line] == .passed, "line \(line)") }
        #expect(outcomes[8].map(isFailure) == true)
    }

    @Test func commandsOnAFailedModuleFail() {
        let outcomes = run([
            (2, .module(SpecModule(.binary(RunnerFixtures.invalid)), name: "$bad")),
            (3, .assertReturn(Self.add(1, 2), expected: [.exact(.i32(3))])),
            (4, .assertReturn(.invoke(module: "$main", field: "add", arguments: [.i32(1), .i32(2)]), expected: [.exact(.i32(3))])),
        ])
        #expect(outcomes[2].map(isFailure) == true)
        #expect(outcomes[3] == .failed("the module of line 2 is unavailable (it failed)"))
        #expect(outcomes[4] == .passed)
    }

    @Test func textModulesAreSkippedWithoutATextCompiler() {
        let text = SpecModule(.text(Array("(module (func (export \"f\")))".utf8)))
        let outcomes = run([
            (2, .assertMalformed(text, message: "unexpected token")),
            (3, .module(text, name: nil)),
            (4, .assertReturn(Self.call("f"), expected: [])),
        ])
        #expect(outcomes[2] == .skipped(SpecRunner.textSkipReason))
        #expect(outcomes[3] == .skipped(SpecRunner.textSkipReason))
        #expect(outcomes[4] == .skipped(SpecRunner.textSkipReason), "commands on a skipped module are skipped")
    }

    @Test func textModulesRunThroughTheTextCompiler() {
        struct ParseError: Error {}
        let compiler: @Sendable ([UInt8]) throws -> [UInt8] = { text in
            guard text == Array("main".utf8) else { throw ParseError() }
            return RunnerFixtures.main
        }
        let outcomes = run(
            [
                (2, .assertMalformed(SpecModule(.text(Array("garbage".utf8))), message: "unexpected token")),
                (3, .assertMalformed(SpecModule(.text(Array("main".utf8))), message: "unexpected token")),
                (4, .module(SpecModule(.text(Array("main".utf8))), name: nil)),
                (5, .assertReturn(Self.add(1, 2), expected: [.exact(.i32(3))])),
            ], textCompiler: compiler)
        #expect(outcomes[2] == .passed)
        #expect(outcomes[3].map(isFailure) == true)
        #expect(outcomes[4] == .passed)
        #expect(outcomes[5] == .passed)
    }

    func isFailure(_ outcome: SpecOutcome) -> Bool {
        if case .failed = outcome { return true }
        return false
    }
}
