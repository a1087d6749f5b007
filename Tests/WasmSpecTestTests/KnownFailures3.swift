import Foundation
import TestSupport
import WasmSpecTest

/// Commands of the WebAssembly 3.0 testsuite that are allowed to fail, each with its reason, kept
/// in `Tests/KnownFailures/testsuite-3.0.txt` (one `SCRIPT:LINE<tab>REASON` per line).
///
/// The file is generated, never edited by hand: `WASM_UPDATE_KNOWN_FAILURES=1 swift test
/// --filter SpecTestsuite3Tests` rewrites it from the current failures, each reason derived by
/// ``reason(of:in:)``. `SpecTestsuite3Tests` fails on a failure the file does not list and on a
/// listed command that passes, so the list only shrinks as the engine learns to run 3.0.
enum KnownFailures3 {
    struct Entry: Hashable {
        /// The script's path relative to the suite's root, e.g. `legacy/throw.wast`.
        var script: String
        /// The command's line in the script.
        var line: Int
        var reason: String
    }

    /// The reason given to commands that need garbage collection, which this engine does not
    /// implement.
    static let needsGC = "needs GC"

    static let fileURL = Testsuite.packageRoot.appendingPathComponent("Tests/KnownFailures/testsuite-3.0.txt")

    /// True when the test run should rewrite the file instead of checking against it.
    static let isUpdating = ProcessInfo.processInfo.environment["WASM_UPDATE_KNOWN_FAILURES"] == "1"

    /// The listed commands, by script then line.
    static let entries: [String: [Int: String]] = {
        guard let text = try? String(contentsOf: fileURL, encoding: .utf8) else { return [:] }
        var entries: [String: [Int: String]] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", maxSplits: 1)
            guard fields.count == 2, let colon = fields[0].lastIndex(of: ":"),
                  let number = Int(fields[0][fields[0].index(after: colon)...]) else { continue }
            entries[String(fields[0][..<colon]), default: [:]][number] = String(fields[1])
        }
        return entries
    }()

    /// Why a failed command fails: "needs GC", "not executable yet: ...", or the reason of the
    /// earlier command (module, registration, definition) it depends on.
    static func reason(of result: SpecResult, in report: SpecReport) -> String {
        var seen = Set<Int>()
        var current = result
        while true {
            guard case .failed(let text) = current.outcome else { return "unclassified: not a failure" }
            if text.contains("garbage collection") { return needsGC }
            if let what = notExecutable(text) { return "not executable yet: \(what)" }
            guard let line = dependency(text), seen.insert(line).inserted,
                  let earlier = report.results.first(where: { $0.line == line }) else {
                if text.hasPrefix("expected an uncaught exception") { return "not executable yet: exceptions" }
                return "unclassified: \(text)"
            }
            current = earlier
        }
    }

    /// `X` from "... X is/are not executable yet".
    static func notExecutable(_ text: String) -> String? {
        for suffix in [" is not executable yet", " are not executable yet"] {
            guard let range = text.range(of: suffix) else { continue }
            var what = String(text[..<range.lowerBound])
            if let colon = what.range(of: "unsupported: ", options: .backwards) { what = String(what[colon.upperBound...]) }
            if let prefix = what.range(of: #"^type \d+: "#, options: .regularExpression) { what.removeSubrange(prefix) }
            return what
        }
        return nil
    }

    /// The line of the command a failure depends on ("the module of line N is unavailable", ...).
    static func dependency(_ text: String) -> Int? {
        for marker in ["the module of line ", "the registration of line ", "the module definition of line "] {
            guard let range = text.range(of: marker) else { continue }
            let digits = text[range.upperBound...].prefix { $0.isNumber }
            return Int(digits)
        }
        return nil
    }

    /// Writes the file from the failures of every script's report.
    static func write(_ reports: [(script: String, report: SpecReport)]) throws {
        var lines = [
            "# Commands of the WebAssembly 3.0 testsuite (../shared/wasm-testsuite-3.0) that fail, with why:",
            "# SCRIPT:LINE<tab>REASON. Generated: WASM_UPDATE_KNOWN_FAILURES=1 swift test --filter SpecTestsuite3Tests",
            "# (do not edit). \"needs GC\": garbage collection, which this engine does not implement;",
            "# \"not executable yet\": accepted by the decoder, validator and text format, not run by the interpreter yet.",
        ]
        for (script, report) in reports {
            var listed = Set<Int>()
            for failure in report.failures where listed.insert(failure.line).inserted {
                lines.append("\(script):\(failure.line)\t\(reason(of: failure, in: report))")
            }
        }
        try FileManager.default.createDirectory(at: fileURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        try (lines.joined(separator: "\n") + "\n").write(to: fileURL, atomically: true, encoding: .utf8)
    }
}
