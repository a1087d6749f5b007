/// Why a module could not be instantiated.
public enum InstantiationError: Error, CustomStringConvertible {
    /// An import is missing or has the wrong type ("unknown import", "incompatible import type").
    case unlinkable(String)
    /// The start function trapped, or an active segment did not fit its table or memory.
    case trap(Trap)
    /// The system could not provide what the module asked for (for example a huge memory).
    case resourceExhausted(String)
    /// The module needs more than the runtime's `ResourceLimits` allow (more instances,
    /// memories or tables, or larger ones, than the embedder set).
    case limitExceeded(String)
    /// The start function threw an exception that nothing caught.
    case uncaughtException(WasmException)

    public var description: String {
        switch self {
        case .unlinkable(let message): return message
        case .trap(let trap): return trap.description
        case .uncaughtException(let exception): return exception.description
        case .resourceExhausted(let message): return message
        case .limitExceeded(let message): return "resource limit: \(message)"
        }
    }
}

/// A call that could not be made as asked.
public enum InvocationError: Error, CustomStringConvertible {
    /// The instance exports no function of that name.
    case unknownExport(String)
    /// The arguments do not match the function's parameter types.
    case argumentMismatch(String)
    /// A typed function handle's Swift signature does not match the function's type.
    case signatureMismatch(String)

    public var description: String {
        switch self {
        case .unknownExport(let name): return "no exported function named '\(name)'"
        case .argumentMismatch(let message): return "argument mismatch: \(message)"
        case .signatureMismatch(let message): return "signature mismatch: \(message)"
        }
    }
}
