import WasmBinary

/// A linear memory: bytes in 64 KiB pages, growable up to its maximum.
public final class Memory {
    /// The memory's limits as declared.
    public let type: MemoryType
    let state: UnsafeMutablePointer<MemoryState>
    /// The resource counts of the runtime that created the memory.
    let limiter: ResourceLimiter

    /// A memory of `type` counted by `limiter`, reserving address space for at most
    /// `reservation` bytes and never more than the runtime's memory limit leaves available.
    init(type: MemoryType, reservation: Int, limiter: ResourceLimiter) throws(InstantiationError) {
        self.type = type
        let maximum = Int(min(type.limits.max ?? 65_536, 65_536))
        let pages = Int(min(type.limits.min, 65_536))
        try limiter.checkMemory(bytes: pages * MemoryState.pageSize, count: 1)
        let reservation = min(reservation, limiter.memoryBytesAvailable)
        guard var memory = MemoryState.make(pages: pages, maximum: maximum, reservation: reservation) else {
            throw .resourceExhausted("cannot allocate \(type.limits.min) pages of memory")
        }
        memory.limiter = limiter.unretained
        limiter.recordMemory(bytes: memory.size)
        self.limiter = limiter
        state = UnsafeMutablePointer<MemoryState>.allocate(capacity: 1)
        state.initialize(to: memory)
    }

    deinit {
        limiter.releaseMemory(bytes: state.pointee.size)
        state.pointee.deallocate()
        state.deallocate()
    }

    /// Current size in pages.
    public var pageCount: Int { state.pointee.pageCount }

    /// Current size in bytes.
    public var byteCount: Int { state.pointee.size }

    /// The largest size the memory may grow to, in pages, if it declares one.
    public var maximumPageCount: Int? { type.limits.max.map { Int(min($0, 65_536)) } }

    /// Grows by `pages`; returns the old page count, or nil (changing nothing) past the maximum
    /// or the runtime's `ResourceLimits`.
    public func grow(by pages: Int) -> Int? {
        state.pointee.grow(by: pages)
    }

    /// Copies `count` bytes starting at `offset`.
    public func read(at offset: Int, count: Int) throws(Trap) -> [UInt8] {
        guard offset >= 0, count >= 0, state.pointee.contains(UInt64(offset), count: UInt64(count)) else {
            throw Trap(.outOfBoundsMemoryAccess)
        }
        let start = state.pointee.base + offset
        return Array(UnsafeRawBufferPointer(start: start, count: count))
    }

    /// Writes `bytes` starting at `offset`.
    public func write(_ bytes: some Collection<UInt8>, at offset: Int) throws(Trap) {
        guard offset >= 0, state.pointee.contains(UInt64(offset), count: UInt64(bytes.count)) else {
            throw Trap(.outOfBoundsMemoryAccess)
        }
        let destination = state.pointee.base + offset
        let copied: Void? = bytes.withContiguousStorageIfAvailable { source in
            if let start = source.baseAddress { destination.copyMemory(from: start, byteCount: source.count) }
        }
        if copied == nil {
            _ = UnsafeMutableRawBufferPointer(start: destination, count: bytes.count).initializeMemory(as: UInt8.self, from: bytes)
        }
    }

    /// Lends the memory's bytes to `body`. The buffer is valid only inside `body`, which must not grow the memory.
    public func withUnsafeMutableBytes<R>(_ body: (UnsafeMutableRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeMutableRawBufferPointer(start: state.pointee.base, count: state.pointee.size))
    }
}
