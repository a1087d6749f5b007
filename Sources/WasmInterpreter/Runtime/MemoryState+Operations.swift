/// Linear-memory operations that are too big for a handler: growing, and the bulk instructions.
///
/// A memory reserves address space for its whole maximum size up front (or as much as the
/// runtime's configuration allows) and commits pages in place as it grows, so a grow costs no
/// copy, the buffer does not move, and new pages come zeroed from the system. When a grow passes
/// the reservation, the memory moves to one at least twice as large (a copy), which keeps growing
/// in small steps amortized constant time per page.
extension MemoryState {
    /// The default page size: 64 KiB.
    static let pageSize = 65_536
    /// The unit of reservations and commits, whatever the memory's page size: a multiple of every
    /// system page size, so that a memory of one-byte pages still commits whole system pages.
    static let granule = 65_536
    /// The most bytes a memory may hold in this engine (256 TiB, beyond any 64-bit system's user
    /// address space): a 64-bit memory's larger maximum is cut to it, and growing past it fails.
    static let byteLimit = 1 << 48

    /// `byteCount` rounded up to whole granules (`byteCount` is at most `byteLimit`).
    static func granules(_ byteCount: Int) -> Int {
        (byteCount + granule - 1) & ~(granule - 1)
    }

    /// A memory of `pages` zeroed pages of `2^pageSizeLog2` bytes that may grow to `maximum` pages
    /// (at most `byteLimit` bytes), reserving address space for at most `reservation` bytes up
    /// front; nil when the system cannot provide it.
    static func make(pages: Int, maximum: Int, pageSizeLog2: Int = 16, reservation: Int = 1 << 32) -> MemoryState? {
        let size = pages << pageSizeLog2
        let committed = granules(size)
        let cap = granules(min(max(reservation, 0), byteLimit))
        let wanted = max(min(granules(maximum << pageSizeLog2), cap), committed, granule)
        // A system that refuses the whole reservation (an address-space limit) may still give what is needed now.
        let fallback = max(committed, granule)
        guard let (base, reserved) = AddressSpace.reserve(wanted).map({ ($0, wanted) })
                ?? AddressSpace.reserve(fallback).map({ ($0, fallback) }) else {
            return nil
        }
        guard AddressSpace.commit(base, committed) else {
            AddressSpace.release(base, reserved)
            return nil
        }
        return MemoryState(base: base, size: size, pageCount: pages, maximumPageCount: maximum, pageSizeLog2: pageSizeLog2,
                           reservedBytes: reserved, committedBytes: committed)
    }

    func deallocate() {
        AddressSpace.release(base, reservedBytes)
    }

    /// Grows by `delta` pages: returns the old page count, or nil (and changes nothing visible)
    /// past the maximum or when the system cannot provide the pages.
    mutating func grow(by delta: Int) -> Int? {
        let old = pageCount
        guard delta >= 0, delta <= maximumPageCount - old else { return nil }
        if delta == 0 { return old }
        // Resource limits (ResourceLimiter): checked before growing, counted after.
        let addedBytes = delta << pageSizeLog2
        guard ResourceLimiter.allowsMemoryGrowth(limiter, bytes: addedBytes) else { return nil }
        defer { if pageCount == old + delta { ResourceLimiter.recordMemoryGrowth(limiter, bytes: addedBytes) } }
        let newSize = (old + delta) << pageSizeLog2
        let needed = MemoryState.granules(newSize)
        if needed > reservedBytes {
            guard moveToLargerReservation(holding: needed) else { return nil }
        }
        guard commit(upTo: needed) else { return nil }
        size = newSize
        pageCount = old + delta
        return old
    }

    /// Makes the first `byteCount` bytes of the reservation accessible (a whole number of
    /// granules). Commits ahead, up to twice what is committed, so that growing one page at a time
    /// makes a system call only now and then; the bytes beyond `size` stay unreachable (every
    /// access is checked against `size`) and cost no physical memory until touched. False when
    /// the system refuses even `byteCount`.
    private mutating func commit(upTo byteCount: Int) -> Bool {
        if byteCount <= committedBytes { return true }
        let ahead = min(reservedBytes, max(byteCount, committedBytes * 2))
        for target in [ahead, byteCount] where AddressSpace.commit(base + committedBytes, target - committedBytes) {
            committedBytes = target
            return true
        }
        return false
    }

    /// Moves the contents to a new reservation of at least `byteCount` bytes (whole granules) and
    /// at least twice the current one (capped at the maximum size); false when the system refuses.
    private mutating func moveToLargerReservation(holding byteCount: Int) -> Bool {
        let capacity = min(max(byteCount, reservedBytes * 2), MemoryState.granules(maximumPageCount << pageSizeLog2))
        guard let newBase = AddressSpace.reserve(capacity) else { return false }
        let committed = MemoryState.granules(size)
        guard AddressSpace.commit(newBase, committed) else {
            AddressSpace.release(newBase, capacity)
            return false
        }
        newBase.copyMemory(from: base, byteCount: size)
        AddressSpace.release(base, reservedBytes)
        base = newBase
        reservedBytes = capacity
        committedBytes = committed
        return true
    }

