import WasmInterpreter

/// Room for one call's arguments in linear memory: allocations stack up from a fixed base and are
/// all released when the call ends, so memory use is bounded by the largest single call — unlike
/// the design guide's bump allocator, which never frees (its pitfall 6.1).
struct ScratchArena {
    /// Where the first argument goes.
    let base: Int
    /// The end of the allocations made so far.
    private(set) var top: Int

    /// Allocations are aligned to this many bytes.
    static let alignment = 8
    /// The first byte 32-bit addresses cannot reach.
    static let addressLimit = 1 << 32

    init(base: Int) {
        self.base = base
        self.top = base
    }

    /// Reserves `count` bytes, growing `memory` if needed, and returns their offset.
    mutating func allocate(_ count: Int, in memory: Memory) throws(HostingError) -> Int {
        precondition(count >= 0, "an allocation's size is never negative")
        if count == 0 { return min(top, Self.addressLimit - 1) }
        let start = (top + Self.alignment - 1) & ~(Self.alignment - 1)
        let (end, overflow) = start.addingReportingOverflow(count)
        let pageSize = memory.pageSize  // 64 KiB, or 1 for a memory of one-byte pages
        let maximumBytes = min(memory.maximumPageCount.map { $0 * pageSize } ?? Self.addressLimit, Self.addressLimit)
        guard !overflow, end <= Self.addressLimit, count < Self.addressLimit else {
            throw .inputTooLarge(requiredBytes: overflow ? Int.max : end, maximumBytes: maximumBytes)
        }
        if end > memory.byteCount {
            let missingPages = (end - memory.byteCount + pageSize - 1) / pageSize
            guard memory.grow(by: missingPages) != nil else {
                throw .inputTooLarge(requiredBytes: end, maximumBytes: maximumBytes)
            }
        }
        top = end
        return start
    }

    /// Releases everything allocated since `top` was `mark`.
    mutating func release(to mark: Int) {
        precondition(mark >= base && mark <= top, "release to a mark this arena handed out")
        top = mark
    }
}
