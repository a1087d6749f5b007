import Foundation
import TestSupport
import Testing
import WasmWASI

/// Our own C programs (`Fixtures/wasi`), built for WASI with clang and wasi-libc, must print
/// exactly what the same sources built natively with gcc printed when the fixtures were made
/// (`expected/ID.stdout`, `expected/ID.status`, recorded by `Fixtures/wasi/build.py`), and
/// end with the same status (a trap counts as 134, what a shell reports for `abort()`).
struct WASIFixtureTests {
    struct Run: Decodable, Sendable, CustomStringConvertible {
        var id: String
        var program: String
        var args: [String]?
        var env: [String: String]?
        var stdin: String?
        var directory: Bool?

        var description: String { id }
    }

    static let folder = Testsuite.packageRoot.appendingPathComponent("Fixtures/wasi")

    static let runs: [Run] = {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("runs.json")),
              let runs = try? JSONDecoder().decode([Run].self, from: data) else { return [] }
        return runs
    }()

    @Test func everyProgramHasRunsAndExpectations() throws {
        #expect(Self.runs.count >= 15, "Fixtures/wasi/runs.json is missing or unreadable")
        let programs = Set(Self.runs.map(\.program))
        #expect(programs.count >= 10)
        for program in programs {
            #expect(FileManager.default.fileExists(atPath: Self.folder.appendingPathComponent("\(program).c").path))
            #expect(FileManager.default.fileExists(atPath: Self.folder.appendingPathComponent("\(program).wasm").path))
        }
    }

    @Test(arguments: runs)
    func printsWhatTheNativeBuildPrinted(_ run: Run) throws {
        let expectedOutput = try Data(contentsOf: Self.folder.appendingPathComponent("expected/\(run.id).stdout"))
        let statusText = try String(contentsOf: Self.folder.appendingPathComponent("expected/\(run.id).status"), encoding: .utf8)
        let expectedStatus = try #require(UInt32(statusText.trimmingCharacters(in: .whitespacesAndNewlines)))
        let input = try run.stdin.map { [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent($0))) } ?? []
        let directory = try TemporaryFolder("fixture")
        let configuration = WASIConfiguration(
            arguments: ["\(run.program).wasm"] + (run.args ?? []),
            environment: (run.env ?? [:]).sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) },
            preopenedDirectories: run.directory == true ? [PreopenedDirectory(hostPath: directory.path, guestPath: ".")] : [])
        let result = try ProgramRun(file: Self.folder.appendingPathComponent("\(run.program).wasm"),
                                    configuration: configuration, input: input)
        let status: UInt32
        switch result.ending {
        case .exited(let code): status = code
        case .trapped: status = 134
        }
        #expect(status == expectedStatus, "\(run.id) ended with \(result.ending)")
        #expect(result.output == String(decoding: expectedOutput, as: UTF8.self), "\(run.id): stdout differs")
    }
}
