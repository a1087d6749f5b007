import Foundation
import WasmInterpreter

/// The options of `wasm run`, which come before the module file (everything after the file is
/// the program's). Each option is one row of `RunOptions.table`: adding one is adding a row.
struct RunOptions: Sendable {
    /// A host directory the program may reach, and the name it knows it by.
    struct Directory: Equatable, Sendable {
        var hostPath: String
        var guestPath: String
    }

    var directories: [Directory] = []
    var environment: [(name: String, value: String)] = []
    var exportName: String?
    var showHelp = false
    /// Count the handlers run (debug builds) and print the most frequent ones and pairs.
    var profileDispatch = false
    /// Profile as `profileDispatch`, with the module compiled without superinstructions.
    var profileUnfused = false
    /// Limits for running code that is not trusted (see `runtime()`).
    var fuel: UInt64?
    var timeoutSeconds: Double?
    var maxMemoryBytes: Int?
    var maxCallDepth: Int?

    /// A command-line mistake, in words for the user (the command exits 2).
    struct UsageError: Error, Sendable {
        var message: String
    }

    /// One option: its name, what its value looks like (nil for a flag), a line of help, and
    /// what it does to the options.
    struct Option: Sendable {
        let name: String
        let value: String?
        let help: String
        let apply: @Sendable (inout RunOptions, String) throws(UsageError) -> Void
    }

