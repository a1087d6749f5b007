import WasmBinary
@_spi(Profiling) import WasmInterpreter
import WasmWASI

/// `wasm run [OPTIONS] FILE [ARGS...]`: runs a WASI program (its `_start`, with ARGS as its
/// arguments), or instantiates any module and calls the export named by `--invoke` with ARGS.
/// The older form `wasm run FILE --invoke NAME [ARGS...]` works too.
enum RunCommand {
    static let subcommand = CommandLineTool.Subcommand(
        name: "run", usage: "run [OPTIONS] FILE [ARGS...]",
        summary: "run a WASI program with ARGS, or call an export (--invoke NAME) with ARGS",
        run: { run($0) })

    static var help: String {
        """
        usage: wasm run [OPTIONS] FILE [ARGS...]
               wasm run FILE --invoke NAME [ARGS...]

        Options come before FILE; everything after FILE is the program's.

        A module that imports from wasi_snapshot_preview1 runs as a WASI program: its _start is
        called with FILE and ARGS as its arguments, the process's standard streams, only the
        environment variables given with --env, and only the directories given with --dir (none:
        no files at all). The process exits with the program's exit code; a trap prints
        'trap: MESSAGE' and exits 134 (as an abort would).

        For code you do not trust: --fuel, --timeout, --max-memory and --max-call-depth bound
        what it may use. Running out of fuel prints 'trap: out of fuel', the timeout
        'trap: interrupted (timeout SECONDS s)', and both exit 1 (WASI programs too); memory.grow
        past --max-memory returns -1 to the program, and a module that needs more memory to
        start is refused.

        With --invoke, the export NAME is called with ARGS parsed by its parameter types
        (integers in decimal or 0x hex, signed or unsigned; floats in decimal, inf, -inf or nan)
        and each result is printed on its own line (integers in signed decimal, floats in
        shortest round-trip form). A WASI reactor's _initialize runs first. A module that
        imports nothing from WASI is instantiated (its start function runs) and, with --invoke,
        the export is called; a trap there prints 'trap: MESSAGE' and exits 1. An exception that
        nothing catches prints 'wasm run: uncaught exception: tag NAME (param ...) with values
        ...' (NAME is the tag's export name in quotes, or its index) and exits 1, for a WASI
        program too. Misuse exits 2.

        Options:
        \(RunOptions.helpLines)
        """
    }

    static func run(_ arguments: [String]) -> Int32 {
        let options: RunOptions
        var rest: ArraySlice<String>
        do {
            (options, rest) = try RunOptions.parse(arguments)
        } catch {
            Console.error("wasm run: \(error.message)")
            return 2
        }
        if options.showHelp {
            Console.write(help)
            return 0
        }
        guard let path = rest.popFirst() else {
            Console.error(help)
            return 2
        }
        if options.profileDispatch && !DispatchProfile.isAvailable {
            Console.error("wasm run: --profile-dispatch needs a debug build (swift build; .build/debug/wasm)")
            return 2
        }
        var invocation = options
        // The older form: FILE --invoke NAME ARGS.
        if rest.first == "--invoke", invocation.exportName == nil {
            rest.removeFirst()
            guard let name = rest.popFirst() else {
                Console.error("wasm run: --invoke needs an export name")
                return 2
            }
            invocation.exportName = name
        }
        let module: CompiledModule
        do {
            module = try CompiledModule(bytes: try ModuleFile.read(path), superinstructions: !invocation.profileUnfused)
        } catch let error as ModuleFile.Unreadable {
            Console.error("wasm run: \(error.message)")
            return error.exitStatus
        } catch {
            Console.error("\(path): \(error)")
            return 1
        }
        if WASI.isImported(by: module) {
            return runWASI(module, path: path, arguments: Array(rest), options: invocation)
        }
        return runPlain(module, path: path, arguments: Array(rest), options: invocation)
    }

    /// Instantiates a module without WASI and calls the export `--invoke` names, if any.
    static func runPlain(_ module: CompiledModule, path: String, arguments: [String], options: RunOptions) -> Int32 {
        guard let exportName = options.exportName else {
            guard arguments.isEmpty else {
                Console.error("wasm run: arguments given without --invoke NAME (\(path) imports nothing from WASI)")
                return 2
            }
            return instantiatePlain(module, path: path, options: options).status
        }
        let instantiated = instantiatePlain(module, path: path, options: options)
        guard let (runtime, instance) = instantiated.instance else { return instantiated.status }
        let status = invoke(exportName, of: instance, path: path, arguments: arguments, options: options, trapStatus: 1)
        if let profile = runtime.dispatchProfile {
            Console.error(profile.report(top: 300))
            Console.error("\nhot code (instructions run at least 5% as often as the hottest, in code order):")
            Console.error(profile.hotCode())
        }
        return status
    }

    /// Instantiates a module without WASI in a runtime with the options' limits; nil and the
    /// exit status when that fails.
    static func instantiatePlain(_ module: CompiledModule, path: String,
                                 options: RunOptions) -> (instance: (Runtime, Instance)?, status: Int32) {
        let runtime = options.runtime()
        if options.profileDispatch { runtime.dispatchProfile = DispatchProfile() }
        do {
            return ((runtime, try runtime.instantiate(module)), 0)
        } catch {
            if case .trap(let trap) = error {
                let (message, status) = options.describe(trap, otherStatus: 1)
                Console.error(message)
                return (nil, status)
            }
            if case .uncaughtException(let exception) = error {
                Console.error("wasm run: \(ExceptionText.describe(exception, in: nil)) (from the start function)")
                return (nil, 1)
            }
            Console.error("\(path): \(error)")
            return (nil, 1)
        }
    }

    /// Calls export `name` of `instance` with `arguments` parsed by its types and prints the
    /// results. Returns the exit status (a `WASIExit` gives its code; a trap `trapStatus`, or 1
    /// for the trap of a limit the options set).
    static func invoke(_ name: String, of instance: Instance, path: String, arguments: [String], options: RunOptions,
                       trapStatus: Int32) -> Int32 {
        guard let function = instance.function(name) else {
            Console.error("wasm run: \(path) exports no function named '\(name)'")
            return 2
        }
        let parameters = function.type.parameters
        guard arguments.count == parameters.count else {
            Console.error("wasm run: \(name) takes \(parameters.count) argument(s) \(function.type), got \(arguments.count)")
            return 2
        }
        var values: [Value] = []
        for (text, type) in zip(arguments, parameters) {
            guard let value = ValueText.parse(text, as: type) else {
                Console.error("wasm run: \(ValueText.problem(with: text, as: type) ?? "'\(text)' is not a valid \(type)")")
                return 2
            }
            values.append(value)
        }
        do {
            for result in try function.call(values) {
                Console.write(ValueText.format(result))
            }
            return 0
        } catch let exit as WASIExit {
            return Int32(truncatingIfNeeded: exit.code)
        } catch let trap as Trap {
            let (message, status) = options.describe(trap, otherStatus: trapStatus)
            Console.error(message)
            return status
        } catch let exception as WasmException {
            Console.error("wasm run: \(ExceptionText.describe(exception, in: instance))")
            return 1
        } catch {
            Console.error("wasm run: \(error)")
            return 1
        }
    }
}
