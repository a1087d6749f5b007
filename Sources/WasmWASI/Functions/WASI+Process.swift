#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension WASI {
    /// `proc_exit(code)`: ends the run, carrying the code to the embedder (`WASIExit`).
    func procExit(_ call: WASICall) throws {
        throw WASIExit(code: call.u32(0))
    }

    /// `proc_raise(signal)`: signals are not delivered to a WASI program; `nosys`, as for any
    /// function the host does not provide (`inval` for a number that names no signal).
    func procRaise(_ call: WASICall) throws {
        guard call.u32(0) <= 30 else { throw WASIErrno.inval }
        throw WASIErrno.nosys
    }

    /// `sched_yield()`: lets other threads of the host run.
    func schedYield(_ call: WASICall) throws {
        _ = sched_yield()
    }
}
