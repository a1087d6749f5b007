#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The clocks WASI names (`clockid`).
public enum WASIClockID: UInt32, Sendable, CaseIterable {
    /// Wall-clock time: nanoseconds since 1970-01-01T00:00:00Z.
    case realtime
    /// Time that only moves forward, from an arbitrary start.
    case monotonic
    /// CPU time used by the process.
    case processCPUTime
    /// CPU time used by the calling thread.
    case threadCPUTime
}

/// The time a WASI program sees: what `clock_time_get` and `clock_res_get` return, and how
/// `poll_oneoff` waits. Inject one to make a program's view of time deterministic.
public protocol WASIClock {
    /// The current time of `clock`, in nanoseconds; nil when the clock is not provided.
    func now(_ clock: WASIClockID) -> UInt64?
    /// The resolution of `clock`, in nanoseconds (more than 0); nil when not provided.
    func resolution(_ clock: WASIClockID) -> UInt64?
    /// Waits for `nanoseconds` to pass (a test clock may just move its time on).
    func sleep(nanoseconds: UInt64)
}

/// The host's clocks (`clock_gettime`) and a real sleep (`nanosleep`).
public struct SystemClock: WASIClock {
    /// The host's clocks.
    public init() {}

    /// The host clock's time (`clock_gettime`), in nanoseconds.
    public func now(_ clock: WASIClockID) -> UInt64? {
        var time = timespec()
        guard clock_gettime(Self.hostClock(clock), &time) == 0 else { return nil }
        return FileStatus.nanoseconds(time)
    }

    /// The host clock's resolution (`clock_getres`), at least 1 ns.
    public func resolution(_ clock: WASIClockID) -> UInt64? {
        var time = timespec()
        guard clock_getres(Self.hostClock(clock), &time) == 0 else { return nil }
        return max(FileStatus.nanoseconds(time), 1)
    }

    /// Sleeps (`nanosleep`, resumed after signals) for `nanoseconds`.
    public func sleep(nanoseconds: UInt64) {
        let seconds = nanoseconds / 1_000_000_000
        var request = timespec(tv_sec: Int(clamping: seconds), tv_nsec: Int(nanoseconds % 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&request, &remaining) == -1 && errno == EINTR {
            request = remaining
        }
    }

    static func hostClock(_ clock: WASIClockID) -> clockid_t {
        switch clock {
        case .realtime: return CLOCK_REALTIME
        case .monotonic: return CLOCK_MONOTONIC
        case .processCPUTime: return CLOCK_PROCESS_CPUTIME_ID
        case .threadCPUTime: return CLOCK_THREAD_CPUTIME_ID
        }
    }
}
