import Foundation
import TestSupport
import Testing
import WasmBinary
import WasmInterpreter
import WasmText

/// The README's embedding example, compiled and run here; a second test checks that the README
/// still shows exactly this code.
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

    @Test func theReadmeShowsThisExample() throws {
        let readme = try String(contentsOf: Testsuite.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let example = Self.lines(of: source, from: "// README example begins", to: "// README example ends")
            .map { $0.count >= 8 ? String($0.dropFirst(8)) : $0.trimmingCharacters(in: .whitespaces) }
            .map { $0.replacingOccurrences(of: "logged.append(arguments[0])", with: "print(\"log:\", arguments[0])") }
        let shown = Self.lines(of: readme, from: "<!-- example begins -->", to: "<!-- example ends -->")
            .filter { !$0.hasPrefix("```") && !$0.hasPrefix("import ") }
            .drop { $0.isEmpty }
        #expect(example.count > 20, "the example markers were not found in this file")
        #expect(Array(shown) == example)
    }

    static func lines(of text: String, from start: String, to end: String) -> [String] {
        let all = text.components(separatedBy: "\n")
        guard let first = all.firstIndex(where: { $0.contains(start) }),
              let last = all[first...].firstIndex(where: { $0.contains(end) }) else { return [] }
        return Array(all[(first + 1)..<last])
    }
}
