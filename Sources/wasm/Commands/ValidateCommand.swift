import WasmBinary

/// `wasm validate FILE...`: checks that each binary module is well formed (for now: decodes it
/// completely, every function body included). Prints nothing for a good module and
/// `FILE:OFFSET: message` to standard error for a bad one.
enum ValidateCommand {
    static let subcommand = CommandLineTool.Subcommand(
        name: "validate",
        usage: "validate FILE...",
        summary: "Check that binary modules are well formed; print FILE:OFFSET: message for each that is not.",
        run: run)

    static let help = """
        usage: wasm validate FILE...

        Decodes each binary WebAssembly module (.wasm) completely, function bodies included, and
        reports the first malformation found as 'FILE:OFFSET: message' on standard error, with
        OFFSET the byte offset in hexadecimal. Prints nothing for a well-formed module.
        Exits 0 if every module is well formed, 1 if any is not, 2 on misuse (no file, an
        unreadable file, a text-format .wat file).
        """

    static func run(_ arguments: [String]) -> Int32 {
        var paths: [String] = []
        for argument in arguments {
            if argument == "--help" || argument == "-h" {
                Console.write(help)
                return 0
            }
            if argument.hasPrefix("-") && argument != "-" {
                Console.error("wasm validate: unknown option '\(argument)'\n\n" + help)
                return 2
            }
            paths.append(argument)
        }
        guard !paths.isEmpty else {
            Console.error("wasm validate: no file given\n\n" + help)
            return 2
        }
        var status: Int32 = 0
        for path in paths {
            let bytes: [UInt8]
            do {
                bytes = try ModuleFile.read(path)
            } catch {
                Console.error("wasm validate: \(error.message)")
                return 2
            }
            do {
                _ = try ModuleDecoder.decode(bytes)
            } catch {
                Console.error(ModuleFile.describe(error, in: path))
                status = 1
            }
        }
        return status
    }
}
