/// Which backend the coordinator runs first.
public enum ExecutionPolicy: Hashable, Sendable {
    /// WebAssembly when it loaded, the fallback when it did not or when a call fails.
    case preferWebAssembly
    /// The fallback when there is one, WebAssembly otherwise or when the fallback fails.
    case preferFallback
    /// Both, comparing their answers; a disagreement is reported as a ``Divergence`` and the
    /// WebAssembly answer is returned.
    case verify
}

/// What an executed call produced, who produced it and how long it took.
public struct ExecutionResult: Sendable {
    /// The function's result.
    public let value: ExecutionValue
    /// The backend whose answer ``value`` is.
    public let backend: ExecutionBackend
    /// Time spent in the call, including argument checks and, under `.verify`, both backends.
    public let duration: Duration
    /// Why the preferred backend's answer was not used (it failed), if it was not.
    public let fallbackReason: (any Error)?
    /// Under `.verify`, the two answers when they differ.
    public let divergence: Divergence?
}

/// Two backends' different answers to the same call.
public struct Divergence: Sendable, CustomStringConvertible {
    /// A backend's answer: a value or why it failed.
    public enum Outcome: Sendable, CustomStringConvertible {
        case value(ExecutionValue)
        case failure(any Error)

        public var description: String {
            switch self {
            case .value(let value): return value.description
            case .failure(let error): return "failed: \(error)"
            }
        }
    }

    /// What the WebAssembly backend answered.
    public let webAssembly: Outcome
    /// What the Swift fallback answered.
    public let swift: Outcome

    public var description: String {
        "WebAssembly answered \(webAssembly), Swift answered \(swift)"
    }
}

/// How loading a module went in ``WasmRuntimeCoordinator/initialize()``.
public struct ModuleLoadReport: Sendable, CustomStringConvertible {
    /// The registered name of the module.
    public let module: String
    /// The backend calls will prefer under `.preferWebAssembly`; nil when the module has neither.
    public let backend: ExecutionBackend?
    /// Why WebAssembly did not load, when it did not.
    public let webAssemblyFailure: (any Error)?

    public var description: String {
        switch (backend, webAssemblyFailure) {
        case (.webAssembly?, _): return "\(module): WebAssembly"
        case (let backend?, let failure?): return "\(module): \(backend) (WebAssembly unavailable: \(failure))"
        case (let backend?, nil): return "\(module): \(backend)"
        case (nil, let failure): return "\(module): no backend (\(failure.map { "\($0)" } ?? "none registered"))"
        }
    }
}

/// Per-module counters kept by the coordinator.
public struct ModuleStatistics: Sendable {
    /// The backend calls prefer under `.preferWebAssembly`, once loaded.
    public var backend: ExecutionBackend?
    /// Why WebAssembly did not load, when it did not.
    public var loadFailure: String?
    /// Calls executed, including those that failed.
    public var calls = 0
    /// Calls answered by WebAssembly.
    public var webAssemblyCalls = 0
    /// Calls answered by the Swift fallback.
    public var swiftCalls = 0
    /// Backend failures: calls whose preferred backend failed, plus calls that failed altogether.
    public var failures = 0
    /// Calls whose backends disagreed under `.verify`.
    public var divergences = 0
    /// Time spent in all calls.
    public var totalDuration: Duration = .zero

    public init() {}

    /// Mean time per call (zero before the first).
    public var averageDuration: Duration {
        calls == 0 ? .zero : totalDuration / calls
    }
}
