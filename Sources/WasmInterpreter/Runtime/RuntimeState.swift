import WasmBinary

import WasmBinary

/// A linear memory's current buffer, shared by every instance that imports or exports it.
/// Handlers reach it through a stable pointer, so growing the memory (which may move the buffer
/// when its reservation is too small) is seen by all of them.
struct MemoryState {
    var base: UnsafeMutableRawPointer
    /// Accessible bytes: `pageCount` pages.
    var size: Int
    var pageCount: Int
    var maximumPageCount: Int
    /// log2 of the page size: 16 (64 KiB pages) or 0 (one-byte pages, the custom-page-sizes proposal).
    var pageSizeLog2: Int = 16
    /// Bytes of address space reserved at `base` (0 when `base` is not a reservation, as for the
    /// runtime's empty memory). Growing within it commits pages in place.
    var reservedBytes: Int = 0
    /// Bytes from `base` the system has made accessible: at least `size`.
    var committedBytes: Int = 0
    /// The runtime's resource counts that growing is checked against (nil: none), unretained:
    /// the `Memory` that owns this state keeps it alive.
    var limiter: Unmanaged<ResourceLimiter>? = nil
}

/// A table's elements, encoded as slots (0 is null; a function reference is its address + 1;
/// an extern reference is its value + 1).
struct TableState {
    var elements: UnsafeMutablePointer<UInt64>
    var count: Int
    var capacity: Int
    var maximum: Int
    var elementType: ReferenceType
    /// The runtime's resource counts that growing is checked against (nil: none), unretained:
    /// the `Table` that owns this state keeps it alive.
    var limiter: Unmanaged<ResourceLimiter>? = nil
}

/// A data or element segment's remaining contents (empty once dropped).
struct SegmentState {
    var words: UnsafeMutablePointer<UInt64>?
    var bytes: UnsafeMutablePointer<UInt8>?
    var count: Int
}

/// What handlers know about a function, by runtime address.
struct FunctionRecord {
    /// Canonical (runtime-wide) id of the function's type, for `call_indirect`'s check.
    var typeID: Int
    /// First instruction of a wasm function; nil for host functions.
    var entry: CodePointer?
    /// Slots the function's frame needs (locals and operand stack).
    var frameSlots: Int
    var parameterSlots: Int
    var resultSlots: Int
    /// The instance a wasm function belongs to.
    var instance: UnsafeMutablePointer<InstanceState>?
    /// Index into the runtime's host functions, for host functions.
    var hostIndex: Int
}

/// An instance's index spaces in the form handlers use: stable pointers, no ARC.
struct InstanceState {
    var memory0: UnsafeMutablePointer<MemoryState>
    var globals: UnsafeMutablePointer<UnsafeMutablePointer<UInt64>>
    var tables: UnsafeMutablePointer<UnsafeMutablePointer<TableState>>
    /// Runtime address of each function in the module's function index space.
    var functions: UnsafeMutablePointer<UInt32>
    /// Canonical type id of each type in the module's type section.
    var typeIDs: UnsafeMutablePointer<Int>
    var dataSegments: UnsafeMutablePointer<SegmentState>
    var elementSegments: UnsafeMutablePointer<SegmentState>
    /// The runtime's function records (refreshed whenever the runtime adds functions).
    var functionRecords: UnsafeMutablePointer<UnsafeMutablePointer<FunctionRecord>>
    /// Every memory of the module's memory index space (`memory0` is the first, when there is one).
    var memories: UnsafeMutablePointer<UnsafeMutablePointer<MemoryState>>
}
