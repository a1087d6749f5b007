import WasmInterpreter

/// How a ``HostedModule`` instantiates its module and lays out arguments in memory.
public struct HostConfiguration: Sendable {
    /// How many instances serve calls in parallel, each with its own runtime and memory.
    public var instanceCount: Int
    /// Pages an imported `env.memory` starts with; the module's own minimum wins if larger.
    public var initialMemoryPages: Int
    /// The most pages an imported `env.memory` may grow to when arguments need room
    /// (65536 pages = 4 GiB, all that 32-bit addresses reach).
    public var maximumMemoryPages: Int
    /// The offset in linear memory where arguments are copied during a call. Set it past any data
    /// the module keeps in memory.
    public var scratchOffset: Int
    /// The interpreter's limits for each instance.
    public var runtime: RuntimeConfiguration

    /// The largest memory 32-bit addresses reach, in pages.
    public static let addressablePages = 65_536
    /// Bytes per WebAssembly page.
    public static let pageSize = 65_536

    /// A configuration; by default one instance, an imported memory of the module's own minimum size
    /// that may grow to 4 GiB, and arguments copied from offset 0. Needs at least one instance,
    /// non-negative page counts and a 32-bit scratch offset (preconditions).
    public init(
        instanceCount: Int = 1,
        initialMemoryPages: Int = 0,
        maximumMemoryPages: Int = HostConfiguration.addressablePages,
        scratchOffset: Int = 0,
        runtime: RuntimeConfiguration = RuntimeConfiguration()
    ) {
        precondition(instanceCount >= 1, "a hosted module needs at least one instance")
        precondition(initialMemoryPages >= 0 && maximumMemoryPages >= 0, "page counts are never negative")
        precondition(scratchOffset >= 0 && scratchOffset <= Int(UInt32.max), "the scratch offset must be a 32-bit address")
        self.instanceCount = instanceCount
        self.initialMemoryPages = initialMemoryPages
        self.maximumMemoryPages = maximumMemoryPages
        self.scratchOffset = scratchOffset
        self.runtime = runtime
    }
}
