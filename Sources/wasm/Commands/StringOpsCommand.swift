import StringOps

/// `wasm stringops hash|compare|search|demo ARGS... [--backend wasm|swift]`: runs the bundled
/// stringOps module on strings, by default on both backends side by side.
enum StringOpsCommand {
    static let subcommand = CommandLineTool.Subcommand(
        name: "stringops",
        usage: "stringops hash|compare|search|demo ARGS... [--backend wasm|swift]",
        summary: "Hash, compare and search strings with the bundled stringOps module and its Swift fallback.",
        run: run)

    static let help = """
        usage: wasm stringops OPERATION ARGS... [--backend wasm|swift] [--module FILE.wasm] [--log] [--memory]

        Operations (strings are taken as their UTF-8 bytes):
          hash TEXT               the 32-bit FNV-1a hash of TEXT
          compare FIRST SECOND    -1, 0 or 1 in byte order (a prefix sorts first)
          search HAYSTACK NEEDLE  the byte offset of NEEDLE in HAYSTACK, or -1
          demo [TEXT [OTHER]]     all three: hash TEXT, compare TEXT OTHER, search TEXT OTHER
                                  (TEXT and OTHER default to "hello world" and "world";
                                  'all' is another name for it)

        Without --backend, each operation runs on WebAssembly (the stringOps module built into the
        library, run by this interpreter) and on the pure-Swift fallback, and the answers are
        compared. With --backend, only that backend runs and only the result is printed.

        Options:
          --backend wasm|swift  run one backend only
          --module FILE.wasm    use this module file instead of the built-in one (if it cannot be
                                used, the reason is printed and WebAssembly counts as failed)
          --log                 print the values the module passes to env.log
          --memory              after each WebAssembly call, show the linear memory holding its
                                inputs (hex and text)

        Put -- before strings that start with --.
        Exits 0 when every answer was computed (and both backends agreed), 1 otherwise, 2 on misuse.
        """

    static func run(_ arguments: [String]) -> Int32 {
        let invocation: Invocation
        switch Invocation.parse(arguments) {
        case .help:
            Console.write(help)
            return 0
        case .misuse(let message):
            Console.error("wasm stringops: \(message)\n\n" + help)
            return 2
        case .run(let parsed):
            invocation = parsed
        }

        var webAssembly: WasmStringOps?
        if invocation.backend != .swift {
            let source: ModuleSource = invocation.modulePath.map { .file(path: $0) } ?? .bytes(StringOpsModule.bytes)
            let loaded = StringOpsLoader.load(from: source)
            if let reason = loaded.fallbackReason {
                Console.error("wasm stringops: WebAssembly unavailable (\(source)): \(reason)")
                if invocation.backend == .webAssembly { return 1 }
            }
            webAssembly = loaded.webAssembly
            if invocation.log {
                webAssembly?.setLogHandler { value in Console.error("env.log: \(value) (\(Int32(bitPattern: value)))") }
            }
        }

        var table = ResultTable(showBoth: invocation.backend == nil)
        for operation in invocation.operations {
            var wasmAnswer: Answer?
            var memory: MemoryDump?
            if invocation.backend != .swift {
                if let wasm = webAssembly {
                    wasmAnswer = Answer { () throws(HostingError) in try operation.run(on: wasm) }
                    if invocation.showMemory {
                        memory = try? wasm.inspectMemory(offset: 0, count: operation.inputSpan)
                    }
                } else {
                    wasmAnswer = .unavailable
                }
            }
            let swiftAnswer = invocation.backend == .webAssembly
                ? nil : Answer { () throws(HostingError) in try operation.run(on: SwiftStringOps()) }
            table.add(ResultTable.Row(title: operation.title, webAssembly: wasmAnswer, swift: swiftAnswer, memory: memory))
        }
        Console.write(table.render())
        return table.allGood ? 0 : 1
    }
}
