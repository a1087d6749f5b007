import WasmBinary

/// Memory instructions on a memory other than the registers' one: any memory but memory 0, and
/// every memory with 64-bit addresses. Memory 0 of 32-bit addresses keeps the generated handlers
/// (`MemoryHandlers`), whose base and size travel in registers; these handlers find their memory
/// through the instance (`InstanceState.memories`) on every access, which costs two loads more.
///
/// Accesses: operands (address, value, destination), then the static offset, the memory index
/// and the address mask (`0xFFFF_FFFF` for a 32-bit memory, all ones for a 64-bit one: an i32
/// address is its slot's low 32 bits). The effective address is computed and checked on UInt64
/// with overflow reported, so an address near 2^64 plus an offset cannot wrap into bounds.

/// The host address of `width` bytes at the effective address of the access at `pc`, or nil when
/// they are not all inside the memory.
@inline(__always)
func indexedMemoryAddress(_ pc: CodePointer, _ fp: FramePointer, _ state: StatePointer, width: Int) -> UnsafeMutableRawPointer? {
    let memory = state.pointee.instance.pointee.memories[Int(truncatingIfNeeded: pc[3])]
    let (address, overflow) = (fp[slotA(pc)] & pc[4]).addingReportingOverflow(pc[2])
    let size = UInt64(memory.pointee.size)
    guard _fastPath(!overflow && address <= size && UInt64(width) <= size &- address) else { return nil }
    return memory.pointee.base + Int(truncatingIfNeeded: address)
}

/// A load of `T` from the indexed memory, extended by `extend`, into the destination slot.
@inline(__always)
func indexedMemoryLoad<T: FixedWidthInteger>(_ type: T.Type, _ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int,
                                             _ state: StatePointer, _ acc: UInt64, _ facc: Double, _ extend: (T) -> UInt64) {
    guard let pointer = indexedMemoryAddress(pc, fp, state, width: MemoryLayout<T>.size) else {
        return trap(.outOfBoundsMemoryAccess, state)
    }
    fp[slotD(pc)] = extend(T(littleEndian: pointer.loadUnaligned(as: T.self)))
    next(pc + 5, fp, md, ms, state, acc, facc)
}

/// A store of the value slot's low bits, as `T`, to the indexed memory.
@inline(__always)
func indexedMemoryStore<T: FixedWidthInteger>(_ type: T.Type, _ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int,
                                              _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    guard let pointer = indexedMemoryAddress(pc, fp, state, width: MemoryLayout<T>.size) else {
        return trap(.outOfBoundsMemoryAccess, state)
    }
    pointer.storeBytes(of: T(truncatingIfNeeded: fp[slotB(pc)]).littleEndian, as: T.self)
    next(pc + 5, fp, md, ms, state, acc, facc)
}

/// `memory.size`: operands (–, –, destination), memory index.
@inline(__always)
func handleIndexedMemorySize(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    fp[slotD(pc)] = UInt64(state.pointee.instance.pointee.memories[Int(truncatingIfNeeded: pc[2])].pointee.pageCount)
    next(pc + 3, fp, md, ms, state, acc, facc)
}

/// `memory.grow`: operands (page count, –, destination), memory index, address mask. The result
/// is the old page count, or -1 of the memory's address type. Memory 0's registers are reloaded:
/// the grown memory may be memory 0 under another index (a memory imported twice).
@inline(__always)
func handleIndexedMemoryGrow(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    let memory = state.pointee.instance.pointee.memories[Int(truncatingIfNeeded: pc[2])]
    let delta = fp[slotA(pc)] & pc[3]
    let result = delta <= UInt64(Int.max) ? memory.pointee.grow(by: Int(delta)) : nil
    fp[slotD(pc)] = result.map { UInt64($0) } ?? pc[3]
    let memory0 = state.pointee.instance.pointee.memory0
    next(pc + 4, fp, memory0.pointee.base, memory0.pointee.size, state, acc, facc)
}

