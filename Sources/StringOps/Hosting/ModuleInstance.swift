import WasmBinary
import WasmInterpreter

/// One instance of a hosted module, with its own runtime, memory and scratch arena. Like the
/// interpreter's `Runtime`, it is used by one thread at a time (``HostedModule`` guards it).
struct ModuleInstance {
    let runtime: Runtime
    let instance: Instance
    /// The imported `env.memory`, or else the module's first exported memory.
    let memory: Memory?
    /// The stringOps exports, when the module has all three with their types.
    let stringOps: StringOpsEntryPoints?
    /// `memory` and `stringOps` again, for the stringOps calls: used without reference counting,
    /// which is safe because the strong references above live as long as these.
    private let unretainedMemory: Unmanaged<Memory>?
    private let unretainedStringOps: Unmanaged<StringOpsEntryPoints>?
    private var arena: ScratchArena

    /// Instantiates `compiled`, providing `env.memory` and `env.log` if it imports them.
    init(compiled: CompiledModule, configuration: HostConfiguration, log: LogSink) throws(HostingError) {
        let runtime = Runtime(configuration: configuration.runtime)
        var imports = Imports()
        var importedMemory: Memory?
        for entry in compiled.module.imports where entry.module == "env" {
            switch (entry.name, entry.descriptor) {
            case ("memory", .memory(let type)):
                let memory = try Self.makeMemory(like: type, in: runtime, configuration: configuration)
                imports.define(module: "env", name: "memory", .memory(memory))
                importedMemory = memory
            case ("log", .function):
                // Provided with the type the host supports; a different declared type fails to link.
                let function = runtime.hostFunction(type: FunctionType(parameters: [.i32])) { arguments in
                    if case .i32(let value)? = arguments.first { log.emit(value) }
                    return []
                }
                imports.define(module: "env", name: "log", .function(function))
            default:
                continue  // left undefined: instantiation reports it as an unknown import
            }
        }
        let instance: Instance
        do throws(InstantiationError) {
            instance = try runtime.instantiate(compiled, imports: imports)
        } catch {
            throw .link(error)
        }
        self.runtime = runtime
        self.instance = instance
        let memory = importedMemory ?? Self.firstExportedMemory(of: instance, in: compiled.module)
        let stringOps = StringOpsEntryPoints(instance)
        self.memory = memory
        self.stringOps = stringOps
        self.unretainedMemory = memory.map { Unmanaged.passUnretained($0) }
        self.unretainedStringOps = stringOps.map { Unmanaged.passUnretained($0) }
        self.arena = ScratchArena(base: configuration.scratchOffset)
    }

    /// A memory matching the imported `type` within the configuration's limits.
    private static func makeMemory(
        like type: MemoryType, in runtime: Runtime, configuration: HostConfiguration
    ) throws(HostingError) -> Memory {
        let required = Int(clamping: type.limits.min)
        let declaredMaximum = type.limits.max.map { Int(clamping: $0) } ?? HostConfiguration.addressablePages
        let maximum = min(configuration.maximumMemoryPages, declaredMaximum, HostConfiguration.addressablePages)
        let initial = max(required, configuration.initialMemoryPages)
        guard initial <= maximum else {
            throw .memoryTooSmall(requiredPages: initial, maximumPages: maximum)
        }
        let limits = Limits(min: UInt64(initial), max: UInt64(maximum))
        do throws(InstantiationError) {
            return try runtime.createMemory(MemoryType(limits: limits))
        } catch {
            throw .link(error)
        }
    }

    private static func firstExportedMemory(of instance: Instance, in module: Module) -> Memory? {
        for export in module.exports {
            if case .memory = export.descriptor, let memory = instance.memory(export.name) {
                return memory
            }
        }
        return nil
    }

