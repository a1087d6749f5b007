#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Linear-memory operations that are too big for a handler: growing, and the bulk instructions.
extension MemoryState {
    static let pageSize = 65_536

    /// A memory of `pages` zeroed pages.
    /// A memory of `pages` zeroed pages, or nil when the system cannot provide them.
    static func make(pages: Int, maximum: Int) -> MemoryState? {
        let size = pages * pageSize
        guard let base = calloc(max(size, 16), 1) else { return nil }
        return MemoryState(base: base, size: size, pageCount: pages, maximumPageCount: maximum)
    }

    func deallocate() {
        free(base)
    }

    /// Grows by `delta` pages: returns the old page count, or nil (and changes nothing) past the maximum.
    mutating func grow(by delta: Int) -> Int? {
        let old = pageCount
        guard delta >= 0, delta <= maximumPageCount - old else { return nil }
        if delta == 0 { return old }
        // Resource limits (ResourceLimiter): checked before growing, counted after.
        guard ResourceLimiter.allowsMemoryGrowth(limiter, bytes: delta * MemoryState.pageSize) else { return nil }
        defer { if pageCount == old + delta { ResourceLimiter.recordMemoryGrowth(limiter, bytes: delta * MemoryState.pageSize) } }
        let newSize = (old + delta) * MemoryState.pageSize
        guard let newBase = calloc(newSize, 1) else { return nil }
        newBase.copyMemory(from: base, byteCount: size)
        free(base)
        base = newBase
        size = newSize
        pageCount = old + delta
        return old
    }

    /// True when `count` bytes from `offset` are inside the memory.
    func contains(_ offset: UInt64, count: UInt64) -> Bool {
        offset <= UInt64(size) && count <= UInt64(size) - offset
    }
}

/// `memory.grow`: operands (page count, destination).
@inline(__always)
func handleMemoryGrow(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    let w = pc[1]
    let memory = state.pointee.instance.pointee.memory0
    let delta = Int(UInt32(truncatingIfNeeded: fp[slotA(w)]))
    let result = memory.pointee.grow(by: delta)
    fp[slotD(w)] = UInt64(UInt32(bitPattern: Int32(truncatingIfNeeded: result ?? -1)))
    next(pc + 2, fp, memory.pointee.base, memory.pointee.size, state)
}

@inline(__always)
func handleMemorySize(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    fp[slotD(pc[1])] = UInt64(state.pointee.instance.pointee.memory0.pointee.pageCount)
    next(pc + 2, fp, md, ms, state)
}

/// `memory.fill`: operands (destination, value, count).
@inline(__always)
func handleMemoryFill(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    let w = pc[1]
    let destination = UInt64(UInt32(truncatingIfNeeded: fp[slotA(w)]))
    let value = UInt8(truncatingIfNeeded: fp[slotB(w)])
    let count = UInt64(UInt32(truncatingIfNeeded: fp[slotD(w)]))
    guard state.pointee.instance.pointee.memory0.pointee.contains(destination, count: count) else {
        return trap(.outOfBoundsMemoryAccess, state)
    }
    (md + Int(destination)).initializeMemory(as: UInt8.self, repeating: value, count: Int(count))
    next(pc + 2, fp, md, ms, state)
}

/// `memory.copy`: operands (destination, source, count).
@inline(__always)
func handleMemoryCopy(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    let w = pc[1]
    let destination = UInt64(UInt32(truncatingIfNeeded: fp[slotA(w)]))
    let source = UInt64(UInt32(truncatingIfNeeded: fp[slotB(w)]))
    let count = UInt64(UInt32(truncatingIfNeeded: fp[slotD(w)]))
    let memory = state.pointee.instance.pointee.memory0.pointee
    guard memory.contains(destination, count: count), memory.contains(source, count: count) else {
        return trap(.outOfBoundsMemoryAccess, state)
    }
    (md + Int(destination)).copyMemory(from: md + Int(source), byteCount: Int(count))
    next(pc + 2, fp, md, ms, state)
}

/// `memory.init`: operands (destination, source offset, count), data segment index.
@inline(__always)
func handleMemoryInit(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    let w = pc[1]
    let destination = UInt64(UInt32(truncatingIfNeeded: fp[slotA(w)]))
    let source = UInt64(UInt32(truncatingIfNeeded: fp[slotB(w)]))
    let count = UInt64(UInt32(truncatingIfNeeded: fp[slotD(w)]))
    let segment = state.pointee.instance.pointee.dataSegments[Int(truncatingIfNeeded: pc[2])]
    guard state.pointee.instance.pointee.memory0.pointee.contains(destination, count: count),
          source <= UInt64(segment.count), count <= UInt64(segment.count) - source else {
        return trap(.outOfBoundsMemoryAccess, state)
    }
    if count > 0, let bytes = segment.bytes {
        (md + Int(destination)).copyMemory(from: bytes + Int(source), byteCount: Int(count))
    }
    next(pc + 3, fp, md, ms, state)
}

/// `data.drop`: operand, the data segment index.
@inline(__always)
func handleDataDrop(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    state.pointee.instance.pointee.dataSegments[Int(truncatingIfNeeded: pc[1])].count = 0
    next(pc + 2, fp, md, ms, state)
}

extension Handlers {
    static var memoryGrow: UInt64 { handlerWord { handleMemoryGrow($0, $1, $2, $3, $4) } }
    static var memorySize: UInt64 { handlerWord { handleMemorySize($0, $1, $2, $3, $4) } }
    static var memoryFill: UInt64 { handlerWord { handleMemoryFill($0, $1, $2, $3, $4) } }
    static var memoryCopy: UInt64 { handlerWord { handleMemoryCopy($0, $1, $2, $3, $4) } }
    static var memoryInit: UInt64 { handlerWord { handleMemoryInit($0, $1, $2, $3, $4) } }
    static var dataDrop: UInt64 { handlerWord { handleDataDrop($0, $1, $2, $3, $4) } }
}
