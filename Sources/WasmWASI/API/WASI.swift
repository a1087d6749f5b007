import WasmBinary
import WasmInterpreter

/// A WASI preview 1 environment for one program: the 46 `wasi_snapshot_preview1` functions,
/// with the arguments, environment, directories, streams, clock and randomness of a
/// `WASIConfiguration`. Errors are WASI errno values returned to the program; only a guest
/// pointer outside its memory traps.
///
/// Use it from one thread at a time, like the `Runtime` it is defined in.
public final class WASI {
    /// The module name WASI preview 1 functions are imported from.
    public static let moduleName = "wasi_snapshot_preview1"

    /// Arguments and environment variables, each NUL-terminated, as the program receives them.
    let arguments: [[UInt8]]
    let environment: [[UInt8]]
    var descriptors = DescriptorTable()
    let clock: any WASIClock
    let random: any WASIRandomSource
    /// The program's memory, once bound.
    var memory: Memory?

    /// Opens the configuration's preopened directories and stream files (descriptors 3, 4, ...
    /// in the order given).
    public init(configuration: WASIConfiguration) throws(WASIError) {
        arguments = configuration.arguments.map { Array($0.utf8) + [0] }
        environment = configuration.environment.map { Array("\($0.name)=\($0.value)".utf8) + [0] }
        clock = configuration.clock
        random = configuration.random
        var opened = [
            try Self.standardInput(configuration.standardInput),
            try Self.standardOutput(configuration.standardOutput, number: 1),
            try Self.standardOutput(configuration.standardError, number: 2),
        ]
        for preopen in configuration.preopenedDirectories {
            opened.append(try Self.preopen(preopen))
        }
        for descriptor in opened {
            // Numbers are free from 0 on: inserting cannot fail.
            _ = try? descriptors.insert(descriptor)
        }
    }

    /// Makes the WASI functions importable as `wasi_snapshot_preview1`.`NAME`.
    public func define(in imports: inout Imports, runtime: Runtime) {
        for function in WASIFunction.all {
            imports.define(module: Self.moduleName, name: function.name, .function(
                runtime.hostFunction(type: function.type) { [self] arguments in
                    try self.call(function, arguments)
                }))
        }
    }

    /// Gives the WASI functions the memory `instance` exports as `memory`.
    public func bind(to instance: Instance) {
        memory = instance.memory("memory")
    }

    /// Instantiates `module` with the WASI functions (and `imports` for anything else) and binds
    /// its memory. A reactor's `_initialize` is called before this returns.
    public func instantiate(_ module: CompiledModule, in runtime: Runtime, imports: Imports = Imports()) throws -> Instance {
        var linked = imports
        define(in: &linked, runtime: runtime)
        let instance = try runtime.instantiate(module, imports: linked)
        bind(to: instance)
        if instance.function("_start") == nil, let initialize = instance.function("_initialize") {
            _ = try initialize.call([])
        }
        return instance
    }

    /// Runs a command: calls its `_start` and returns the exit code, 0 when `_start` returns and
    /// the code given to `proc_exit` when the program calls it. A trap is thrown as `Trap`.
    public func start(_ instance: Instance) throws -> UInt32 {
        guard let start = instance.function("_start") else { throw WASIError.notACommand }
        do {
            _ = try start.call([])
            return 0
        } catch let exit as WASIExit {
            return exit.code
        }
    }

    /// Whether `module` imports anything from `wasi_snapshot_preview1`.
    public static func isImported(by module: CompiledModule) -> Bool {
        module.module.imports.contains { $0.module == moduleName }
    }

    /// Runs one WASI function for the program: an errno result, or a trap / `WASIExit` thrown.
    private func call(_ function: WASIFunction, _ arguments: [Value]) throws -> [Value] {
        let errno: WASIErrno
        do {
            if function.usesMemory {
                guard let memory else { throw WASIError.noMemory(function: function.name) }
                try memory.withUnsafeMutableBytes { bytes in
                    try function.body(self)(WASICall(arguments: arguments, memory: GuestMemory(bytes: bytes)))
                }
            } else {
                try function.body(self)(WASICall(arguments: arguments, memory: GuestMemory(bytes: .init(start: nil, count: 0))))
            }
            errno = .success
        } catch let error as WASIErrno {
            errno = error
        }
        return function.type.results.isEmpty ? [] : [.i32(UInt32(errno.rawValue))]
    }
}
