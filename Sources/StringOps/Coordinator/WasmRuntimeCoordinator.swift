import Synchronization

/// Runs named modules' functions on WebAssembly or their Swift fallback, keeping statistics (the
/// guide's `WASMRuntimeCoordinator`).
///
/// Register modules (stringOps is registered by default), `await initialize()`, then call
/// ``execute(module:function:arguments:)`` from any number of tasks at once. Calls before their
/// module is loaded throw ``CoordinatorError/notInitialized(module:)``.
public final class WasmRuntimeCoordinator: Sendable {
    /// A module after loading: its signatures and whichever backends it has.
    struct LoadedModule: Sendable {
        let functions: [String: FunctionSignature]
        let webAssembly: (any ModuleBackend)?
        let fallback: (any ModuleBackend)?
        let report: ModuleLoadReport

        init(loading registration: ModuleRegistration) {
            var webAssembly: (any ModuleBackend)?
            var failure: (any Error)?
            if let load = registration.loadWebAssembly {
                do {
                    webAssembly = try load()
                } catch {
                    failure = error
                }
            }
            self.functions = registration.functions
            self.webAssembly = webAssembly
            self.fallback = registration.fallback
            let backend: ExecutionBackend? =
                webAssembly != nil ? .webAssembly : (registration.fallback != nil ? .swift : nil)
            self.report = ModuleLoadReport(module: registration.name, backend: backend, webAssemblyFailure: failure)
        }
    }

    struct State {
        var policy: ExecutionPolicy
        /// Registration order, for reports.
        var order: [String] = []
        var registrations: [String: ModuleRegistration] = [:]
        var loading: [String: Task<LoadedModule, Never>] = [:]
        var loaded: [String: LoadedModule] = [:]
        var statistics: [String: ModuleStatistics] = [:]
    }

    let state: Mutex<State>

    /// A coordinator with `modules` registered (stringOps by default), not yet initialized.
    public init(policy: ExecutionPolicy = .preferWebAssembly, modules: [ModuleRegistration] = [.stringOps()]) {
        var initial = State(policy: policy)
        for module in modules {
            precondition(initial.registrations[module.name] == nil, "module '\(module.name)' registered twice")
            initial.order.append(module.name)
            initial.registrations[module.name] = module
            initial.statistics[module.name] = ModuleStatistics()
        }
        state = Mutex(initial)
    }

    /// Which backend calls run first; can be changed at any time.
    public var policy: ExecutionPolicy {
        get { state.withLock { $0.policy } }
        set { state.withLock { $0.policy = newValue } }
    }

    /// Adds a module; it can be executed once the next ``initialize()`` has loaded it.
    public func register(_ module: ModuleRegistration) throws(CoordinatorError) {
        try state.withLock { (state) throws(CoordinatorError) in
            guard state.registrations[module.name] == nil else { throw .duplicateModule(module.name) }
            state.order.append(module.name)
            state.registrations[module.name] = module
            state.statistics[module.name] = ModuleStatistics()
        }
    }

    /// The registered modules' names, in registration order.
    public var moduleNames: [String] { state.withLock { $0.order } }

    /// True when every registered module is loaded.
    public var isInitialized: Bool {
        state.withLock { state in state.order.allSatisfy { state.loaded[$0] != nil } }
    }

    /// Loads every registered module not loaded yet (in parallel), and reports for each module
    /// which backend it will use and why WebAssembly did not load, when it did not. Calling it
    /// again, even while a first call is still loading, is safe.
    @discardableResult
    public func initialize() async -> [ModuleLoadReport] {
        let pending = state.withLock { state in
            var pending: [(name: String, task: Task<LoadedModule, Never>)] = []
            for name in state.order where state.loaded[name] == nil {
                if let task = state.loading[name] {
                    pending.append((name, task))
                } else if let registration = state.registrations[name] {
                    let task = Task.detached { LoadedModule(loading: registration) }
                    state.loading[name] = task
                    pending.append((name, task))
                }
            }
            return pending
        }
        for (name, task) in pending {
            let loaded = await task.value
            state.withLock { state in
                state.loaded[name] = loaded
                state.loading[name] = nil
                state.statistics[name, default: ModuleStatistics()].backend = loaded.report.backend
                state.statistics[name, default: ModuleStatistics()].loadFailure =
                    loaded.report.webAssemblyFailure.map { "\($0)" }
            }
        }
        return state.withLock { state in state.order.compactMap { state.loaded[$0]?.report } }
    }

    /// The statistics of one module, or nil if it is not registered.
    public func statistics(for module: String) -> ModuleStatistics? {
        state.withLock { $0.statistics[module] }
    }

    /// The statistics of every registered module, by name.
    public var statistics: [String: ModuleStatistics] {
        state.withLock { $0.statistics }
    }
}
