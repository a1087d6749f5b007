import Foundation
import TestSupport
import Testing
import WasmSpecTest

/// The official WebAssembly 3.0 testsuite (the root scripts, `legacy/`, `custom/`, and the
/// wide-arithmetic and custom-page-sizes proposals), one test per script, with the same
/// discipline as the 2.0 suite's: every failure must be listed in ``KnownFailures3`` with its
/// reason, and every listed command must still fail.
struct SpecTestsuite3Tests {
    /// A suite that is missing is not run; this says which, and how to get it.
    @Test func suitesArePresent() {
        for line in Testsuites.missing {
            Issue.record(Comment(rawValue: "not run: \(line)"), severity: .warning)
        }
    }

    static func run(_ script: String) throws -> SpecReport {
        SpecRunner().run(try WastScriptReader.read(path: Testsuite3.url(of: script).path))
    }

    /// Runs one script; fails on every failure not in ``KnownFailures3`` and on every listed
    /// command that no longer fails. Skips are reported as warnings with their reasons.
    @Test(.enabled(if: !KnownFailures3.isUpdating), arguments: Testsuite3.scripts)
    func script(_ script: String) throws {
        let report = try Self.run(script)
        let known = KnownFailures3.entries[script] ?? [:]
        let source = Testsuite3.url(of: script).path
        var unexpected = 0
        for failure in report.failures {
            guard case .failed(let reason) = failure.outcome else { continue }
            let location = SourceLocation(fileID: "wasm-testsuite-3.0/\(script)", filePath: source, line: failure.line, column: 1)
            if let listed = known[failure.line] {
                // Phase 1 of 3.0: the front end is complete, so a module can be rejected wrongly
                // only for wanting garbage collection.
                let isRejection = failure.command.hasPrefix("assert_invalid") || failure.command.hasPrefix("assert_malformed")
                if isRejection && listed != KnownFailures3.needsGC {
                    Issue.record("\(script):\(failure.line): \(failure.command) is listed as \"\(listed)\"; only GC may fail it",
                                 sourceLocation: location)
                }
                continue
            }
            unexpected += 1
            guard unexpected <= 25 else { continue }
            Issue.record("\(script):\(failure.line): \(failure.command): \(reason)", sourceLocation: location)
        }
        if unexpected > 25 {
            Issue.record("\(report.summary); \(unexpected - 25) more unexpected failures not shown")
        }
        let failedLines = Set(report.failures.map(\.line))
        for (line, reason) in known.sorted(by: { $0.key < $1.key }) where !failedLines.contains(line) {
            Issue.record("\(script):\(line) is listed in testsuite-3.0.txt (\(reason)) but no longer fails: regenerate the list")
        }
        var skipReasons: [String: Int] = [:]
        for skip in report.skips {
            if case .skipped(let reason) = skip.outcome { skipReasons[reason, default: 0] += 1 }
        }
        for (reason, count) in skipReasons.sorted(by: { $0.key < $1.key }) {
            Issue.record("\(script): \(count) command\(count == 1 ? "" : "s") skipped: \(reason)", severity: .warning)
        }
        #expect(report.results.count > 0, "\(script) has no commands")
    }

    /// Every listed script exists and no reason is unexplained.
    @Test(.enabled(if: Testsuite3.isPresent && !KnownFailures3.isUpdating))
    func knownFailuresAreExplained() {
        let scripts = Set(Testsuite3.scripts)
        for (script, lines) in KnownFailures3.entries {
            #expect(scripts.contains(script), "testsuite-3.0.txt lists \(script), which is not a script of the suite")
            for (line, reason) in lines where reason.hasPrefix("unclassified") {
                Issue.record("\(script):\(line): \(reason): explain it in KnownFailures3 or fix the engine")
            }
        }
    }

    /// With `WASM_UPDATE_KNOWN_FAILURES=1`: runs every script and rewrites testsuite-3.0.txt.
    @Test(.enabled(if: KnownFailures3.isUpdating && Testsuite3.isPresent))
    func updateKnownFailures() throws {
        var reports: [(script: String, report: SpecReport)] = []
        var passed = 0
        var failed = 0
        for script in Testsuite3.scripts {
            let report = try Self.run(script)
            passed += report.passed
            failed += report.failed
            reports.append((script, report))
        }
        try KnownFailures3.write(reports)
        print("testsuite-3.0.txt rewritten: \(passed) passed, \(failed) failed")
    }
}
