import StringOps
import WasmBinary

/// `wasm memory FILE.wasm [--invoke FUNCTION [ARG...]] [--offset N] [--length N]`: instantiates a
/// module (providing `env.memory` and `env.log` if it imports them), optionally calls an export,
/// and shows a range of its linear memory as hex and text.
enum MemoryCommand {
    static let subcommand = CommandLineTool.Subcommand(
        name: "memory",
        usage: "memory FILE.wasm [--invoke FUNCTION [ARG...]] [--offset N] [--length N]",
        summary: "Instantiate a module, optionally call an export, and show linear memory as hex and text.",
        run: run)

    static let help = """
        usage: wasm memory FILE.wasm [--invoke FUNCTION [ARG...]] [--offset N] [--length N]

        Instantiates a binary module, providing env.memory (at least the pages it asks for) and
        env.log (printed to standard error) when it imports them. With --invoke, calls the
        exported FUNCTION with the ARGs (numbers, read by the parameters' types; 0x for hex) and
        prints its results. Then shows LENGTH bytes (default 64) of linear memory from OFFSET
        (default 0): one line per 16 bytes with the address, the bytes in hex and the printable
        characters, then the bytes decoded as UTF-8.
        Exits 0 on success, 1 when the module cannot be loaded, the call traps or the range is
        outside memory, 2 on misuse.
        """

    static func run(_ arguments: [String]) -> Int32 {
        var path: String?
        var function: String?
        var callArguments: [String] = []
        var offset = 0
        var length = 64
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            switch argument {
            case "--help", "-h":
                Console.write(help)
                return 0
            case "--offset", "--length":
                guard index < arguments.count, let value = parseInteger(arguments[index]), value >= 0, let number = Int(exactly: value)
                else { return misuse("\(argument) needs a non-negative number") }
                index += 1
                if argument == "--offset" { offset = number } else { length = number }
            case "--invoke":
                guard index < arguments.count else { return misuse("--invoke needs a function name") }
                function = arguments[index]
                index += 1
                while index < arguments.count, !arguments[index].hasPrefix("--") {
                    callArguments.append(arguments[index])
                    index += 1
                }
            default:
                guard path == nil, !argument.hasPrefix("--") else { return misuse("unexpected argument '\(argument)'") }
                path = argument
            }
        }
        guard let path else { return misuse("no module file given") }

        let host: HostedModule
        do {
            host = try HostedModule(bytes: ModuleFile.read(path))
        } catch let error as ModuleFile.Unreadable {
            Console.error("wasm memory: \(error.message)")
            return 2
        } catch {
            Console.error("wasm memory: \(path): \(error)")
            return 1
        }
        host.setLogHandler { value in Console.error("env.log: \(value) (\(Int32(bitPattern: value)))") }

        if let function {
            guard let type = host.exportedFunctionTypes[function] else {
                Console.error("wasm memory: \(path) exports no function '\(function)'")
                return 1
            }
            guard type.parameters.count == callArguments.count else {
                return misuse("'\(function)' takes \(type.parameters.count) arguments \(type), given \(callArguments.count)")
            }
            var values: [ExecutionValue] = []
            for (parameter, text) in zip(type.parameters, callArguments) {
                guard let value = executionValue(text, as: parameter) else {
                    return misuse("'\(text)' is not a valid \(parameter)")
                }
                values.append(value)
            }
            do {
                let results = try host.call(function, values)
                Console.write("\(function)(\(callArguments.joined(separator: ", "))) = \(results.map(\.description).joined(separator: ", "))")
            } catch {
                Console.error("wasm memory: \(error)")
                return 1
            }
        }

        do {
            Console.write(try host.inspectMemory(offset: offset, count: length).description)
            return 0
        } catch {
            Console.error("wasm memory: \(error)")
            return 1
        }
    }

    private static func misuse(_ message: String) -> Int32 {
        Console.error("wasm memory: \(message)\n\n" + help)
        return 2
    }

    /// A decimal or 0x-hexadecimal integer, possibly negative.
    static func parseInteger(_ text: String) -> Int64? {
        var digits = Substring(text)
        let negative = digits.first == "-"
        if negative { digits = digits.dropFirst() }
        let radix = digits.hasPrefix("0x") || digits.hasPrefix("0X") ? 16 : 10
        if radix == 16 { digits = digits.dropFirst(2) }
        guard let magnitude = UInt64(digits, radix: radix) else { return nil }
        if negative { return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil }
        return Int64(exactly: magnitude) ?? Int64(truncatingIfNeeded: magnitude)
    }

    /// `text` read as an argument of WebAssembly type `type`.
    private static func executionValue(_ text: String, as type: ValueType) -> ExecutionValue? {
        switch type {
        case .i32:
            guard let value = parseInteger(text), value >= Int64(Int32.min), value <= Int64(UInt32.max) else { return nil }
            return .uint32(UInt32(truncatingIfNeeded: value))
        case .i64:
            return parseInteger(text).map { .int64($0) }
        case .f32:
            return Float(text).map { .float32($0) }
        case .f64:
            return Double(text).map { .float64($0) }
        case .v128, .ref:
            return nil
        }
    }
}
