import WasmBinary

/// A module instantiated in a runtime: its exports can be called and inspected.
public final class Instance {
    let runtime: Runtime
    let storage: InstanceStorage
    /// The instance's exports, in the module's order.
    public let exports: [(name: String, value: ExternalValue)]
    /// Exports by the UTF-8 bytes of their names: wasm names are compared byte for byte, while
    /// Swift strings compare canonically equivalent Unicode as equal.
    private let exportsByName: [[UInt8]: ExternalValue]

    init(runtime: Runtime, storage: InstanceStorage, exports: [(name: String, value: ExternalValue)]) {
        self.runtime = runtime
        self.storage = storage
        self.exports = exports
        var byName: [[UInt8]: ExternalValue] = [:]
        for export in exports { byName[Array(export.name.utf8)] = export.value }
        exportsByName = byName
    }

    /// The export named `name`, if any.
    public func export(_ name: String) -> ExternalValue? { exportsByName[Array(name.utf8)] }

    /// The exported function named `name`, if any.
    public func function(_ name: String) -> Function? {
        if case .function(let function) = export(name) { return function }
        return nil
    }

    /// The exported memory named `name`, if any.
    public func memory(_ name: String) -> Memory? {
        if case .memory(let memory) = export(name) { return memory }
        return nil
    }

    /// The exported global named `name`, if any.
    public func global(_ name: String) -> Global? {
        if case .global(let global) = export(name) { return global }
        return nil
    }

    /// The exported table named `name`, if any.
    public func table(_ name: String) -> Table? {
        if case .table(let table) = export(name) { return table }
        return nil
    }

    /// The exported tag named `name`, if any.
    public func tag(_ name: String) -> ExceptionTag? {
        if case .tag(let tag) = export(name) { return tag }
        return nil
    }

    /// The instance's tags by index (imported tags first, as the module numbers them): with
    /// ``exports``, what names a ``WasmException``'s tag for a message.
    public var tags: [ExceptionTag] { storage.tags }

    /// Calls an exported function. Throws `Trap` when execution traps, `WasmException` when an
    /// exception leaves it uncaught, `InvocationError` on misuse, and a host function's own error
    /// (anything but a `Trap` or `WasmException`) as that host function threw it.
    public func invoke(_ name: String, _ arguments: [Value] = []) throws -> [Value] {
        guard let function = function(name) else { throw InvocationError.unknownExport(name) }
        return try function.call(arguments)
    }
}

/// What an instance's handlers point into, kept alive by the runtime for as long as it lives
/// (other instances may hold its functions in their tables).
final class InstanceStorage {
    let state: UnsafeMutablePointer<InstanceState>
    let code: TranslatedCode
    var memories: [Memory] = []
    var tables: [Table] = []
    var globals: [Global] = []
    /// The tag index space: imported tags first.
    var tags: [ExceptionTag] = []
    let functionAddresses: UnsafeMutablePointer<UInt32>
    let typeIDs: UnsafeMutablePointer<Int>
    let globalPointers: UnsafeMutablePointer<UnsafeMutablePointer<UInt64>>
    let tablePointers: UnsafeMutablePointer<UnsafeMutablePointer<TableState>>
    let memoryPointers: UnsafeMutablePointer<UnsafeMutablePointer<MemoryState>>
    let dataSegments: UnsafeMutablePointer<SegmentState>
    let elementSegments: UnsafeMutablePointer<SegmentState>
    let segmentCounts: (data: Int, elements: Int)

    init(code: TranslatedCode, functionCount: Int, typeCount: Int, globalCount: Int, tableCount: Int, memoryCount: Int,
         dataCount: Int, elementCount: Int) {
        self.code = code
        functionAddresses = .allocate(capacity: max(functionCount, 1))
        typeIDs = .allocate(capacity: max(typeCount, 1))
        globalPointers = .allocate(capacity: max(globalCount, 1))
        tablePointers = .allocate(capacity: max(tableCount, 1))
        memoryPointers = .allocate(capacity: max(memoryCount, 1))
        dataSegments = .allocate(capacity: max(dataCount, 1))
        dataSegments.initialize(repeating: SegmentState(words: nil, bytes: nil, count: 0), count: max(dataCount, 1))
        elementSegments = .allocate(capacity: max(elementCount, 1))
        elementSegments.initialize(repeating: SegmentState(words: nil, bytes: nil, count: 0), count: max(elementCount, 1))
        segmentCounts = (dataCount, elementCount)
        state = .allocate(capacity: 1)
    }

    deinit {
        for index in 0..<segmentCounts.data { dataSegments[index].bytes?.deallocate() }
        for index in 0..<segmentCounts.elements { elementSegments[index].words?.deallocate() }
        functionAddresses.deallocate()
        typeIDs.deallocate()
        globalPointers.deallocate()
        tablePointers.deallocate()
        memoryPointers.deallocate()
        dataSegments.deallocate()
        elementSegments.deallocate()
        state.deallocate()
    }
}
