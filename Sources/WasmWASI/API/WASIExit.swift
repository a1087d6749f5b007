/// The program called `proc_exit`: thrown through the run (by `Instance.invoke` and
/// `Function.call`) to the embedder, carrying the exit code. `WASI.start` turns it into its result.
public struct WASIExit: Error, Equatable, Sendable, CustomStringConvertible {
    /// The code the program passed to `proc_exit`.
    public let code: UInt32

    /// The exit of a program that called `proc_exit(code)`.
    public init(code: UInt32) {
        self.code = code
    }

    /// "the program exited with code N".
    public var description: String { "the program exited with code \(code)" }
}

/// Why a WASI environment could not be set up, or a module could not be run with it.
public enum WASIError: Error, CustomStringConvertible {
    /// A preopened directory could not be opened on the host.
    case cannotOpenDirectory(path: String, WASIErrno)
    /// A file for a standard stream could not be opened on the host.
    case cannotOpenStream(path: String, WASIErrno)
    /// A guest path for a preopened directory is empty or contains a NUL byte.
    case invalidGuestPath(String)
    /// The module exports no `_start` function: it is not a WASI command.
    case notACommand
    /// A WASI function that reads or writes memory was called without one: the module exports no
    /// memory named `memory`, or the call came before `bind(to:)` (from a start function).
    case noMemory(function: String)

    /// What went wrong, in words for a user.
    public var description: String {
        switch self {
        case .cannotOpenDirectory(let path, let errno): return "cannot preopen directory \(path): \(errno.meaning)"
        case .cannotOpenStream(let path, let errno): return "cannot open \(path): \(errno.meaning)"
        case .invalidGuestPath(let path): return "invalid guest path '\(path)' for a preopened directory"
        case .notACommand: return "the module exports no '_start' function: it is not a WASI command"
        case .noMemory(let function):
            return "\(function) needs the module's memory, but the module exports no memory named 'memory' (or it was called before bind(to:))"
        }
    }
}
