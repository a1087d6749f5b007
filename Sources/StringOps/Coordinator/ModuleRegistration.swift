/// A module the coordinator can run: its name, its functions' signatures, how to load its
/// WebAssembly backend and its Swift fallback. Either may be absent.
public struct ModuleRegistration: Sendable {
    /// The name callers execute the module by; unique within a coordinator.
    public var name: String
    /// The functions callers may execute, by name.
    public var functions: [String: FunctionSignature]
    /// Loads the WebAssembly backend; called by ``WasmRuntimeCoordinator/initialize()``.
    public var loadWebAssembly: (@Sendable () throws -> any ModuleBackend)?
    /// Answers when WebAssembly is unavailable or fails, and checks it under `.verify`.
    public var fallback: (any ModuleBackend)?

    /// A registration with a WebAssembly loader and a fallback, either of which may be nil.
    public init(
        name: String,
        functions: [String: FunctionSignature],
        loadWebAssembly: (@Sendable () throws -> any ModuleBackend)?,
        fallback: (any ModuleBackend)?
    ) {
        self.name = name
        self.functions = functions
        self.loadWebAssembly = loadWebAssembly
        self.fallback = fallback
    }

    /// A WebAssembly module read from `source` and hosted with `configuration`; loading checks that
    /// it exports every function with the type its signature needs. Its `env.log` calls go to
    /// `logHandler`.
    public static func webAssembly(
        name: String,
        source: ModuleSource,
        functions: [String: FunctionSignature],
        configuration: HostConfiguration = HostConfiguration(),
        logHandler: LogHandler? = nil,
        fallback: (any ModuleBackend)?
    ) -> ModuleRegistration {
        ModuleRegistration(
            name: name,
            functions: functions,
            loadWebAssembly: {
                let host = try HostedModule(bytes: source.readBytes(), configuration: configuration)
                host.setLogHandler(logHandler)
                return try WebAssemblyBackend(host: host, functions: functions)
            },
            fallback: fallback)
    }
}
