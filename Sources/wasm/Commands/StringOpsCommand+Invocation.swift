import StringOps

extension StringOpsCommand {
    /// What the command line asked for.
    struct Invocation {
        var operations: [StringOperation] = []
        /// Nil runs both backends.
        var backend: ExecutionBackend?
        var modulePath: String?
        var log = false
        var showMemory = false

        enum Parsed {
            case help
            case misuse(String)
            case run(Invocation)
        }

        /// Options may come anywhere; `--` makes every later argument an operand.
        static func parse(_ arguments: [String]) -> Parsed {
            var invocation = Invocation()
            var operands: [String] = []
            var index = 0
            var optionsEnded = false
            while index < arguments.count {
                let argument = arguments[index]
                index += 1
                if optionsEnded || !argument.hasPrefix("--") {
                    operands.append(argument)
                    continue
                }
                switch argument {
                case "--":
                    optionsEnded = true
                case "--help":
                    return .help
                case "--log":
                    invocation.log = true
                case "--memory":
                    invocation.showMemory = true
                case "--backend", "--module":
                    guard index < arguments.count else { return .misuse("\(argument) needs a value") }
                    let value = arguments[index]
                    index += 1
                    if argument == "--module" {
                        invocation.modulePath = value
                    } else if value == "wasm" || value == "webassembly" {
                        invocation.backend = .webAssembly
                    } else if value == "swift" {
                        invocation.backend = .swift
                    } else {
                        return .misuse("unknown backend '\(value)' (expected wasm or swift)")
                    }
                default:
                    return .misuse("unknown option '\(argument)'")
                }
            }
            guard let name = operands.first else { return .misuse("no operation given") }
            let inputs = Array(operands.dropFirst())
            switch name {
            case "hash":
                guard inputs.count == 1 else { return .misuse("hash takes one string") }
                invocation.operations = [StringOperation(kind: .hash, first: inputs[0], second: "")]
            case "compare", "search":
                guard inputs.count == 2 else { return .misuse("\(name) takes two strings") }
                invocation.operations = [StringOperation(kind: name == "compare" ? .compare : .search, first: inputs[0], second: inputs[1])]
            case "demo", "all":
                guard inputs.count <= 2 else { return .misuse("\(name) takes at most two strings") }
                let text = inputs.first ?? "hello world"
                let other = inputs.count > 1 ? inputs[1] : "world"
                invocation.operations = [
                    StringOperation(kind: .hash, first: text, second: ""),
                    StringOperation(kind: .compare, first: text, second: other),
                    StringOperation(kind: .search, first: text, second: other),
                ]
            case "help", "-h":
                return .help
            default:
                return .misuse("unknown operation '\(name)'")
            }
            return .run(invocation)
        }
    }
}
