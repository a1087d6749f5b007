import WasmBinary
import WasmInterpreter
import WasmWASI

extension RunCommand {
    /// Runs a module that imports WASI: a command's `_start`, or the export `--invoke` names
    /// (after a reactor's `_initialize`). Returns the program's exit code.
    static func runWASI(_ module: CompiledModule, path: String, arguments: [String], options: RunOptions) -> Int32 {
        let configuration = WASIConfiguration(
            arguments: [path] + arguments,
            environment: options.environment,
            preopenedDirectories: options.directories.map {
                PreopenedDirectory(hostPath: $0.hostPath, guestPath: $0.guestPath)
            })
        let trapStatus: Int32 = 134
        var instance: Instance?
        do {
            let wasi = try WASI(configuration: configuration)
            let program = try wasi.instantiate(module, in: Runtime())
            instance = program
            if let name = options.exportName {
                return invoke(name, of: program, path: path, arguments: arguments, trapStatus: trapStatus)
            }
            return Int32(truncatingIfNeeded: try wasi.start(program))
        } catch let exit as WASIExit {
            return Int32(truncatingIfNeeded: exit.code)
        } catch let error as WASIError {
            Console.error("wasm run: \(error)")
            return error.isUsage ? 2 : 1
        } catch let trap as Trap {
            Console.error("trap: \(trap)")
            return trapStatus
        } catch let exception as WasmException {
            Console.error("wasm run: \(ExceptionText.describe(exception, in: instance))")
            return 1
        } catch let error as InstantiationError {
            if case .trap(let trap) = error {
                Console.error("trap: \(trap)")
                return trapStatus
            }
            if case .uncaughtException(let exception) = error {
                Console.error("wasm run: \(ExceptionText.describe(exception, in: nil)) (from the start function)")
                return 1
            }
            Console.error("\(path): \(error)")
            return 1
        } catch {
            Console.error("wasm run: \(error)")
            return 1
        }
    }
}

extension WASIError {
    /// Whether the user asked for something impossible (a missing directory, no `_start`).
    var isUsage: Bool {
        switch self {
        case .cannotOpenDirectory, .cannotOpenStream, .invalidGuestPath, .notACommand: return true
        case .noMemory: return false
        }
    }
}
