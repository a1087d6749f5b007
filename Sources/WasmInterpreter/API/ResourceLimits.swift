/// What the instances of one runtime may hold at once, set by the embedder in
/// `RuntimeConfiguration.resourceLimits`. Each limit is nil (no limit) by default.
///
/// Memories and tables count against the runtime that created them: those its instances define
/// and those made with `Runtime.createMemory`/`createTable`, for as long as they live (an
/// instance lives as long as its runtime). A `memory.grow` or `table.grow` that would pass a
/// limit fails the way the spec lets any grow fail: it returns -1 and the program goes on
/// (`Memory.grow`/`Table.grow` return nil). Instantiating a module whose own memories, tables or
/// initial sizes would pass a limit throws `InstantiationError.limitExceeded` before anything
/// is created.
public struct ResourceLimits: Sendable, Equatable {
    /// Bytes of linear memory over all the runtime's memories (a page is 65,536 bytes).
    public var memoryBytes: Int?
    /// Elements over all the runtime's tables. (Each table also holds at most 10,000,000.)
    public var tableElements: Int?
    /// Instances the runtime may create.
    public var instances: Int?
    /// Memories the runtime may create.
    public var memories: Int?
    /// Tables the runtime may create.
    public var tables: Int?

    /// No limits.
    public init() {}

    /// The given limits; nil is no limit.
    public init(memoryBytes: Int? = nil, tableElements: Int? = nil, instances: Int? = nil,
                memories: Int? = nil, tables: Int? = nil) {
        self.memoryBytes = memoryBytes
        self.tableElements = tableElements
        self.instances = instances
        self.memories = memories
        self.tables = tables
    }
}
