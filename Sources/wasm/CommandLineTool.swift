/// The `wasm` tool's subcommands and its usage text. Each subcommand lives in its own file under
/// `Commands/` and returns the process exit status (0 success, 1 failure, 2 misuse).
enum CommandLineTool {
    /// A subcommand: its name, a one-line summary for `--help`, and what runs it.
    struct Subcommand: Sendable {
        let name: String
        let usage: String
        let summary: String
        let run: @Sendable ([String]) -> Int32
    }

    static let subcommands: [Subcommand] = [
        // Subcommands are listed here as they are added (one line each).
        RunCommand.subcommand,
        SpecTestCommand.subcommand,
        ValidateCommand.subcommand,
        DumpCommand.subcommand,
        StringOpsCommand.subcommand,
        MemoryCommand.subcommand,
        Wat2WasmCommand.subcommand,
        CallExportsCommand.subcommand,
    ]

    static func run(_ arguments: [String]) -> Int32 {
        guard let first = arguments.first, first != "--help", first != "-h", first != "help" else {
            printUsage(to: .standardOutput)
            return arguments.isEmpty ? 2 : 0
        }
        guard let command = subcommands.first(where: { $0.name == first }) else {
            Console.error("wasm: unknown command '\(first)'")
            printUsage(to: .standardError)
            return 2
        }
        return command.run(Array(arguments.dropFirst()))
    }

    static func printUsage(to stream: Console.Stream) {
        var text = "usage: wasm COMMAND [ARGS...]\n\nA WebAssembly 2.0 engine in pure Swift.\n\nCommands:\n"
        for command in subcommands {
            text += "  \(command.usage)\n      \(command.summary)\n"
        }
        text += "\nRun 'wasm COMMAND --help' for a command's options."
        Console.write(text, to: stream)
    }
}
