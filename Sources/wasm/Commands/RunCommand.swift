import WasmBinary
@_spi(Profiling) import WasmInterpreter

/// `wasm run FILE [--invoke NAME] [ARGS...]`: instantiates a module (running its start function)
/// and calls one export with arguments parsed by its parameter types.
enum RunCommand {
    static let subcommand = CommandLineTool.Subcommand(
        name: "run", usage: "run FILE [--invoke NAME] [ARGS...] [--profile-dispatch|--profile-unfused]",
        summary: "instantiate FILE and call export NAME with ARGS; prints each result on its own line",
        run: { run($0) })

    static let help = """
        usage: wasm run FILE [--invoke NAME] [ARGS...] [--profile-dispatch|--profile-unfused]

        Instantiates FILE (running its start function, if any). With --invoke, calls the export
        NAME with ARGS parsed by its parameter types (integers in decimal or 0x hex, signed or
        unsigned; floats in decimal, inf, -inf or nan) and prints each result on its own line:
        integers in signed decimal, floats in shortest round-trip form.
        A trap prints 'trap: MESSAGE' and exits 1; misuse exits 2.
        --profile-dispatch (debug builds only) then prints the most executed interpreter
        handlers and handler pairs, to standard error; --profile-unfused does the same without
        superinstructions (each instruction its own dispatch: the pairs superinstructions are
        chosen from).
        """

    static func run(_ arguments: [String]) -> Int32 {
        if arguments.contains("--help") || arguments.contains("-h") {
            Console.write(help)
            return 0
        }
        guard let path = arguments.first else {
            Console.error(help)
            return 2
        }
        var rest = Array(arguments.dropFirst())
        let unfused = rest.contains("--profile-unfused")
        let profiling = rest.contains("--profile-dispatch") || unfused
        rest.removeAll { $0 == "--profile-dispatch" || $0 == "--profile-unfused" }
        if profiling && !DispatchProfile.isAvailable {
            Console.error("wasm run: --profile-dispatch needs a debug build (swift build; .build/debug/wasm)")
            return 2
        }
        var exportName: String?
        if let flag = rest.firstIndex(of: "--invoke") {
            guard flag + 1 < rest.count else {
                Console.error("wasm run: --invoke needs an export name")
                return 2
            }
            exportName = rest[flag + 1]
            rest.removeSubrange(flag...(flag + 1))
        } else if !rest.isEmpty {
            Console.error("wasm run: arguments given without --invoke NAME")
            return 2
        }
        let bytes: [UInt8]
        do {
            bytes = try ModuleFile.read(path)
        } catch {
            Console.error("wasm run: \(error.message)")
            return error.exitStatus
        }
        let runtime = Runtime()
        if profiling { runtime.dispatchProfile = DispatchProfile() }
        let instance: Instance
        do {
            let module = try CompiledModule(bytes: bytes, superinstructions: !unfused)
            instance = try runtime.instantiate(module)
        } catch let error as CompileError {
            Console.error("\(path): \(error)")
            return 1
        } catch let error as InstantiationError {
            if case .trap(let trap) = error {
                Console.error("trap: \(trap)")
            } else {
                Console.error("\(path): \(error)")
            }
            return 1
        } catch {
            Console.error("\(path): \(error)")
            return 1
        }
        guard let exportName else { return 0 }
        guard let function = instance.function(exportName) else {
            Console.error("wasm run: \(path) exports no function named '\(exportName)'")
            return 2
        }
        let parameters = function.type.parameters
        guard rest.count == parameters.count else {
            Console.error("wasm run: \(exportName) takes \(parameters.count) argument(s) \(function.type), got \(rest.count)")
            return 2
        }
        var values: [Value] = []
        for (text, type) in zip(rest, parameters) {
            guard let value = ValueText.parse(text, as: type) else {
                Console.error("wasm run: '\(text)' is not a valid \(type)")
                return 2
            }
            values.append(value)
        }
        do {
            for result in try function.call(values) {
                Console.write(ValueText.format(result))
            }
            if let profile = runtime.dispatchProfile {
                Console.error(profile.report(top: 300))
                Console.error("\nhot code (instructions run at least 5% as often as the hottest, in code order):")
                Console.error(profile.hotCode())
            }
            return 0
        } catch let trap as Trap {
            Console.error("trap: \(trap)")
            return 1
        } catch {
            Console.error("wasm run: \(error)")
            return 1
        }
    }
}