    /// Copies byte-string arguments into scratch memory, calls the export, and releases the
    /// scratch space again, whether the call succeeds or not.
    mutating func call(_ function: String, _ arguments: [ExecutionValue]) throws(HostingError) -> [Value] {
        let mark = arena.top
        defer { arena.release(to: mark) }
        var values: [Value] = []
        values.reserveCapacity(arguments.count * 2)
        for argument in arguments {
            switch argument {
            case .string(let text): values += try place(Array(text.utf8))
            case .bytes(let bytes): values += try place(bytes)
            case .int32(let value): values.append(Value(value))
            case .uint32(let value): values.append(.i32(value))
            case .int64(let value): values.append(Value(value))
            case .float32(let value): values.append(Value(value))
            case .float64(let value): values.append(Value(value))
            }
        }
        do {
            return try instance.invoke(function, values)
        } catch let trap as Trap {
            throw .trap(function: function, trap)
        } catch {
            throw .invocationFailed(function: function, reason: String(describing: error))
        }
    }

    /// Runs a stringOps operation on byte strings lent by the caller: copies them straight from
    /// `first` and `second` (unused by `hash`) into scratch memory, calls the pre-resolved export
    /// and releases the scratch space again. Allocates nothing unless it fails.
    mutating func call(_ operation: StringOpsOperation, _ first: UnsafeRawBufferPointer,
                       _ second: UnsafeRawBufferPointer) throws(HostingError) -> UInt32 {
        guard let stringOps = unretainedStringOps else {
            let (name, type) = StringOpsModule.requiredExports.first { $0.name == operation.exportName } ?? (operation.exportName, FunctionType())
            throw .missingExport(name: name, expected: type)
        }
        guard let memory = unretainedMemory else { throw .noMemory }
        let mark = arena.top
        defer { arena.release(to: mark) }
        let firstOffset = try memory.withGuaranteedObject { (memory) throws(HostingError) in try place(first, in: memory) }
        let secondOffset = operation == .hash
            ? 0 : try memory.withGuaranteedObject { (memory) throws(HostingError) in try place(second, in: memory) }
        let outcome = stringOps._withUnsafeGuaranteedRef { stringOps -> Result<UInt32, any Error> in
            Result {
                try stringOps.call(operation, firstOffset, UInt32(truncatingIfNeeded: first.count),
                                   secondOffset, UInt32(truncatingIfNeeded: second.count))
            }
        }
        do {
            return try outcome.get()
        } catch let trap as Trap {
            throw .trap(function: operation.exportName, trap)
        } catch {
            throw .invocationFailed(function: operation.exportName, reason: String(describing: error))
        }
    }

    /// Copies `bytes` into scratch memory and returns their offset.
    private mutating func place(_ bytes: UnsafeRawBufferPointer, in memory: Memory) throws(HostingError) -> UInt32 {
        let offset = try arena.allocate(bytes.count, in: memory)
        do throws(Trap) {
            try memory.write(bytes, at: offset)
        } catch {
            throw .trap(function: "(copying arguments)", error)
        }
        return UInt32(truncatingIfNeeded: offset)
    }

    /// Puts `bytes` in scratch memory and returns the (pointer, length) arguments for them.
    private mutating func place(_ bytes: [UInt8]) throws(HostingError) -> [Value] {
        guard let memory else { throw .noMemory }
        let offset = try arena.allocate(bytes.count, in: memory)
        do throws(Trap) {
            try memory.write(bytes, at: offset)
        } catch {
            throw .trap(function: "(copying arguments)", error)
        }
        return [.i32(UInt32(truncatingIfNeeded: offset)), .i32(UInt32(truncatingIfNeeded: bytes.count))]
    }

    /// The bytes at `offset ..< offset + count` of the instance's memory.
    func read(offset: Int, count: Int) throws(HostingError) -> [UInt8] {
        guard let memory else { throw .noMemory }
        guard offset >= 0, count >= 0, offset <= memory.byteCount, count <= memory.byteCount - offset else {
            throw .rangeOutOfBounds(offset: offset, count: count, memoryBytes: memory.byteCount)
        }
        do throws(Trap) {
            return try memory.read(at: offset, count: count)
        } catch {
            throw .rangeOutOfBounds(offset: offset, count: count, memoryBytes: memory.byteCount)
        }
    }

    /// The memory's current size in pages (0 without a memory).
    var memoryPageCount: Int { memory?.pageCount ?? 0 }
}
