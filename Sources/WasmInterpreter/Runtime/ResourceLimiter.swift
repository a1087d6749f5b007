/// Counts what a runtime's memories, tables and instances hold against its `ResourceLimits`.
///
/// Memories and tables keep their runtime's limiter alive (they may outlive the runtime) and
/// give back what they hold when they are freed. Their state structs, which handlers reach
/// through raw pointers, refer to it unretained, so growing costs no reference counting. A
/// runtime is used from one thread at a time, so the counts need no lock.
final class ResourceLimiter {
    let limits: ResourceLimits
    private(set) var memoryBytes = 0
    private(set) var tableElements = 0
    private(set) var instances = 0
    private(set) var memories = 0
    private(set) var tables = 0

    init(limits: ResourceLimits) {
        self.limits = limits
    }

    /// The limiter as a memory or table state refers to it.
    var unretained: Unmanaged<ResourceLimiter> { Unmanaged.passUnretained(self) }

    /// True when `amount` more fits under `limit` beside `used` (no limit: always).
    private static func fits(_ amount: Int, beside used: Int, under limit: Int?) -> Bool {
        guard let limit else { return true }
        return amount >= 0 && amount <= limit - used
    }

    /// Bytes of linear memory the runtime may still add (`Int.max` without a limit): what a new
    /// memory reserves address space for at most.
    var memoryBytesAvailable: Int {
        guard let limit = limits.memoryBytes else { return .max }
        return max(limit - memoryBytes, 0)
    }

    // MARK: Instantiation

    /// Checks that an instance defining these memories and tables, at these initial sizes, fits
    /// beside everything the runtime already holds; throws before anything is created.
    func checkInstantiation(memoryBytes newBytes: Int, memories newMemories: Int,
                            tableElements newElements: Int, tables newTables: Int) throws(InstantiationError) {
        guard Self.fits(1, beside: instances, under: limits.instances) else {
            throw .limitExceeded("instance limit reached: this runtime may create \(limits.instances ?? 0) instances")
        }
        try checkMemory(bytes: newBytes, count: newMemories)
        try checkTable(elements: newElements, count: newTables)
    }

    /// Counts an instance.
    func recordInstance() {
        instances += 1
    }

    /// Checks that `count` more memories of `bytes` in all fit.
    func checkMemory(bytes: Int, count: Int) throws(InstantiationError) {
        guard Self.fits(count, beside: memories, under: limits.memories) else {
            throw .limitExceeded("memory limit reached: this runtime may create \(limits.memories ?? 0) memories")
        }
        guard Self.fits(bytes, beside: memoryBytes, under: limits.memoryBytes) else {
            throw .limitExceeded("memory of \(bytes) bytes would pass this runtime's limit of \(limits.memoryBytes ?? 0) bytes of linear memory (\(memoryBytes) in use)")
        }
    }

    /// Checks that `count` more tables of `elements` in all fit.
    func checkTable(elements: Int, count: Int) throws(InstantiationError) {
        guard Self.fits(count, beside: tables, under: limits.tables) else {
            throw .limitExceeded("table limit reached: this runtime may create \(limits.tables ?? 0) tables")
        }
        guard Self.fits(elements, beside: tableElements, under: limits.tableElements) else {
            throw .limitExceeded("table of \(elements) elements would pass this runtime's limit of \(limits.tableElements ?? 0) table elements (\(tableElements) in use)")
        }
    }

    // MARK: Memories and tables coming and going

    /// Counts a new memory of `bytes`, after `checkMemory`.
    func recordMemory(bytes: Int) {
        memories += 1
        memoryBytes += bytes
    }

    /// Gives back a freed memory of `bytes`.
    func releaseMemory(bytes: Int) {
        memories -= 1
        memoryBytes -= bytes
    }

    /// Counts a new table of `elements`, after `checkTable`.
    func recordTable(elements: Int) {
        tables += 1
        tableElements += elements
    }

    /// Gives back a freed table of `elements`.
    func releaseTable(elements: Int) {
        tables -= 1
        tableElements -= elements
    }

    // MARK: Growing (the hooks in `MemoryState.grow` and `TableState.grow`)

    /// Whether a memory counted by `limiter` (nil: none) may grow by `bytes`.
    static func allowsMemoryGrowth(_ limiter: Unmanaged<ResourceLimiter>?, bytes: Int) -> Bool {
        guard let limiter = limiter?.takeUnretainedValue() else { return true }
        return fits(bytes, beside: limiter.memoryBytes, under: limiter.limits.memoryBytes)
    }

    /// Counts a memory's growth by `bytes`, after it happened.
    static func recordMemoryGrowth(_ limiter: Unmanaged<ResourceLimiter>?, bytes: Int) {
        limiter?.takeUnretainedValue().memoryBytes += bytes
    }

    /// Whether a table counted by `limiter` (nil: none) may grow by `elements`.
    static func allowsTableGrowth(_ limiter: Unmanaged<ResourceLimiter>?, elements: Int) -> Bool {
        guard let limiter = limiter?.takeUnretainedValue() else { return true }
        return fits(elements, beside: limiter.tableElements, under: limiter.limits.tableElements)
    }

    /// Counts a table's growth by `elements`, after it happened.
    static func recordTableGrowth(_ limiter: Unmanaged<ResourceLimiter>?, elements: Int) {
        limiter?.takeUnretainedValue().tableElements += elements
    }
}
