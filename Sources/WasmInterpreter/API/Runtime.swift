#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WasmBinary

/// Owns the functions, memories, tables and globals of the instances it creates, and the stacks
/// their code runs on. A runtime is used from one thread at a time.
public final class Runtime {
    /// The limits the runtime was created with (as given; sizes outside the allowed range are clamped
    /// where they are used).
    public let configuration: RuntimeConfiguration

    /// Function records by address; `recordsCell` always points at the current buffer.
    var records: UnsafeMutablePointer<FunctionRecord>
    var recordCapacity: Int
    var recordCount = 0
    let recordsCell: UnsafeMutablePointer<UnsafeMutablePointer<FunctionRecord>>
    /// The type of each function, by address.
    var functionTypes: [FunctionType] = []
    var hostFunctions: [HostFunction] = []
    /// Runtime-wide type identities and subtyping (see `CanonicalTypes`).
    var canonicalTypes = CanonicalTypes()
    var instances: [InstanceStorage] = []
    /// The error a host function threw (other than a `Trap`) in the run being unwound: the
    /// invocation that started the run rethrows it.
    var pendingHostError: (any Error)?

    let valueStack: FramePointer
    let valueStackEnd: FramePointer
    let callFrames: UnsafeMutablePointer<CallFrame>
    /// The call depth limit in effect (the configuration's, within `RuntimeConfiguration.callDepthLimit`).
    let maxCallDepth: Int
    /// Where the next invocation's frame starts (above any invocation in progress).
    var stackTop: FramePointer
    /// Call frames in use by invocations in progress.
    var frameTop = 0
    /// A one-instruction program that ends a run: the return address of an invocation's entry frame.
    let exitCode: CodePointer
    /// A one-instruction program that traps with `interrupted`: where an interrupted jump leads.
    let interruptedCode: CodePointer
    /// The memory seen by instances that have none: zero bytes.
    let emptyMemory: UnsafeMutablePointer<MemoryState>
    /// When set, debug builds count the handlers that run into it (see `DispatchProfile`).
    public var dispatchProfile: DispatchProfile?
    /// What the runtime's memories, tables and instances hold, against `configuration.resourceLimits`.
    let limiter: ResourceLimiter
    /// Refuses invocations (nested ones, through host functions) that would overflow the native stack.
    var nativeStack: NativeStackGuard
    /// Fuel, interruption and time limits of the calls in progress (see Runtime+Limits.swift).
    var callLimits: CallLimits
    /// How long a call from the embedder may run before it is interrupted (nil: no limit): every
    /// outermost call (an export called by the embedder, a start function, `_start`) that is
    /// still running after this long ends with the trap `interrupted`. Calls nested through host
    /// functions count as part of the call they are in.
    public var callTimeLimit: Duration?
    /// A one-instruction program that returns from the current frame: where a handler that
    /// catches into a function's own label resumes, and the site of an exception thrown by a
    /// host function that was tail-called (outside every function's handlers).
    let returnCode: CodePointer
    /// The exceptions wasm code may hold references to.
    let exceptionRegistry: ExceptionRegistry
    /// The exception being thrown, from its `throw` until a handler takes it or it leaves the run.
    var exceptionInFlight: WasmException?
    /// A `WasmException` the host function just called threw, for the calling handler to throw.
    var hostException: WasmException?
    /// Each instance's storage by its state pointer, for the exception paths.
    var storageByState: [UnsafeMutablePointer<InstanceState>: InstanceStorage] = [:]

    /// An empty runtime whose value stack and call depth follow `configuration`.
    public init(configuration: RuntimeConfiguration = .init()) {
        self.configuration = configuration
        limiter = ResourceLimiter(limits: configuration.resourceLimits)
        nativeStack = NativeStackGuard(reserve: configuration.nativeStackReserve)
        callLimits = CallLimits(fuel: configuration.fuel)
        recordCapacity = 64
        records = .allocate(capacity: recordCapacity)
        recordsCell = .allocate(capacity: 1)
        recordsCell.initialize(to: records)
        let slots = min(max(configuration.valueStackSlots, 1024), RuntimeConfiguration.valueStackSlotLimit)
        // Mapped fresh, so zeroed lazily by the system, page by page, as deep calls reach them
        // (calloc may instead hand out recycled heap memory and clear all of it first).
        let stackBytes = slots * MemoryLayout<UInt64>.stride
        guard let stack = AddressSpace.reserve(stackBytes), AddressSpace.commit(stack, stackBytes) else {
            preconditionFailure("cannot allocate a value stack of \(slots) slots")
        }
        valueStack = stack.bindMemory(to: UInt64.self, capacity: slots)
        valueStackEnd = valueStack + slots
        stackTop = valueStack
        maxCallDepth = min(max(configuration.maxCallDepth, 1), RuntimeConfiguration.callDepthLimit)
        callFrames = .allocate(capacity: maxCallDepth + 1)
        exitCode = .allocate(capacity: 1)
        exitCode.initialize(to: Handlers.exit)
        interruptedCode = .allocate(capacity: 1)
        interruptedCode.initialize(to: Handlers.interrupted)
        returnCode = .allocate(capacity: 1)
        returnCode.initialize(to: Handlers.returnFromFunction)
        exceptionRegistry = ExceptionRegistry(stackBase: valueStack)
        emptyMemory = .allocate(capacity: 1)
        emptyMemory.initialize(to: MemoryState(base: .allocate(byteCount: 16, alignment: 16), size: 0, pageCount: 0, maximumPageCount: 0))
    }