    /// True when `count` bytes from `offset` are inside the memory.
    func contains(_ offset: UInt64, count: UInt64) -> Bool {
        offset <= UInt64(size) && count <= UInt64(size) - offset
    }
}

/// `memory.grow`: operands (page count, destination).
@inline(__always)
func handleMemoryGrow(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    let memory = state.pointee.instance.pointee.memory0
    let delta = Int(UInt32(truncatingIfNeeded: fp[slotA(pc)]))
    let result = memory.pointee.grow(by: delta)
    fp[slotD(pc)] = UInt64(UInt32(bitPattern: Int32(truncatingIfNeeded: result ?? -1)))
    next(pc + 2, fp, memory.pointee.base, memory.pointee.size, state, acc, facc)
}

@inline(__always)
func handleMemorySize(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    fp[slotD(pc)] = UInt64(state.pointee.instance.pointee.memory0.pointee.pageCount)
    next(pc + 2, fp, md, ms, state, acc, facc)
}

/// `memory.fill`: operands (destination, value, count).
@inline(__always)
func handleMemoryFill(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    let destination = UInt64(UInt32(truncatingIfNeeded: fp[slotA(pc)]))
    let value = UInt8(truncatingIfNeeded: fp[slotB(pc)])
    let count = UInt64(UInt32(truncatingIfNeeded: fp[slotD(pc)]))
    guard state.pointee.instance.pointee.memory0.pointee.contains(destination, count: count) else {
        return trap(.outOfBoundsMemoryAccess, state)
    }
    (md + Int(destination)).initializeMemory(as: UInt8.self, repeating: value, count: Int(count))
    next(pc + 2, fp, md, ms, state, acc, facc)
}

/// `memory.copy`: operands (destination, source, count).
@inline(__always)
func handleMemoryCopy(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    let destination = UInt64(UInt32(truncatingIfNeeded: fp[slotA(pc)]))
    let source = UInt64(UInt32(truncatingIfNeeded: fp[slotB(pc)]))
    let count = UInt64(UInt32(truncatingIfNeeded: fp[slotD(pc)]))
    let memory = state.pointee.instance.pointee.memory0.pointee
    guard memory.contains(destination, count: count), memory.contains(source, count: count) else {
        return trap(.outOfBoundsMemoryAccess, state)
    }
    (md + Int(destination)).copyMemory(from: md + Int(source), byteCount: Int(count))
    next(pc + 2, fp, md, ms, state, acc, facc)
}

/// `memory.init`: operands (destination, source offset, count), data segment index.
@inline(__always)
func handleMemoryInit(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    let destination = UInt64(UInt32(truncatingIfNeeded: fp[slotA(pc)]))
    let source = UInt64(UInt32(truncatingIfNeeded: fp[slotB(pc)]))
    let count = UInt64(UInt32(truncatingIfNeeded: fp[slotD(pc)]))
    let segment = state.pointee.instance.pointee.dataSegments[Int(truncatingIfNeeded: pc[2])]
    guard state.pointee.instance.pointee.memory0.pointee.contains(destination, count: count),
          source <= UInt64(segment.count), count <= UInt64(segment.count) - source else {
        return trap(.outOfBoundsMemoryAccess, state)
    }
    if count > 0, let bytes = segment.bytes {
        (md + Int(destination)).copyMemory(from: bytes + Int(source), byteCount: Int(count))
    }
    next(pc + 3, fp, md, ms, state, acc, facc)
}

/// `data.drop`: operand, the data segment index.
@inline(__always)
func handleDataDrop(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    state.pointee.instance.pointee.dataSegments[Int(truncatingIfNeeded: pc[1])].count = 0
    next(pc + 2, fp, md, ms, state, acc, facc)
}

extension Handlers {
    static var memoryGrow: UInt64 { handlerWord { handleMemoryGrow($0, $1, $2, $3, $4, $5, $6) } }
    static var memorySize: UInt64 { handlerWord { handleMemorySize($0, $1, $2, $3, $4, $5, $6) } }
    static var memoryFill: UInt64 { handlerWord { handleMemoryFill($0, $1, $2, $3, $4, $5, $6) } }
    static var memoryCopy: UInt64 { handlerWord { handleMemoryCopy($0, $1, $2, $3, $4, $5, $6) } }
    static var memoryInit: UInt64 { handlerWord { handleMemoryInit($0, $1, $2, $3, $4, $5, $6) } }
    static var dataDrop: UInt64 { handlerWord { handleDataDrop($0, $1, $2, $3, $4, $5, $6) } }
}
