import Synchronization

/// Stops a runtime's call in progress from any thread or task: `interrupt()` makes the running
/// call end with the trap `interrupted` (`TrapReason.interrupted`), after which the runtime and
/// its instances are usable again. Get one from `Runtime.interruptHandle`; it is `Sendable`, so
/// it may be handed to a watchdog thread, a task or a signal-handling path.
///
/// Running code notices an interrupt at the next backward jump (every loop iteration) or call,
/// whichever comes first; straight-line code between them is short, so a call returns promptly
/// (a host function the call is inside of is not interrupted: the call stops once the host
/// function returns). An interrupt applies to the call in progress when it is requested, and to
/// the calls nested inside it through host functions: one requested while no call runs, or
/// after the call ends, is dropped and does not affect the next call.
public final class InterruptHandle: Sendable {
    /// The call generation (incremented when an outermost call starts) shifted left by two, and
    /// the phase in the low two bits (`idle`, `running`, `requested`).
    let word = Atomic<UInt64>(0)

    static let idle: UInt64 = 0
    static let running: UInt64 = 1
    static let requested: UInt64 = 2

    init() {}

    /// Stops the call in progress, if there is one (otherwise does nothing).
    public func interrupt() {
        var current = word.load(ordering: .relaxed)
        while current & 3 == Self.running {
            if request(from: current) { return }
            current = word.load(ordering: .relaxed)
        }
    }

    /// Stops the call of `generation` if it is still in progress (for deadlines, which must not
    /// stop a later call).
    func interrupt(generation: UInt64) {
        _ = request(from: generation << 2 | Self.running)
    }

    /// Moves the word from `expected` (a running call) to that call's `requested` phase and
    /// counts the request process-wide; false when the word was not `expected`.
    private func request(from expected: UInt64) -> Bool {
        // Counted first, so that the count is never below the requests outstanding.
        interruptRequestsPending.wrappingAdd(1, ordering: .relaxed)
        let (exchanged, _) = word.compareExchange(expected: expected, desired: expected & ~3 | Self.requested,
                                                  ordering: .relaxed)
        if !exchanged { interruptRequestsPending.wrappingSubtract(1, ordering: .relaxed) }
        return exchanged
    }

    /// True while an interrupt of the call in progress is pending.
    var isRequested: Bool { word.load(ordering: .relaxed) & 3 == Self.requested }

    /// Marks an outermost call as started: a new generation, running. Returns the generation.
    func beginCall() -> UInt64 {
        let generation = (word.load(ordering: .relaxed) >> 2) &+ 1
        word.store(generation << 2 | Self.running, ordering: .relaxed)
        return generation
    }

    /// Marks the outermost call as ended, dropping an interrupt requested for it.
    func endCall() {
        let (old, _) = word.bitwiseAnd(~3, ordering: .relaxed)
        if old & 3 == Self.requested { interruptRequestsPending.wrappingSubtract(1, ordering: .relaxed) }
    }
}

/// How many interrupts are requested and not yet dropped, in the whole process. Running code
/// reads it at backward jumps and calls (one load, no lock); only when it is not zero does it
/// look up whether its own runtime's call is the one interrupted.
let interruptRequestsPending = Atomic<Int>(0)

/// True when some call in the process has an interrupt pending (the check running code makes).
@inline(__always)
var anyInterruptPending: Bool { interruptRequestsPending.load(ordering: .relaxed) != 0 }
