import WasmBinary
import WasmValidation

/// `wasm validate FILE...`: checks that each binary module is well formed and valid (decodes it
/// completely, then validates it). Prints nothing for a good module and `FILE:OFFSET: message`
/// to standard error for a bad one.
enum ValidateCommand {
    static let subcommand = CommandLineTool.Subcommand(
        name: "validate",
        usage: "validate FILE...",
        summary: "Check that binary modules are well formed and valid; print FILE:OFFSET: message for each that is not.",
        run: run)

    static let help = """
        usage: wasm validate FILE...

        Decodes each binary WebAssembly module (.wasm) completely, function bodies included,
        validates it against the WebAssembly 3.0 rules (garbage collection aside), and reports the first malformation or
        validation error found as 'FILE:OFFSET: message' on standard error, with OFFSET the byte
        offset in hexadecimal ('FILE: message' for module-level rules). Prints nothing for a
        valid module. Exits 0 if every module is valid, 1 if any is not, 2 on misuse (no file,
        an unreadable file, a text-format .wat file).
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
                return error.exitStatus
            }
            do {
                let module = try ModuleDecoder.decode(bytes)
                do {
                    try ModuleValidator.validate(module)
                } catch {
                    Console.error(error.offset == nil ? "\(path): \(error)" : "\(path):\(error)")
                    status = 1
                }
            } catch {
                Console.error(ModuleFile.describe(error, in: path))
                status = 1
            }
        }
        return status
    }
}
