/// What a runtime keeps about the limits of its calls: fuel, interruption and time limits.
struct CallLimits {
    /// Whether the runtime's code consumes fuel (`RuntimeConfiguration.fuel` was set).
    let consumesFuel: Bool
    /// Fuel left between runs; a run works on its own copy (`ExecutionState.fuel`).
    var fuel: Int64
    /// Runs in progress: 1 for a call from the embedder, more for calls nested in it through host
    /// functions.
    var depth = 0
    /// The runtime's interrupt handle, once the embedder asked for it (or set a time limit).
    var handle: InterruptHandle?
    /// While an outermost call runs: whether it began a generation of the handle, and its
    /// deadline, for `endOutermostCall`.
    var handleEntered = false
    var deadline: Int?

    init(fuel: UInt64?) {
        consumesFuel = fuel != nil
        self.fuel = Int64(clamping: fuel ?? 0)
    }
}

extension Runtime {
    /// The handle that stops this runtime's call in progress from another thread or task (see
    /// `InterruptHandle`). Ask for it on the runtime's thread, before the calls you may want to
    /// stop (asked for during a call, it applies from the next call on); a runtime that never
    /// hands one out does no bookkeeping for interruption when its calls start and end.
    public var interruptHandle: InterruptHandle {
        if let handle = callLimits.handle { return handle }
        let handle = InterruptHandle()
        callLimits.handle = handle
        return handle
    }

    /// The fuel left, or nil for a runtime whose configuration sets no `fuel` (its code does not
    /// consume any). Assign to refill it between calls (or from a host function, for the rest of
    /// the call); assigning to a runtime without fuel changes nothing, since whether code
    /// consumes fuel is decided when its instances are created. Values above `Int64.max` are
    /// taken as `Int64.max`.
    public var fuel: UInt64? {
        get { callLimits.consumesFuel ? UInt64(max(callLimits.fuel, 0)) : nil }
        set {
            guard callLimits.consumesFuel, let newValue else { return }
            callLimits.fuel = Int64(clamping: newValue)
        }
    }

    /// Before the outermost call runs: makes it interruptible when there is a handle, and
    /// starts its time limit.
    func beginOutermostCall() {
        if callTimeLimit != nil { _ = interruptHandle }
        guard let handle = callLimits.handle else { return }
        callLimits.handleEntered = true
        let generation = handle.beginCall()
        if let limit = callTimeLimit {
            callLimits.deadline = DeadlineWatcher.shared.add(after: limit, handle: handle, generation: generation)
        }
    }

    /// After the outermost call: ends its time limit and drops an interrupt it did not notice.
    func endOutermostCall() {
        if let deadline = callLimits.deadline {
            DeadlineWatcher.shared.remove(deadline)
            callLimits.deadline = nil
        }
        guard callLimits.handleEntered, let handle = callLimits.handle else { return }
        handle.endCall()
        callLimits.handleEntered = false
    }
}
