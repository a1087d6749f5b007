import WasmBinary

/// `wasm dump FILE`: a readable summary of a binary module: its sections with offsets and sizes,
/// types, imports and exports with their types, functions, tables, memories, globals, segments,
/// the start function and custom sections.
enum DumpCommand {
    static let subcommand = CommandLineTool.Subcommand(
        name: "dump",
        usage: "dump FILE",
        summary: "Print a binary module's sections, types, imports, exports, functions, memories, tables and segments.",
        run: run)

    static let help = """
        usage: wasm dump FILE

        Decodes a binary WebAssembly module (.wasm) and prints a readable summary: each section
        with its offset and size, then the types, imports and exports with their types, the
        function count, table and memory limits, globals, element and data segments, the start
        function and custom sections. A malformed module is reported as 'FILE:OFFSET: message'.
        Exits 0 on success, 1 for a malformed module, 2 on misuse.
        """

    static func run(_ arguments: [String]) -> Int32 {
        if arguments.contains("--help") || arguments.contains("-h") {
            Console.write(help)
            return 0
        }
        guard arguments.count == 1, let path = arguments.first, !path.hasPrefix("-") else {
            Console.error("wasm dump: expected exactly one FILE\n\n" + help)
            return 2
        }
        let bytes: [UInt8]
        do {
            bytes = try ModuleFile.read(path)
        } catch {
            Console.error("wasm dump: \(error.message)")
            return error.exitStatus
        }
        do {
            let summary = try ModuleSummary(decoding: bytes)
            Console.write("\(path): WebAssembly module, \(bytes.count) bytes")
            Console.write(summary.text)
            return 0
        } catch {
            Console.error(ModuleFile.describe(error, in: path))
            return 1
        }
    }
}
