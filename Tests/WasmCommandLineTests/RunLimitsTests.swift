import Foundation
import Testing
import WasmBinary
import WasmInterpreter
import WasmText
@testable import wasm

/// `wasm run`'s limits for untrusted code: --fuel, --timeout, --max-memory, --max-call-depth.
/// A limit's trap says which limit and exits 1, for WASI programs too (whose other traps exit
/// 134); option values that do not fit are usage errors (exit 2).
@Suite struct RunLimitsTests {
    static let source = """
        (module
          (memory (export "memory") 1)
          (func (export "spin") (loop (br 0)))
          (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
          (func $depth (export "depth") (param i32) (result i32)
            (if (result i32) (local.get 0)
              (then (i32.add (i32.const 1) (call $depth (i32.sub (local.get 0) (i32.const 1)))))
              (else (i32.const 0))))
          (func (export "crash") unreachable))
        """

    /// The module in a temporary file, for the command to read.
    static let path: String = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("run-limits-\(getpid()).wasm")
        try? Data((try? WatParser.assemble(source)) ?? []).write(to: url)
        return url.path
    }()

    @Test func optionsSetTheRuntimesLimits() throws {
        let (options, rest) = try RunOptions.parse(["--fuel", "1000", "--timeout", "0.5", "--max-memory=65536",
                                                    "--max-call-depth", "10", "a.wasm", "--fuel"])
        #expect(Array(rest) == ["a.wasm", "--fuel"])
        let runtime = options.runtime()
        #expect(runtime.fuel == 1000)
        #expect(runtime.callTimeLimit == .milliseconds(500))
        #expect(runtime.configuration.resourceLimits.memoryBytes == 65_536)
        #expect(runtime.configuration.maxCallDepth == 10)
        // Without the options: no fuel, no time limit, no memory limit, the default depth.
        let plain = try RunOptions.parse(["a.wasm"]).options.runtime()
        #expect(plain.fuel == nil && plain.callTimeLimit == nil)
        #expect(plain.configuration.resourceLimits.memoryBytes == nil)
        #expect(plain.configuration.maxCallDepth == RuntimeConfiguration().maxCallDepth)
    }

    @Test(arguments: [
        (["--fuel", "-1"], "--fuel expects a whole number of instructions from 0 to 18446744073709551615, got '-1'"),
        (["--fuel", "1e6"], "--fuel expects a whole number of instructions from 0 to 18446744073709551615, got '1e6'"),
        (["--timeout", "0"], "--timeout expects a number of seconds above 0 (at most 1e9), got '0'"),
        (["--timeout", "nan"], "--timeout expects a number of seconds above 0 (at most 1e9), got 'nan'"),
        (["--max-memory", "64MiB"], "--max-memory expects a whole number of bytes from 0 to 9223372036854775807, got '64MiB'"),
        (["--max-call-depth", "0"], "--max-call-depth expects a whole number from 1 to 10000000, got '0'"),
        (["--max-call-depth"], "--max-call-depth needs a value"),
    ])
    func valuesThatDoNotFitAreRefused(arguments: [String], message: String) {
        #expect(throws: RunOptions.UsageError.self) { try RunOptions.parse(arguments + ["a.wasm"]) }
        do {
            _ = try RunOptions.parse(arguments)
        } catch {
            #expect(error.message == message)
        }
    }

    @Test func aLimitsTrapSaysWhichLimitAndExitsOne() throws {
        let options = try RunOptions.parse(["--timeout", "2", "a.wasm"]).options
        #expect(options.describe(Trap(.interrupted), otherStatus: 134) == ("trap: interrupted (timeout 2 s)", 1))
        #expect(options.describe(Trap(.outOfFuel), otherStatus: 134) == ("trap: out of fuel", 1))
        #expect(options.describe(Trap(.unreachable), otherStatus: 134) == ("trap: unreachable", 134))
        let fraction = try RunOptions.parse(["--timeout", "0.25", "a.wasm"]).options
        #expect(fraction.describe(Trap(.interrupted), otherStatus: 1).message == "trap: interrupted (timeout 0.25 s)")
    }

    @Test func theCommandStopsEachLimitWithStatusOne() {
        #expect(RunCommand.run(["--fuel", "1000", "--invoke", "spin", Self.path]) == 1)
        #expect(RunCommand.run(["--timeout", "0.2", "--invoke", "spin", Self.path]) == 1)
        #expect(RunCommand.run(["--max-call-depth", "100", "--invoke", "depth", Self.path, "99"]) == 0)
        #expect(RunCommand.run(["--max-call-depth", "100", "--invoke", "depth", Self.path, "100"]) == 1)
        #expect(RunCommand.run(["--max-memory", "65536", Self.path]) == 0)
        #expect(RunCommand.run(["--max-memory", "65535", Self.path]) == 1)
        #expect(RunCommand.run(["--invoke", "crash", Self.path]) == 1)
        #expect(RunCommand.run(["--invoke", "depth", Self.path, "4294967296"]) == 2)
    }

    @Test func memoryGrowPastTheLimitReturnsMinusOne() throws {
        let options = try RunOptions.parse(["--max-memory", "1048576", "a.wasm"]).options
        let instance = try options.runtime().instantiate(try CompiledModule(bytes: try WatParser.assemble(Self.source)))
        #expect(try instance.invoke("grow", [.i32(15)]) == [.i32(1)])
        #expect(try instance.invoke("grow", [.i32(1)]) == [Value(Int32(-1))])
    }

    @Test func aWASIProgramsLimitTrapExitsOneAndItsOtherTrapsExit134() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let hello = root.appendingPathComponent("Fixtures/wasi/hello.wasm").path
        #expect(RunCommand.run(["--fuel", "10", hello]) == 1)
        // A WASI reactor-style call of an export that traps: 134.
        let options = try RunOptions.parse([hello]).options
        #expect(options.describe(Trap(.unreachable), otherStatus: 134).status == 134)
    }
}
