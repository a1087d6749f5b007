#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Interrupts calls that outlive their time limit (`Runtime.callTimeLimit`). One thread, started
/// the first time a limit is used, serves every runtime in the process: it sleeps until the
/// earliest deadline and interrupts that call's generation, so a deadline can never stop a later
/// call. Registering and removing a deadline take a lock, once per call with a limit; nothing on
/// the interpreter's paths does.
final class DeadlineWatcher: @unchecked Sendable {
    static let shared = DeadlineWatcher()

    private struct Entry {
        let id: Int
        /// `monotonicNanoseconds()` at which the call is interrupted.
        let deadline: UInt64
        let handle: InterruptHandle
        let generation: UInt64
    }

    // All mutable state below is guarded by `mutex`.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>
    private var entries: [Entry] = []
    private var nextID = 0
    private var threadStarted = false

    private init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        condition = .allocate(capacity: 1)
        condition.initialize(to: pthread_cond_t())
        #if canImport(Darwin)
        pthread_cond_init(condition, nil)
        #else
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
        #endif
    }

    /// Interrupts `handle`'s call of `generation` once `limit` has passed, unless `remove` comes
    /// first. Returns the id to remove it by, or nil when no watcher thread can be started (the
    /// call then runs without a time limit).
    func add(after limit: Duration, handle: InterruptHandle, generation: UInt64) -> Int? {
        let deadline = Self.monotonicNanoseconds() &+ Self.nanoseconds(limit)
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        guard threadStarted || startThread() else { return nil }
        nextID += 1
        entries.append(Entry(id: nextID, deadline: deadline, handle: handle, generation: generation))
        pthread_cond_signal(condition)
        return nextID
    }

    /// Forgets the deadline `add` returned `id` for (the call ended in time, or was interrupted).
    func remove(_ id: Int) {
        pthread_mutex_lock(mutex)
        entries.removeAll { $0.id == id }
        pthread_mutex_unlock(mutex)
    }

    /// Starts the watcher thread (with `mutex` held); false when the system refuses.
    private func startThread() -> Bool {
        var thread = pthread_t()
        let result = pthread_create(&thread, nil, { _ in DeadlineWatcher.shared.watch() }, nil)
        guard result == 0 else { return false }
        pthread_detach(thread)
        threadStarted = true
        return true
    }

    /// The watcher thread's loop: interrupt what is due, then sleep until the next deadline or
    /// until a deadline is added.
    private func watch() -> UnsafeMutableRawPointer? {
        pthread_mutex_lock(mutex)
        while true {
            let now = Self.monotonicNanoseconds()
            for entry in entries where entry.deadline <= now {
                entry.handle.interrupt(generation: entry.generation)
            }
            entries.removeAll { $0.deadline <= now }
            guard let earliest = entries.map(\.deadline).min() else {
                pthread_cond_wait(condition, mutex)
                continue
            }
            wait(nanoseconds: earliest - now)
        }
    }

    /// Waits on the condition for at most `nanoseconds` (with `mutex` held).
    private func wait(nanoseconds: UInt64) {
        #if canImport(Darwin)
        var relative = timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
        pthread_cond_timedwait_relative_np(condition, mutex, &relative)
        #else
        let until = Self.monotonicNanoseconds() &+ nanoseconds
        var absolute = timespec(tv_sec: Int(until / 1_000_000_000), tv_nsec: Int(until % 1_000_000_000))
        pthread_cond_timedwait(condition, mutex, &absolute)
        #endif
    }

    /// The monotonic clock, in nanoseconds.
    static func monotonicNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
    }

    /// `duration` in nanoseconds, at least 0 and at most about 292 years.
    static func nanoseconds(_ duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0, attoseconds >= 0 else { return 0 }
        guard seconds < 9_000_000_000 else { return UInt64(9_000_000_000) * 1_000_000_000 }
        return UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
    }
}