    static let table: [Option] = [
        Option(name: "--dir", value: "HOST[::GUEST]",
               help: "let the program reach directory HOST (as GUEST; by default as HOST); repeatable") { (options: inout RunOptions, text: String) throws(UsageError) in
            let parts = text.components(separatedBy: "::")
            guard !text.isEmpty, parts.count <= 2, parts.allSatisfy({ !$0.isEmpty }) else {
                throw UsageError(message: "--dir expects HOST or HOST::GUEST, got '\(text)'")
            }
            options.directories.append(Directory(hostPath: parts[0], guestPath: parts.count == 2 ? parts[1] : parts[0]))
        },
        Option(name: "--env", value: "NAME=VALUE",
               help: "set an environment variable for the program (it sees only these); repeatable") { (options: inout RunOptions, text: String) throws(UsageError) in
            guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
                throw UsageError(message: "--env expects NAME=VALUE, got '\(text)'")
            }
            options.environment.append((String(text[..<equals]), String(text[text.index(after: equals)...])))
        },
        Option(name: "--invoke", value: "NAME",
               help: "call export NAME with the ARGS (parsed by its parameter types) instead of _start") { (options: inout RunOptions, text: String) throws(UsageError) in
            options.exportName = text
        },
        Option(name: "--fuel", value: "N",
               help: "stop the program with 'trap: out of fuel' after N wasm instructions") { (options: inout RunOptions, text: String) throws(UsageError) in
            guard let fuel = UInt64(text) else {
                throw UsageError(message: "--fuel expects a whole number of instructions from 0 to \(UInt64.max), got '\(text)'")
            }
            options.fuel = fuel
        },
        Option(name: "--timeout", value: "SECONDS",
               help: "stop the program with 'trap: interrupted' after SECONDS (decimals allowed) of running") { (options: inout RunOptions, text: String) throws(UsageError) in
            guard let seconds = Double(text), seconds.isFinite, seconds > 0, seconds <= 1e9 else {
                throw UsageError(message: "--timeout expects a number of seconds above 0 (at most 1e9), got '\(text)'")
            }
            options.timeoutSeconds = seconds
        },
        Option(name: "--max-memory", value: "BYTES",
               help: "let linear memory grow to BYTES in all (memory.grow past it returns -1)") { (options: inout RunOptions, text: String) throws(UsageError) in
            guard let bytes = Int(text), bytes >= 0 else {
                throw UsageError(message: "--max-memory expects a whole number of bytes from 0 to \(Int.max), got '\(text)'")
            }
            options.maxMemoryBytes = bytes
        },
        Option(name: "--max-call-depth", value: "N",
               help: "let wasm calls nest N deep (default 50000; deeper traps with 'call stack exhausted')") { (options: inout RunOptions, text: String) throws(UsageError) in
            let limit = RuntimeConfiguration.callDepthLimit
            guard let depth = Int(text), depth >= 1, depth <= limit else {
                throw UsageError(message: "--max-call-depth expects a whole number from 1 to \(limit), got '\(text)'")
            }
            options.maxCallDepth = depth
        },
        Option(name: "--profile-dispatch", value: nil,
               help: "(debug builds) print the most executed interpreter handlers and handler pairs to stderr") { (options: inout RunOptions, _: String) throws(UsageError) in
            options.profileDispatch = true
        },
        Option(name: "--profile-unfused", value: nil,
               help: "(debug builds) as --profile-dispatch, without superinstructions (the pairs they are chosen from)") { (options: inout RunOptions, _: String) throws(UsageError) in
            options.profileDispatch = true
            options.profileUnfused = true
        },
        Option(name: "--help", value: nil, help: "show this help") { (options: inout RunOptions, _: String) throws(UsageError) in
            options.showHelp = true
        },
    ]

    /// Parses options up to the first argument that is not one (the module file; `--` ends the
    /// options too), which is returned with everything after it.
    static func parse(_ arguments: [String]) throws(UsageError) -> (options: RunOptions, rest: ArraySlice<String>) {
        var options = RunOptions()
        var index = arguments.startIndex
        while index < arguments.endIndex, arguments[index].hasPrefix("-") {
            if arguments[index] == "--" {
                index += 1
                break
            }
            var name = arguments[index]
            var value: String?
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if name == "-h" { name = "--help" }
            guard let option = table.first(where: { $0.name == name }) else {
                throw UsageError(message: "unknown option '\(arguments[index])'")
            }
            if option.value != nil && value == nil {
                index += 1
                guard index < arguments.endIndex else { throw UsageError(message: "\(name) needs a value") }
                value = arguments[index]
            }
            try option.apply(&options, value ?? "")
            index += 1
        }
        return (options, arguments[index...])
    }

    /// A runtime with the limits the options set.
    func runtime() -> Runtime {
        var configuration = RuntimeConfiguration()
        configuration.fuel = fuel
        configuration.resourceLimits.memoryBytes = maxMemoryBytes
        if let maxCallDepth { configuration.maxCallDepth = maxCallDepth }
        let runtime = Runtime(configuration: configuration)
        if let timeoutSeconds {
            runtime.callTimeLimit = .nanoseconds(Int64((timeoutSeconds * 1e9).rounded(.up)))
        }
        return runtime
    }

    /// The message for a trap, with the limit that caused it when an option set one
    /// (`interrupted (timeout 2 s)`), and the exit status: 1 for a limit's trap, `otherStatus`
    /// for any other.
    func describe(_ trap: Trap, otherStatus: Int32) -> (message: String, status: Int32) {
        switch trap.reason {
        case .interrupted:
            let limit = timeoutSeconds.map { " (timeout \(Self.format(seconds: $0)) s)" } ?? ""
            return ("trap: \(trap)\(limit)", 1)
        case .outOfFuel:
            return ("trap: \(trap)", 1)
        default:
            return ("trap: \(trap)", otherStatus)
        }
    }

    /// Seconds as the user would write them: `2`, `0.5`.
    static func format(seconds: Double) -> String {
        seconds == seconds.rounded() && seconds < 1e15 ? String(Int64(seconds)) : String(seconds)
    }

    /// The options' lines for the help text.
    static var helpLines: String {
        table.map { option in
            let head = option.value.map { "\(option.name) \($0)" } ?? option.name
            return "  " + head.padding(toLength: 22, withPad: " ", startingAt: 0) + option.help
        }.joined(separator: "\n")
    }
}
