import Foundation
import TestSupport
import Testing
import WasmBinary
import WasmInterpreter
import WasmText
import WasmWASI

/// The README's embedding examples (a module with a host function, and a WASI program),
/// compiled and run here; two more tests check that the README still shows exactly this code.
@Suite struct ReadmeExampleTests {
    @Test func theExampleRuns() throws {
        var logged: [Value] = []
        // README example begins
        let wat = """
            (module
              (import "env" "log" (func $log (param i32)))
              (memory (export "memory") 1)
              (func (export "add") (param i32 i32) (result i32)
                (call $log (local.get 0))
                (i32.add (local.get 0) (local.get 1))))
            """
        let runtime = Runtime()
        var imports = Imports()
        imports.define(module: "env", name: "log", .function(
            runtime.hostFunction(type: FunctionType(parameters: [.i32])) { arguments in
                logged.append(arguments[0])
                return []
            }))
        let module = try CompiledModule(bytes: try WatParser.assemble(wat))
        let instance = try runtime.instantiate(module, imports: imports)
        let sum = try instance.invoke("add", [Value(Int32(2)), Value(Int32(40))])
        // sum == [.i32(42)], and "log: i32:2" was printed
        if let memory = instance.memory("memory") {
            try memory.write(Array("hi".utf8), at: 0)
            // try memory.read(at: 0, count: 2) == [104, 105]
        }
        // README example ends
        #expect(sum == [.i32(42)])
        #expect(logged == [.i32(2)])
        #expect(try instance.memory("memory")?.read(at: 0, count: 2) == [104, 105])
    }

    @Test func theWASIExampleRuns() throws {
        let helloPath = Testsuite.packageRoot.appendingPathComponent("Fixtures/wasi/hello.wasm").path
        // README WASI example begins
        let output = WASIOutputBuffer()
        let wasi = try WASI(configuration: WASIConfiguration(
            arguments: ["hello.wasm", "--verbose"],
            environment: [(name: "LANG", value: "C")],
            preopenedDirectories: [PreopenedDirectory(hostPath: ".", guestPath: ".", readOnly: true)],
            standardOutput: .buffer(output),
            standardError: .file(path: "/dev/null")))
        let program = try CompiledModule(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: helloPath))))
        let instance = try wasi.instantiate(program, in: Runtime())
        let exitCode = try wasi.start(instance)  // proc_exit(n) gives n; a trap is thrown as Trap
        // exitCode == 0, and output.text starts with "hello, WASI!"
        // README WASI example ends
        #expect(exitCode == 0)
        #expect(output.text.hasPrefix("hello, WASI!\n"))
        #expect(output.text.contains("fwrite of a block"))
    }

    @Test func theReadmeShowsThisExample() throws {
        try Self.expectReadmeShows(from: "// README example begins", to: "// README example ends",
                                   between: "<!-- example begins -->", and: "<!-- example ends -->",
                                   replacing: [("logged.append(arguments[0])", "print(\"log:\", arguments[0])")])
    }

    @Test func theReadmeShowsTheWASIExample() throws {
        try Self.expectReadmeShows(from: "// README WASI example begins", to: "// README WASI example ends",
                                   between: "<!-- wasi example begins -->", and: "<!-- wasi example ends -->",
                                   replacing: [("URL(fileURLWithPath: helloPath)", "URL(fileURLWithPath: \"Fixtures/wasi/hello.wasm\")")])
    }

    /// The README's lines between its markers (code fences and imports left out) are this file's
    /// lines between its markers, unindented, with `replacements` made.
    static func expectReadmeShows(from start: String, to end: String, between readmeStart: String, and readmeEnd: String,
                                  replacing replacements: [(String, String)]) throws {
        let readme = try String(contentsOf: Testsuite.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let example = Self.lines(of: source, from: start, to: end)
            .map { $0.count >= 8 ? String($0.dropFirst(8)) : $0.trimmingCharacters(in: .whitespaces) }
            .map { line in replacements.reduce(line) { $0.replacingOccurrences(of: $1.0, with: $1.1) } }
        let shown = Self.lines(of: readme, from: readmeStart, to: readmeEnd)
            .filter { !$0.hasPrefix("```") && !$0.hasPrefix("import ") }
            .drop { $0.isEmpty }
        #expect(example.count > 8, "the example markers were not found in this file")
        #expect(Array(shown) == example)
    }

    static func lines(of text: String, from start: String, to end: String) -> [String] {
        let all = text.components(separatedBy: "\n")
        guard let first = all.firstIndex(where: { $0.contains(start) }),
              let last = all[first...].firstIndex(where: { $0.contains(end) }) else { return [] }
        return Array(all[(first + 1)..<last])
    }
}
