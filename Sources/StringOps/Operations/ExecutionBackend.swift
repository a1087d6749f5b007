/// Which implementation answered a call: the WebAssembly module run by the interpreter, or the
/// pure-Swift fallback with the same semantics.
public enum ExecutionBackend: String, Hashable, Sendable, CustomStringConvertible {
    case webAssembly
    case swift

    /// "WebAssembly" or "Swift".
    public var description: String {
        switch self {
        case .webAssembly: return "WebAssembly"
        case .swift: return "Swift"
        }
    }
}
