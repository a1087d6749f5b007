#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Entry point of the `wasm` command-line tool: picks the subcommand and exits with its status.
let arguments = Array(CommandLine.arguments.dropFirst())
exit(CommandLineTool.run(arguments))
