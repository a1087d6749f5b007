import Foundation
import Testing
import WasmBinary
import WasmInterpreter
import WasmText
import WasmWASI

/// Commands and reactors, exit codes, traps, arguments, environment and the standard streams.
struct WASIProgramTests {
    static func compile(_ text: String) throws -> CompiledModule {
        try CompiledModule(bytes: try WatParser.assemble(text))
    }

    /// A command that writes "hello\n" to stdout and exits with the code in its data (or returns
    /// from `_start` when the code is -1), or traps when the code is -2.
    static func command(exitCode: Int32) throws -> CompiledModule {
        try compile("""
            (module
              (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
              (memory (export "memory") 1)
              (data (i32.const 16) "hello\\n")
              (data (i32.const 0) "\\10\\00\\00\\00\\06\\00\\00\\00")
              (func (export "_start")
                (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
                (if (i32.eq (i32.const \(exitCode)) (i32.const -2)) (then unreachable))
                (if (i32.ne (i32.const \(exitCode)) (i32.const -1)) (then (call $proc_exit (i32.const \(exitCode)))))))
            """)
    }

    @Test(arguments: [0, 3, 255, 1000] as [Int32])
    func procExitEndsTheRunWithItsCode(code: Int32) throws {
        let run = try ProgramRun(try Self.command(exitCode: code), configuration: WASIConfiguration())
        #expect(run.ending == .exited(UInt32(code)))
        #expect(run.output == "hello\n")
    }

    @Test func returningFromStartIsExitCodeZero() throws {
        let run = try ProgramRun(try Self.command(exitCode: -1), configuration: WASIConfiguration())
        #expect(run.ending == .exited(0))
    }

    @Test func aTrapIsReportedAsATrapNotAnExit() throws {
        let run = try ProgramRun(try Self.command(exitCode: -2), configuration: WASIConfiguration())
        #expect(run.ending == .trapped("unreachable"))
        #expect(run.output == "hello\n")
    }

    @Test func procExitFromAnExportIsAWASIExitError() throws {
        let wasi = try WASI(configuration: WASIConfiguration(standardOutput: .buffer(WASIOutputBuffer())))
        let instance = try wasi.instantiate(try Self.command(exitCode: 42), in: Runtime())
        #expect(throws: WASIExit(code: 42)) { try instance.invoke("_start") }
    }

    @Test func aReactorIsInitializedAndItsExportsCalled() throws {
        let module = try Self.compile("""
            (module
              (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
              (memory (export "memory") 1)
              (global $ready (mut i32) (i32.const 0))
              (func (export "_initialize") (global.set $ready (i32.const 40)))
              (func (export "answer") (result i32) (i32.add (global.get $ready) (i32.const 2)))
              (func (export "quit") (call $proc_exit (i32.const 9))))
            """)
        let wasi = try WASI(configuration: WASIConfiguration())
        let instance = try wasi.instantiate(module, in: Runtime())
        #expect(try instance.invoke("answer") == [.i32(42)])
        #expect(throws: WASIExit(code: 9)) { try instance.invoke("quit") }
        #expect(throws: WASIError.self) { try wasi.start(instance) }
    }

    @Test func argumentsAndEnvironmentAreExactlyTheConfiguredOnes() throws {
        let harness = try WASIHarness(WASIConfiguration(
            arguments: ["prog", "a b", "ünï"], environment: [(name: "ONE", value: "1"), (name: "TWO", value: "x=y")]))
        #expect(try harness.call("args_sizes_get", .u32(0), .u32(4)) == .success)
        #expect(try harness.u32(at: 0) == 3)
        #expect(try harness.u32(at: 4) == UInt32("prog\0a b\0ünï\0".utf8.count))
        #expect(try harness.call("args_get", .u32(100), .u32(200)) == .success)
        #expect(try harness.u32(at: 100) == 200)
        let arguments = try harness.memory.read(at: 200, count: Int(try harness.u32(at: 4)))
        #expect(arguments == Array("prog\0a b\0ünï\0".utf8))
        #expect(try harness.call("environ_sizes_get", .u32(0), .u32(4)) == .success)
        #expect(try harness.u32(at: 0) == 2)
        #expect(try harness.call("environ_get", .u32(100), .u32(300)) == .success)
        let environment = try harness.memory.read(at: 300, count: Int(try harness.u32(at: 4)))
        #expect(environment == Array("ONE=1\0TWO=x=y\0".utf8))
    }

    @Test func standardInputFromBytesAndOutputToAFile() throws {
        let folder = try TemporaryFolder()
        let output = folder.file("out.txt")
        let harness = try WASIHarness(WASIConfiguration(
            standardInput: .bytes(Array("typed input".utf8)), standardOutput: .file(path: output.path)))
        #expect(try harness.read(0, count: 5) == (.success, Array("typed".utf8)))
        #expect(try harness.read(0) == (.success, Array(" input".utf8)))
        #expect(try harness.read(0) == (.success, []))
        #expect(try harness.write(1, Array("to a file".utf8)) == .success)
        #expect(try harness.write(0, Array("x".utf8)) == .notcapable)
        #expect(try String(contentsOf: output, encoding: .utf8) == "to a file")
    }

    @Test func errorsAreErrnoValuesAndBadPointersTrap() throws {
        let harness = try WASIHarness()
        #expect(try harness.write(99, Array("x".utf8)) == .badf)
        #expect(try harness.call("fd_close", .fd(99)) == .badf)
        #expect(try harness.call("clock_time_get", .u32(9), .u64(0), .u32(0)) == .inval)
        #expect(try harness.call("poll_oneoff", .u32(0), .u32(0), .u32(0), .u32(0)) == .inval)
        #expect(try harness.call("sock_shutdown", .fd(1), .u32(3)) == .notsock)
        #expect(try harness.call("proc_raise", .u32(6)) == .nosys)
        // An iovec past the end of memory (2 pages) is the program's fault: a trap.
        try harness.memory.write([0, 0, 2, 0, 16, 0, 0, 0], at: 0)
        #expect(throws: Trap(.outOfBoundsMemoryAccess)) { try harness.call("fd_write", .fd(1), .u32(0), .u32(1), .u32(8)) }
        #expect(throws: Trap(.outOfBoundsMemoryAccess)) { try harness.call("args_sizes_get", .u32(0xffff_fffe), .u32(0)) }
    }

    @Test func aModuleWithoutMemorySaysSo() throws {
        let module = try Self.compile("""
            (module
              (import "wasi_snapshot_preview1" "args_sizes_get" (func $sizes (param i32 i32) (result i32)))
              (func (export "_start") (drop (call $sizes (i32.const 0) (i32.const 4)))))
            """)
        let wasi = try WASI(configuration: WASIConfiguration())
        let instance = try wasi.instantiate(module, in: Runtime())
        #expect(throws: WASIError.self) { try wasi.start(instance) }
    }

    @Test func aMissingPreopenIsASetupError() {
        #expect(throws: WASIError.self) {
            try WASI(configuration: WASIConfiguration(preopenedDirectories: [PreopenedDirectory(hostPath: "/no/such/folder")]))
        }
    }
}
