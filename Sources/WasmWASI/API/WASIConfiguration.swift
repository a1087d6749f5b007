/// What a WASI program is given: its arguments and environment, the host directories it may
/// reach, where its standard streams go, and its sources of time and randomness.
public struct WASIConfiguration {
    /// The program's arguments, its name first (`argv[0]`).
    public var arguments: [String]
    /// The program's environment, in order. The program sees these variables and no others.
    public var environment: [(name: String, value: String)]
    /// The host directories the program may reach, each under a guest path. Without any, the
    /// program can open no files at all.
    public var preopenedDirectories: [PreopenedDirectory]
    /// Where the program's standard input comes from (fd 0).
    public var standardInput: WASIInput
    /// Where the program's standard output goes (fd 1).
    public var standardOutput: WASIOutput
    /// Where the program's standard error goes (fd 2).
    public var standardError: WASIOutput
    /// The clocks `clock_time_get` reads and `poll_oneoff` sleeps on.
    public var clock: any WASIClock
    /// The bytes `random_get` hands out.
    public var random: any WASIRandomSource

    /// A configuration for a program named `arguments[0]`: no environment, no directories, the
    /// process's own standard streams, the system's clocks and random bytes.
    public init(arguments: [String] = ["main.wasm"], environment: [(name: String, value: String)] = [],
                preopenedDirectories: [PreopenedDirectory] = [],
                standardInput: WASIInput = .inherit, standardOutput: WASIOutput = .inherit,
                standardError: WASIOutput = .inherit,
                clock: any WASIClock = SystemClock(), random: any WASIRandomSource = SystemRandomSource()) {
        self.arguments = arguments
        self.environment = environment
        self.preopenedDirectories = preopenedDirectories
        self.standardInput = standardInput
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.clock = clock
        self.random = random
    }
}

/// A host directory made reachable to the program: it and everything below it, nothing above.
public struct PreopenedDirectory: Sendable {
    /// The directory on the host.
    public var hostPath: String
    /// The name the program knows it by (`.`, `/`, `/data`): what `fd_prestat_dir_name` returns.
    public var guestPath: String
    /// Whether the program may only read: no file or directory under it can be created, written,
    /// renamed, linked, removed or have its times changed.
    public var readOnly: Bool

    /// `hostPath` seen by the program as `guestPath` (by default under the same name).
    public init(hostPath: String, guestPath: String? = nil, readOnly: Bool = false) {
        self.hostPath = hostPath
        self.guestPath = guestPath ?? hostPath
        self.readOnly = readOnly
    }
}
