import Foundation
import WasmBinary
import WasmText

/// `wasm wat2wasm IN.wat [-o OUT.wasm]`: assembles a text-format module into the binary format.
enum Wat2WasmCommand {
    static let subcommand = CommandLineTool.Subcommand(
        name: "wat2wasm",
        usage: "wat2wasm IN.wat [-o OUT.wasm]",
        summary: "Assemble a text-format module into a binary module.",
        run: run)

    static let help = """
        usage: wasm wat2wasm IN.wat [-o OUT.wasm]

        Parses the WebAssembly text module IN.wat and writes its binary encoding to OUT.wasm
        (by default IN with the extension .wasm). Syntax errors are reported as
        'IN.wat:LINE:COLUMN: message' on standard error. The module is not validated.
        Exits 0 on success, 1 on a syntax error, 2 on misuse or an unreadable or unwritable file.
        """

    static func run(_ arguments: [String]) -> Int32 {
        var input: String?
        var output: String?
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--help", "-h":
                Console.write(help)
                return 0
            case "-o", "--output":
                guard index + 1 < arguments.count else {
                    Console.error("wasm wat2wasm: \(argument) needs a file name\n\n" + help)
                    return 2
                }
                output = arguments[index + 1]
                index += 1
            default:
                if argument.hasPrefix("-") || input != nil {
                    Console.error("wasm wat2wasm: unexpected argument '\(argument)'\n\n" + help)
                    return 2
                }
                input = argument
            }
            index += 1
        }
        guard let input else {
            Console.error("wasm wat2wasm: no input file given\n\n" + help)
            return 2
        }
        guard let data = FileManager.default.contents(atPath: input) else {
            Console.error("wasm wat2wasm: \(input): cannot be read")
            return 2
        }
        let bytes: [UInt8]
        do {
            bytes = try WatParser.assemble(String(decoding: data, as: UTF8.self))
        } catch {
            Console.error("\(input):\(error)")
            return 1
        }
        let destination = output ?? defaultOutput(for: input)
        guard FileManager.default.createFile(atPath: destination, contents: Data(bytes)) else {
            Console.error("wasm wat2wasm: \(destination): cannot be written")
            return 2
        }
        return 0
    }

    /// `IN.wat` becomes `IN.wasm`; any other name gets `.wasm` appended.
    static func defaultOutput(for input: String) -> String {
        input.hasSuffix(".wat") ? String(input.dropLast(4)) + ".wasm" : input + ".wasm"
    }
}
