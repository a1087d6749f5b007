/// Commands of the official testsuite that are allowed to fail, each with the reason.
///
/// `SpecTestsuiteTests` fails on any failure not listed here, and on any entry that passes (so
/// fixed entries get removed and the list cannot grow unnoticed).
enum KnownFailures {
    struct Entry: Hashable {
        /// The script's name, e.g. `float_exprs`.
        var script: String
        /// The command's line in `wast/SCRIPT.wast`.
        var line: Int
        var reason: String
    }

    static let entries: [Entry] = [
        // Entry(script: "name", line: 123, reason: "why this command fails and what would fix it"),
    ]

    /// The listed lines of one script, with their reasons.
    static func lines(of script: String) -> [Int: String] {
        var lines: [Int: String] = [:]
        for entry in entries where entry.script == script {
            lines[entry.line] = entry.reason
        }
        return lines
    }
}