/// `memory.fill`: operands (destination, value, count), memory index, address mask.
@inline(__always)
func handleIndexedMemoryFill(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    let memory = state.pointee.instance.pointee.memories[Int(truncatingIfNeeded: pc[2])]
    let destination = fp[slotA(pc)] & pc[3]
    let count = fp[slotD(pc)] & pc[3]
    guard memory.pointee.contains(destination, count: count) else { return trap(.outOfBoundsMemoryAccess, state) }
    (memory.pointee.base + Int(destination)).initializeMemory(as: UInt8.self, repeating: UInt8(truncatingIfNeeded: fp[slotB(pc)]), count: Int(count))
    next(pc + 4, fp, md, ms, state, acc, facc)
}

/// `memory.copy`: operands (destination, source, count), destination memory, source memory, and
/// the masks of the destination and the source address (the count's is both: a count is 64-bit
/// only between two 64-bit memories).
@inline(__always)
func handleIndexedMemoryCopy(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    let memories = state.pointee.instance.pointee.memories
    let target = memories[Int(truncatingIfNeeded: pc[2])], origin = memories[Int(truncatingIfNeeded: pc[3])]
    let destination = fp[slotA(pc)] & pc[4]
    let source = fp[slotB(pc)] & pc[5]
    let count = fp[slotD(pc)] & pc[4] & pc[5]
    guard target.pointee.contains(destination, count: count), origin.pointee.contains(source, count: count) else {
        return trap(.outOfBoundsMemoryAccess, state)
    }
    (target.pointee.base + Int(destination)).copyMemory(from: origin.pointee.base + Int(source), byteCount: Int(count))
    next(pc + 6, fp, md, ms, state, acc, facc)
}

/// `memory.init`: operands (destination, source offset, count), data segment index, memory index,
/// destination address mask (the source offset and count are i32).
@inline(__always)
func handleIndexedMemoryInit(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    let memory = state.pointee.instance.pointee.memories[Int(truncatingIfNeeded: pc[3])]
    let segment = state.pointee.instance.pointee.dataSegments[Int(truncatingIfNeeded: pc[2])]
    let destination = fp[slotA(pc)] & pc[4]
    let source = UInt64(UInt32(truncatingIfNeeded: fp[slotB(pc)]))
    let count = UInt64(UInt32(truncatingIfNeeded: fp[slotD(pc)]))
    guard memory.pointee.contains(destination, count: count), source <= UInt64(segment.count), count <= UInt64(segment.count) - source else {
        return trap(.outOfBoundsMemoryAccess, state)
    }
    if count > 0, let bytes = segment.bytes {
        (memory.pointee.base + Int(destination)).copyMemory(from: bytes + Int(source), byteCount: Int(count))
    }
    next(pc + 5, fp, md, ms, state, acc, facc)
}

/// The handlers of memory instructions on a memory reached through the instance.
enum IndexedMemoryHandlers {
    /// The load handler of `operation`.
    static func load(_ operation: LoadOperation) -> UInt64 {
        switch operation {
        case .i32Load, .f32Load, .i64Load32U:
            return handlerWord { indexedMemoryLoad(UInt32.self, $0, $1, $2, $3, $4, $5, $6) { UInt64($0) } }
        case .i64Load, .f64Load:
            return handlerWord { indexedMemoryLoad(UInt64.self, $0, $1, $2, $3, $4, $5, $6) { $0 } }
        case .i32Load8U, .i64Load8U:
            return handlerWord { indexedMemoryLoad(UInt8.self, $0, $1, $2, $3, $4, $5, $6) { UInt64($0) } }
        case .i32Load16U, .i64Load16U:
            return handlerWord { indexedMemoryLoad(UInt16.self, $0, $1, $2, $3, $4, $5, $6) { UInt64($0) } }
        case .i32Load8S:
            return handlerWord { indexedMemoryLoad(Int8.self, $0, $1, $2, $3, $4, $5, $6) { UInt64(UInt32(bitPattern: Int32($0))) } }
        case .i32Load16S:
            return handlerWord { indexedMemoryLoad(Int16.self, $0, $1, $2, $3, $4, $5, $6) { UInt64(UInt32(bitPattern: Int32($0))) } }
        case .i64Load8S:
            return handlerWord { indexedMemoryLoad(Int8.self, $0, $1, $2, $3, $4, $5, $6) { UInt64(bitPattern: Int64($0)) } }
        case .i64Load16S:
            return handlerWord { indexedMemoryLoad(Int16.self, $0, $1, $2, $3, $4, $5, $6) { UInt64(bitPattern: Int64($0)) } }
        case .i64Load32S:
            return handlerWord { indexedMemoryLoad(Int32.self, $0, $1, $2, $3, $4, $5, $6) { UInt64(bitPattern: Int64($0)) } }
        }
    }

