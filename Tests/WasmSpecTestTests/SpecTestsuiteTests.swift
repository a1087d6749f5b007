import Foundation
import TestSupport
import Testing
import WasmSpecTest

/// The official WebAssembly 2.0 testsuite (every script, SIMD ones included), one test per script.
struct SpecTestsuiteTests {
    /// Every command of every script (SIMD ones too) is understood by the reader.
    @Test(.enabled(if: Testsuite.isPresent, Comment(rawValue: Testsuite.missingMessage)))
    func everyScriptReads() throws {
        var total = 0
        for name in Testsuite.scriptNames {
            let script = try SpecJSONReader.read(path: Testsuite.scriptURL(name).path)
            total += script.commands.count
            for command in script.commands {
                if case .unreadable(let reason) = command.kind { Issue.record("\(name):\(command.line): \(reason)") }
            }
        }
        #expect(total == 53_906, "the testsuite's README counts 53,906 commands")
    }

    @Test(.enabled(if: Testsuite.isPresent, Comment(rawValue: Testsuite.missingMessage)))
    func knownFailuresNameRealScripts() {
        var seen = Set<String>()
        for entry in KnownFailures.entries {
            #expect(Testsuite.scriptNames.contains(entry.script), "no script \(entry.script)")
            #expect(!entry.reason.trimmingCharacters(in: .whitespaces).isEmpty, "\(entry.script):\(entry.line) needs a reason")
            #expect(seen.insert("\(entry.script):\(entry.line)").inserted, "\(entry.script):\(entry.line) is listed twice")
        }
    }

    /// Runs one script; fails on every failure not in ``KnownFailures`` and on every listed
    /// command that no longer fails. Skips are reported as warnings with their reasons.
    @Test(arguments: Testsuite.scriptNames)
    func script(_ name: String) throws {
        let report = SpecRunner(features: .webAssembly2).run(try SpecJSONReader.read(path: Testsuite.scriptURL(name).path))
        let known = KnownFailures.lines(of: name)
        let source = Testsuite.wastURL(name).path
        var unexpected = 0
        for failure in report.failures where known[failure.line] == nil {
            unexpected += 1
            guard unexpected <= 25, case .failed(let reason) = failure.outcome else { continue }
            Issue.record(
                "\(report.sourceName):\(failure.line): \(failure.command): \(reason)",
                sourceLocation: SourceLocation(fileID: "wast/\(name).wast", filePath: source, line: failure.line, column: 1))
        }
        if unexpected > 25 {
            Issue.record("\(report.summary); \(unexpected - 25) more unexpected failures not shown")
        }
        let failedLines = Set(report.failures.map(\.line))
        for (line, reason) in known.sorted(by: { $0.key < $1.key }) where !failedLines.contains(line) {
            Issue.record("\(name):\(line) is listed in KnownFailures (\(reason)) but no longer fails: remove it")
        }
        var skipReasons: [String: Int] = [:]
        for skip in report.skips {
            if case .skipped(let reason) = skip.outcome { skipReasons[reason, default: 0] += 1 }
        }
        for (reason, count) in skipReasons.sorted(by: { $0.key < $1.key }) {
            Issue.record("\(name): \(count) command\(count == 1 ? "" : "s") skipped: \(reason)", severity: .warning)
        }
        #expect(report.results.count > 0, "\(name) has no commands")
    }
}
