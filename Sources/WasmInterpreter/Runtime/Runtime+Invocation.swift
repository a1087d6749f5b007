import WasmBinary

extension Runtime {
    /// Calls the function at `address` with `arguments` and returns its results.
    func invoke(address: UInt32, arguments: [Value]) throws -> [Value] {
        let type = functionTypes[Int(address)]
        guard arguments.count == type.parameters.count else {
            throw InvocationError.argumentMismatch("expected \(type.parameters.count) arguments, got \(arguments.count)")
        }
        for (index, (argument, parameter)) in zip(arguments, type.parameters).enumerated() where !argument.matches(parameter) {
            throw InvocationError.argumentMismatch("argument \(index) is \(argument.type), expected \(parameter)")
        }
        // Host → wasm → host nesting uses the native stack: refuse a call that would overflow it.
        guard nativeStack.hasRoom() else { throw Trap(.callStackExhausted) }
        let record = records[Int(address)]
        guard let entry = record.entry, let instance = record.instance else {
            return try callHostDirectly(index: record.hostIndex, arguments: arguments)
        }
        let base = stackTop
        let needed = max(record.frameSlots, record.resultSlots)
        guard frameTop < maxCallDepth, base + needed <= valueStackEnd else {
            throw Trap(.callStackExhausted)
        }
        exceptionRegistry.register(exceptionsIn: arguments, liveTop: base)
        var slot = base
        for argument in arguments {
            argument.store(to: slot)
            slot += argument.type.slotWidth
        }
        try execute(entry: entry, instance: instance, frame: base)
        var results: [Value] = []
        results.reserveCapacity(type.results.count)
        slot = base
        for result in type.results {
            results.append(Value(slots: slot, type: result))
            slot += result.slotWidth
        }
        return results
    }

    /// Runs the wasm function at `entry` of `instance` on the frame at `frame`, which holds its
    /// arguments and receives its results; the caller has checked that the stacks have room.
    /// Allocates nothing unless it traps or throws. Throws `Trap`, the `WasmException` that left
    /// the run uncaught, or the error a host function threw.
    func execute(entry: CodePointer, instance: UnsafeMutablePointer<InstanceState>, frame base: FramePointer) throws {
        var state = ExecutionState(
            instance: instance, frameTop: callFrames + frameTop + 1, frameEnd: callFrames + maxCallDepth,
            stackEnd: valueStackEnd, status: .running,
            trapReason: nil, trapElementIndex: nil, runtime: Unmanaged.passUnretained(self), pc: entry, fp: base,
            memoryBase: instance.pointee.memory0.pointee.base, memorySize: instance.pointee.memory0.pointee.size)
        // The entry frame returns to the exit program, which ends the run.
        (callFrames + frameTop).initialize(to: CallFrame(returnPC: exitCode, framePointer: base, instance: instance))
        withUnsafeMutablePointer(to: &state) { pointer in
            ExecutionState.run(pointer, pc: entry, fp: base)
        }
        if state.status == .throwing, let exception = exceptionInFlight {
            exceptionInFlight = nil
            throw exception
        }
        if state.status == .trapped {
            // A host function's own error ended the run: the embedder gets it as thrown.
            if let error = pendingHostError {
                pendingHostError = nil
                throw error
            }
            throw Trap(state.trapReason ?? .unreachable, elementIndex: state.trapElementIndex)
        }
    }

    /// Runs a host function called from wasm, with its arguments in `slots`; writes its results
    /// there. Returns the reason to trap, or nil on success. An error other than `Trap` is kept in
    /// `pendingHostError` for `invoke` to rethrow once the run has unwound.
    func callHost(index: Int, slots: FramePointer, state: StatePointer) -> TrapReason? {
        let host = hostFunctions[index]
        var arguments: [Value] = []
        arguments.reserveCapacity(host.type.parameters.count)
        var slot = slots
        for parameter in host.type.parameters {
            arguments.append(Value(slots: slot, type: parameter))
            slot += parameter.slotWidth
        }
        // Wasm called from inside the host function runs above the caller's frame.
        let savedTop = stackTop, savedFrameTop = frameTop
        let width = max(host.type.parameters.reduce(0) { $0 + $1.slotWidth }, host.type.results.reduce(0) { $0 + $1.slotWidth })
        stackTop = slots + width
        frameTop = state.pointee.frameTop - callFrames
        defer {
            stackTop = savedTop
            frameTop = savedFrameTop
        }
        let results: [Value]
        do {
            results = try host.body(arguments)
        } catch let trap as Trap {
            return trap.reason
        } catch let exception as WasmException {
            if let reason = admit(exception) { return reason }
            hostException = exception
            return nil
        } catch {
            pendingHostError = error
            return .hostError("\(error)")
        }
        guard results.map(\.type) == host.type.results else {
            return .hostError("host function returned \(results.map(\.type)), expected \(host.type.results)")
        }
        exceptionRegistry.register(exceptionsIn: results, liveTop: slots + width)
        slot = slots
        for result in results {
            result.store(to: slot)
            slot += result.type.slotWidth
        }
        return nil
    }

    /// Calls a host function from the embedder.
    func callHostDirectly(index: Int, arguments: [Value]) throws -> [Value] {
        let host = hostFunctions[index]
        let results = try host.body(arguments)
        guard results.map(\.type) == host.type.results else {
            throw Trap(.hostError("host function returned \(results.map(\.type)), expected \(host.type.results)"))
        }
        return results
    }
}