    /// The store handler of `operation`.
    static func store(_ operation: StoreOperation) -> UInt64 {
        switch operation {
        case .i32Store, .f32Store, .i64Store32: return handlerWord { indexedMemoryStore(UInt32.self, $0, $1, $2, $3, $4, $5, $6) }
        case .i64Store, .f64Store: return handlerWord { indexedMemoryStore(UInt64.self, $0, $1, $2, $3, $4, $5, $6) }
        case .i32Store8, .i64Store8: return handlerWord { indexedMemoryStore(UInt8.self, $0, $1, $2, $3, $4, $5, $6) }
        case .i32Store16, .i64Store16: return handlerWord { indexedMemoryStore(UInt16.self, $0, $1, $2, $3, $4, $5, $6) }
        }
    }

    static var size: UInt64 { handlerWord { handleIndexedMemorySize($0, $1, $2, $3, $4, $5, $6) } }
    static var grow: UInt64 { handlerWord { handleIndexedMemoryGrow($0, $1, $2, $3, $4, $5, $6) } }
    static var fill: UInt64 { handlerWord { handleIndexedMemoryFill($0, $1, $2, $3, $4, $5, $6) } }
    static var copy: UInt64 { handlerWord { handleIndexedMemoryCopy($0, $1, $2, $3, $4, $5, $6) } }
    static var initialize: UInt64 { handlerWord { handleIndexedMemoryInit($0, $1, $2, $3, $4, $5, $6) } }
}

extension HandlerNames {
    /// Names of the handlers of memories reached through the instance, 64-bit tables, relaxed
    /// SIMD and wide arithmetic.
    static var webAssembly3Names: [(UInt64?, String)] {
        var names: [(UInt64?, String)] = [
            (IndexedMemoryHandlers.size, "memory.size [m]"), (IndexedMemoryHandlers.grow, "memory.grow [m]"),
            (IndexedMemoryHandlers.fill, "memory.fill [m]"), (IndexedMemoryHandlers.copy, "memory.copy [m]"),
            (IndexedMemoryHandlers.initialize, "memory.init [m]"),
            (Table64Handlers.get, "table.get i64"), (Table64Handlers.set, "table.set i64"), (Table64Handlers.grow, "table.grow i64"),
            (Table64Handlers.fill, "table.fill i64"), (Table64Handlers.initialize, "table.init i64"),
            (Table64Handlers.callIndirect, "call_indirect i64"),
            (Table64Handlers.copy(wideDestination: true, wideSource: true), "table.copy i64 i64"),
            (Table64Handlers.copy(wideDestination: true, wideSource: false), "table.copy i64 i32"),
            (Table64Handlers.copy(wideDestination: false, wideSource: true), "table.copy i32 i64"),
            (Handlers.i64Add128, "i64.add128"), (Handlers.i64Sub128, "i64.sub128"),
            (Handlers.i64MulWideS, "i64.mul_wide_s"), (Handlers.i64MulWideU, "i64.mul_wide_u"),
        ]
        for operation in LoadOperation.allCases { names.append((IndexedMemoryHandlers.load(operation), "\(operation) [m]")) }
        for operation in StoreOperation.allCases { names.append((IndexedMemoryHandlers.store(operation), "\(operation) [m]")) }
        for operation in RelaxedSIMDOperation.allCases { names.append((SIMDHandlers.relaxedHandler(operation), operation.name)) }
        return names
    }
}
