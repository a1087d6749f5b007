/// What happened to each command of one script.
public struct SpecReport: Sendable {
    /// The script's name, e.g. `i32`.
    public var script: String
    /// The file the lines refer to, e.g. `i32.wast`.
    public var sourceName: String
    /// The results of the script's commands, in script order (a successful `register` has none).
    public var results: [SpecResult]

    /// A report on `script`, read from `sourceName`, with these results (none by default).
    public init(script: String, sourceName: String, results: [SpecResult] = []) {
        self.script = script
        self.sourceName = sourceName
        self.results = results
    }

    /// The number of commands that passed.
    public var passed: Int { results.count { $0.outcome == .passed } }
    /// The number of commands that failed.
    public var failed: Int { failures.count }
    /// The number of commands that were not run.
    public var skipped: Int { skips.count }

    /// The commands that failed, in script order.
    public var failures: [SpecResult] {
        results.filter { if case .failed = $0.outcome { return true } else { return false } }
    }

    /// The commands that were not run, in script order.
    public var skips: [SpecResult] {
        results.filter { if case .skipped = $0.outcome { return true } else { return false } }
    }

    /// `NAME: N passed, N failed, N skipped`.
    public var summary: String {
        "\(script): \(passed) passed, \(failed) failed, \(skipped) skipped"
    }
}

/// The result of one command.
public struct SpecResult: Sendable {
    /// The command's line in the script's source.
    public var line: Int
    /// The command in short, e.g. `assert_return invoke "add" (i32:1, i32:2)`.
    public var command: String
    /// Whether the command passed, failed or was skipped, and why.
    public var outcome: SpecOutcome
    /// For a passing command, something worth knowing, e.g. that an error message differs from
    /// the one the script names.
    public var note: String?

    /// The result of the command at `line`.
    public init(line: Int, command: String, outcome: SpecOutcome, note: String? = nil) {
        self.line = line
        self.command = command
        self.outcome = outcome
        self.note = note
    }
}

/// Whether a command passed, failed (and why) or was not run (and why).
public enum SpecOutcome: Hashable, Sendable {
    case passed
    /// The command did not do what the script says; the text says what happened instead.
    case failed(String)
    /// The command was not run; the text says why.
    case skipped(String)
}