    deinit {
        instances.removeAll()
        records.deallocate()
        recordsCell.deallocate()
        AddressSpace.release(UnsafeMutableRawPointer(valueStack), Int(bitPattern: valueStackEnd) - Int(bitPattern: valueStack))
        callFrames.deallocate()
        exitCode.deallocate()
        interruptedCode.deallocate()
        returnCode.deallocate()
        emptyMemory.pointee.base.deallocate()
        emptyMemory.deallocate()
    }

    /// The runtime-wide id of a host function's type (equal types share one).
    func typeID(of type: FunctionType) -> Int {
        canonicalTypes.id(of: type)
    }

    /// Adds a function record and returns its address.
    func addFunction(_ record: FunctionRecord, type: FunctionType) -> UInt32 {
        if recordCount == recordCapacity {
            let capacity = recordCapacity * 2
            let grown = UnsafeMutablePointer<FunctionRecord>.allocate(capacity: capacity)
            grown.moveInitialize(from: records, count: recordCount)
            records.deallocate()
            records = grown
            recordCapacity = capacity
            recordsCell.pointee = grown
        }
        (records + recordCount).initialize(to: record)
        recordCount += 1
        functionTypes.append(type)
        return UInt32(recordCount - 1)
    }

    /// A host function: `body` receives the arguments and returns the results. Throwing a `Trap`
    /// from it traps the caller with that reason. Throwing a `WasmException` throws that
    /// exception in the module that called it, where `try_table` and `catch` can catch it (its
    /// tag must belong to this runtime and its values match the tag's type, or the call traps).
    /// Any other error ends the run: the invocation
    /// that started it (`Instance.invoke`, `Function.call`) rethrows that error as it was thrown,
    /// so an embedder can stop a program with an error of its own type. (From a start function,
    /// which runs during instantiation, it is `InstantiationError.trap` with `TrapReason.hostError`.)
    /// The reference types in `type` are abstract ones (`funcref`, `externref`, `exnref`, ...): a
    /// host has no module whose type indices it could name.
    public func hostFunction(type: FunctionType, _ body: @escaping ([Value]) throws -> [Value]) -> Function {
        hostFunctions.append(HostFunction(type: type, body: body))
        let record = FunctionRecord(typeID: typeID(of: type), entry: nil, frameSlots: 0,
                                    parameterSlots: type.parameters.reduce(0) { $0 + $1.slotWidth },
                                    resultSlots: type.results.reduce(0) { $0 + $1.slotWidth },
                                    instance: nil, hostIndex: hostFunctions.count - 1)
        return Function(runtime: self, address: addFunction(record, type: type))
    }

    /// A memory that instances can import.
    public func createMemory(_ type: MemoryType) throws(InstantiationError) -> Memory {
        let limit = type.specificationPageLimit
        guard type.pageSizeLog2 == 0 || type.pageSizeLog2 == MemoryType.defaultPageSizeLog2 else {
            throw .unlinkable("invalid custom page size: 2^\(type.pageSizeLog2) bytes")
        }
        guard type.limits.min <= limit, type.limits.max.map({ $0 >= type.limits.min && $0 <= limit }) ?? true else {
            throw .unlinkable("memory size must be at most \(limit) pages of \(1 << type.pageSizeLog2) bytes")
        }
        return try Memory(type: type, reservation: configuration.memoryReservationBytes, limiter: limiter)
    }

    /// A table that instances can import.
    public func createTable(_ type: TableType, initialValue: Reference) throws(InstantiationError) -> Table {
        guard type.limits.max.map({ $0 >= type.limits.min }) ?? true, type.limits.min <= UInt64(TableState.elementLimit) else {
            throw .unlinkable("table size out of range")
        }
        if case .exception(let exception) = initialValue { exceptionRegistry.register(exception) }
        let table = try Table(type: type, initialValue: initialValue.slot, limiter: limiter)
        adopt(table)
        return table
    }

    /// A global that instances can import.
    public func createGlobal(_ type: GlobalType, value: Value) -> Global {
        if case .ref(.exception(let exception)) = value { exceptionRegistry.register(exception) }
        let global = Global(type: type, slots: value.slots)
        adopt(global)
        return global
    }

    /// Lets an `exnref` table keep the exceptions stored in it alive (see `ExceptionRegistry`).
    func adopt(_ table: Table) {
        guard ValueType.ref(table.type.elementType).mayHoldException else { return }
        table.exceptionRegistry = exceptionRegistry
        exceptionRegistry.track(table)
    }

    /// Lets an `exnref` global keep the exception stored in it alive (see `ExceptionRegistry`).
    func adopt(_ global: Global) {
        guard global.type.valueType.mayHoldException else { return }
        global.exceptionRegistry = exceptionRegistry
        exceptionRegistry.track(global)
    }
}

/// A Swift closure that wasm code can call.
struct HostFunction {
    let type: FunctionType
    let body: ([Value]) throws -> [Value]
}
