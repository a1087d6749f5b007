import Synchronization
import WasmBinary
import WasmInterpreter

/// A compiled WebAssembly module ready to be called from Swift, from any thread.
///
/// It provides the module's `env.memory` (growing it as arguments need room, up to the configured
/// maximum) and `env.log` (forwarded to ``setLogHandler(_:)``'s handler). Byte-string arguments are
/// copied into linear memory for the length of one call. The interpreter's instances are
/// single-threaded, so each call takes one of ``HostConfiguration/instanceCount`` instances for
/// itself; calls beyond that wait for an instance to be free.
public final class HostedModule: Sendable {
    /// The configuration the instances were created with.
    public let configuration: HostConfiguration
    /// The compiled module.
    public let compiled: CompiledModule
    /// The type of each exported function, by export name.
    public let exportedFunctionTypes: [String: FunctionType]

    private let slots: [InstanceSlot]
    private let nextSlot = Atomic<Int>(0)
    private let log = LogSink()

    /// Compiles `bytes` and instantiates the module.
    public convenience init(bytes: [UInt8], configuration: HostConfiguration = HostConfiguration()) throws(HostingError) {
        let compiled: CompiledModule
        do throws(CompileError) {
            compiled = try CompiledModule(bytes: bytes)
        } catch {
            throw .compile(error)
        }
        try self.init(compiled: compiled, configuration: configuration)
    }

    /// Instantiates an already compiled module ``HostConfiguration/instanceCount`` times.
    public init(compiled: CompiledModule, configuration: HostConfiguration = HostConfiguration()) throws(HostingError) {
        var slots: [InstanceSlot] = []
        for _ in 0..<configuration.instanceCount {
            slots.append(try InstanceSlot(compiled: compiled, configuration: configuration, log: log))
        }
        self.exportedFunctionTypes = slots[0].state.withLock { instance in
            var types: [String: FunctionType] = [:]
            for export in compiled.module.exports {
                if case .function = export.descriptor, let function = instance.instance.function(export.name) {
                    types[export.name] = function.type
                }
            }
            return types
        }
        self.configuration = configuration
        self.compiled = compiled
        self.slots = slots
    }

    /// Sends the values the module passes to `env.log` to `handler` (nil drops them).
    public func setLogHandler(_ handler: LogHandler?) {
        log.setHandler(handler)
    }

    /// Checks that each function is exported with the given type.
    public func requireExports(_ exports: [(name: String, type: FunctionType)]) throws(HostingError) {
        for (name, expected) in exports {
            guard let actual = exportedFunctionTypes[name] else {
                throw .missingExport(name: name, expected: expected)
            }
            guard actual == expected else {
                throw .exportTypeMismatch(name: name, expected: expected, actual: actual)
            }
        }
    }

    /// Calls the exported `function`. Byte strings become (pointer, length) pairs in linear memory.
    public func call(_ function: String, _ arguments: [ExecutionValue]) throws(HostingError) -> [Value] {
        guard let type = exportedFunctionTypes[function] else {
            throw .invocationFailed(function: function, reason: "no exported function of that name")
        }
        let actual = arguments.flatMap(\.kind.parameterTypes)
        guard actual == type.parameters else {
            throw .argumentMismatch(function: function, expected: type.parameters, actual: actual)
        }
        return try withInstance { (instance) throws(HostingError) -> [Value] in
            try instance.call(function, arguments)
        }
    }

    /// A hex and text view of `count` bytes of linear memory from `offset`, in the given instance.
    public func inspectMemory(offset: Int, count: Int, instance index: Int = 0) throws(HostingError) -> MemoryDump {
        precondition(slots.indices.contains(index), "no instance \(index)")
        let bytes = try slots[index].state.withLock { (instance) throws(HostingError) -> [UInt8] in
            try instance.read(offset: offset, count: count)
        }
        return MemoryDump(offset: offset, bytes: bytes)
    }

    /// Each instance's memory size in pages (0 for an instance without memory).
    public var memoryPageCounts: [Int] {
        slots.map { slot in slot.state.withLock { $0.memoryPageCount } }
    }

    /// Runs `body` on a free instance: the next in turn if it is free, else any free one, else
    /// waits for the next in turn.
    func withInstance<R: Sendable>(
        _ body: (inout ModuleInstance) throws(HostingError) -> R
    ) throws(HostingError) -> R {
        if slots.count == 1 {
            // One instance: no turn to take.
            return try slots[0].state.withLock { (instance) throws(HostingError) -> R in try body(&instance) }
        }
        let first = UInt(bitPattern: nextSlot.wrappingAdd(1, ordering: .relaxed).oldValue)
        let count = UInt(slots.count)
        for step in 0..<count {
            let slot = slots[Int((first &+ step) % count)]
            if let result = try slot.state.withLockIfAvailable({ (instance) throws(HostingError) -> R in
                try body(&instance)
            }) {
                return result
            }
        }
        let slot = slots[Int(first % count)]
        return try slot.state.withLock { (instance) throws(HostingError) -> R in try body(&instance) }
    }
}

/// One instance behind its lock.
private final class InstanceSlot: Sendable {
    let state: Mutex<ModuleInstance>

    init(compiled: CompiledModule, configuration: HostConfiguration, log: LogSink) throws(HostingError) {
        state = Mutex(try ModuleInstance(compiled: compiled, configuration: configuration, log: log))
    }
}
