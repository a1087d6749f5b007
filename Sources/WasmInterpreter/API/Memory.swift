import WasmBinary

/// A linear memory: bytes in pages (of 64 KiB, or of one byte with the custom-page-sizes
/// proposal), growable up to its maximum. A 32-bit memory holds at most 4 GiB; a 64-bit one at
/// most what the system provides, and never more than 2^48 bytes in this engine.
public final class Memory {
    /// The memory's limits, address type and page size as declared.
    public let type: MemoryType
    let state: UnsafeMutablePointer<MemoryState>
    /// The resource counts of the runtime that created the memory.
    let limiter: ResourceLimiter

    /// A memory of `type` counted by `limiter`, reserving address space for at most
    /// `reservation` bytes and never more than the runtime's memory limit leaves available.
    init(type: MemoryType, reservation: Int, limiter: ResourceLimiter) throws(InstantiationError) {
        self.type = type
        let limit = type.enginePageLimit
        guard type.limits.min <= UInt64(limit) else {
            throw .resourceExhausted("cannot allocate \(type.limits.min) pages of memory")
        }
        let maximum = Int(min(type.limits.max ?? UInt64(limit), UInt64(limit)))
        let pages = Int(type.limits.min)
        try limiter.checkMemory(bytes: pages << Int(type.pageSizeLog2), count: 1)
        let reservation = min(reservation, limiter.memoryBytesAvailable)
        guard var memory = MemoryState.make(pages: pages, maximum: maximum, pageSizeLog2: Int(type.pageSizeLog2),
                                            reservation: reservation) else {
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

    /// The size of a page in bytes: 65,536, or 1 for a memory declared with `(pagesize 1)`.
    public var pageSize: Int { 1 << Int(type.pageSizeLog2) }

    /// The largest size the memory may grow to, in pages, if it declares one (cut to what this
    /// engine can hold).
    public var maximumPageCount: Int? { type.limits.max.map { Int(min($0, UInt64(type.enginePageLimit))) } }

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

extension MemoryType {
    /// The most pages a memory of this type may have by the spec's rules: 4 GiB for a 32-bit
    /// memory (2^32 - 1 one-byte pages), 2^64 bytes (2^64 - 1 one-byte pages) for a 64-bit one.
    var specificationPageLimit: UInt64 {
        let log2 = UInt64(min(pageSizeLog2, 63))
        switch addressType {
        case .i32: return log2 == 0 ? 0xFFFF_FFFF : (1 << 32) >> log2
        case .i64: return log2 == 0 ? UInt64.max : (UInt64(1) << (64 - log2))
        }
    }

    /// The most pages a memory of this type may have here: the spec's limit, cut to
    /// `MemoryState.byteLimit` bytes.
    var enginePageLimit: Int {
        Int(min(specificationPageLimit, UInt64(MemoryState.byteLimit >> Int(min(pageSizeLog2, 48)))))
    }
}
