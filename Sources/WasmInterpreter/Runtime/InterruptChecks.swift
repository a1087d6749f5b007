/// Where running code notices an interrupt: at jumps backwards (`jumpTarget`) and at calls
/// (`pushFrame`). Both first read the process-wide count of pending requests, one load that is
/// almost always zero, and only then whether their own run's handle is the one interrupted; both
/// checks are inline loads, so that a handler stays a leaf that tail-calls the next one.

/// True when the run `state` belongs to has an interrupt pending.
@inline(__always)
func runIsInterrupted(_ state: StatePointer) -> Bool {
    guard let handle = state.pointee.interruptHandle else { return false }
    return handle._withUnsafeGuaranteedRef { $0.isRequested }
}
