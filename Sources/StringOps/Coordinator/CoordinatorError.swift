/// Why the coordinator could not execute a call.
public enum CoordinatorError: Error, CustomStringConvertible {
    /// No module of that name is registered.
    case unknownModule(String)
    /// A module of that name is already registered.
    case duplicateModule(String)
    /// The module is registered but not loaded: `initialize()` has not finished (the guide's
    /// pitfall 6.3).
    case notInitialized(module: String)
    /// The module has no function of that name.
    case unknownFunction(module: String, function: String)
    /// The arguments' kinds do not match the function's parameters (the guide's pitfall 6.5).
    case argumentMismatch(module: String, function: String, expected: [ValueKind], actual: [ValueKind])
    /// Neither WebAssembly nor a fallback can run the module.
    case noBackend(module: String, reason: String)
    /// Every available backend failed; `underlying` is the last failure.
    case executionFailed(module: String, function: String, backend: ExecutionBackend, underlying: any Error)

    public var description: String {
        switch self {
        case .unknownModule(let name):
            return "no module named '\(name)' is registered"
        case .duplicateModule(let name):
            return "a module named '\(name)' is already registered"
        case .notInitialized(let module):
            return "module '\(module)' is not loaded yet: call and await initialize() before execute()"
        case .unknownFunction(let module, let function):
            return "module '\(module)' has no function '\(function)'"
        case .argumentMismatch(let module, let function, let expected, let actual):
            let expectedList = expected.map(\.description).joined(separator: ", ")
            let actualList = actual.map(\.description).joined(separator: ", ")
            return "\(module).\(function) takes (\(expectedList)), given (\(actualList))"
        case .noBackend(let module, let reason):
            return "module '\(module)' cannot run: \(reason)"
        case .executionFailed(let module, let function, let backend, let underlying):
            return "\(module).\(function) failed on \(backend): \(underlying)"
        }
    }
}
