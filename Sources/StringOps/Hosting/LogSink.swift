import Synchronization

/// Receives the values a module passes to `env.log`.
public typealias LogHandler = @Sendable (UInt32) -> Void

/// Where `env.log` calls go: a handler that can be replaced at any time, from any thread.
final class LogSink: Sendable {
    private let handler = Mutex<LogHandler?>(nil)

    /// Replaces the handler; nil drops log calls.
    func setHandler(_ newHandler: LogHandler?) {
        handler.withLock { $0 = newHandler }
    }

    /// Passes `value` to the current handler, if any.
    func emit(_ value: UInt32) {
        let current = handler.withLock { $0 }
        current?(value)
    }
}
