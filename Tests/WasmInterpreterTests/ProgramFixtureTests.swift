import Foundation
import TestSupport
import Testing
import WasmBinary
import WasmInterpreter

/// The C programs of `Fixtures/programs` give the results of their native (gcc) build, recorded
/// in `Fixtures/programs/expected.txt` by its build.sh, at the tests' small size (each program's
/// first line there); each is called twice on one instance, as the benchmarks do.
struct ProgramFixtureTests {
    struct Expectation: CustomTestStringConvertible, Sendable {
        let program: String
        let size: UInt32
        let result: UInt32
        var testDescription: String { "\(program)(\(size))" }
    }

    static let folder = Testsuite.packageRoot.appendingPathComponent("Fixtures/programs")

    /// The first line of each program in expected.txt.
    static let smallSizes: [Expectation] = {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8) else { return [] }
        var seen: Set<String> = []
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            guard !line.hasPrefix("#"), fields.count == 3, let size = UInt32(fields[1]), let result = UInt32(fields[2]),
                  seen.insert(String(fields[0])).inserted else { return nil }
            return Expectation(program: String(fields[0]), size: size, result: result)
        }
    }()

    @Test func everyProgramHasAnExpectedResult() throws {
        let sources = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".c") }.map { String($0.dropLast(2)) }.sorted()
        #expect(sources.count >= 6)
        #expect(Self.smallSizes.map(\.program).sorted() == sources)
    }

    @Test(arguments: smallSizes)
    func programMatchesItsNativeBuild(_ expectation: Expectation) throws {
        let bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent("\(expectation.program).wasm")))
        let instance = try Runtime().instantiate(try CompiledModule(bytes: bytes))
        let function = try #require(instance.function(expectation.program))
        #expect(function.type == FunctionType(parameters: [.i32], results: [.i32]))
        for _ in 0..<2 {
            #expect(try function.call([.i32(expectation.size)]) == [.i32(expectation.result)])
        }
    }
}
