/// Unwinding: where a thrown exception goes. Nothing here runs unless something throws.
///
/// The exception is looked for in the throwing function's handlers at the throw's position,
/// then in each caller's at its call (the return address on the interpreter's own call stack
/// says where the caller is, and the frame which instance it belongs to), up to the run's entry
/// frame. A handler found resumes the run there: the frames above it are gone, its values are in
/// the slots of its label. When there is none, the exception leaves the run: `execute` throws
/// it to whoever started the run (the embedder, or a host function that called wasm, through
/// which it goes on unwinding in the run that called the host function).
/// <https://webassembly.github.io/spec/core/exec/instructions.html#xref-syntax-instructions-syntax-instr-control-mathsf-throw-ref>

/// Finds the handler for the exception in flight, from the site in `state`; returns where the
/// run resumes, or nil when the exception leaves the run.
@inline(never)
func unwindException(_ state: StatePointer) -> (pc: CodePointer, fp: FramePointer)? {
    state.pointee.runtime.takeUnretainedValue().unwind(state)
}

extension Runtime {
    func unwind(_ state: StatePointer) -> (pc: CodePointer, fp: FramePointer)? {
        guard let exception = exceptionInFlight else { return nil }
        var site = state.pointee.pc
        var fp = state.pointee.fp
        var instance = state.pointee.instance
        var frameTop = state.pointee.frameTop
        while true {
            if let storage = storageByState[instance], let position = storage.code.position(of: site),
               let function = storage.code.function(containing: position),
               let handler = storage.code.exceptionHandlers.handler(for: position, inFunction: function, hasTag: { index in
                   Int(index) < storage.tags.count && storage.tags[Int(index)] === exception.tag
               }) {
                state.pointee.frameTop = frameTop
                state.pointee.instance = instance
                state.pointee.status = .running
                exceptionInFlight = nil
                deliver(exception, to: handler, fp: fp, liveTop: fp + storage.code.frameSlots[function])
                let resume = handler.target == ExceptionHandler.returnsFromFunction ? returnCode : storage.code.base + handler.target
                // A handler may lead back into a loop: an interrupt is noticed here too.
                if anyInterruptPending && runIsInterrupted(state) { return (state.pointee.interruptedCode, fp) }
                return (resume, fp)
            }
            let caller = (frameTop - 1).pointee
            if caller.returnPC == exitCode { return nil }
            frameTop -= 1
            site = caller.returnPC - 1
            fp = caller.framePointer
            instance = caller.instance ?? instance  // nil: the callee's own
        }
    }

    /// Writes what `handler` receives into its slots: the values (for a tag's handler) and the
    /// exception itself (when the handler keeps it), registering the exceptions that become
    /// reachable from wasm storage.
    func deliver(_ exception: WasmException, to handler: ExceptionHandler, fp: FramePointer, liveTop: FramePointer) {
        if case .tag = handler.match {
            exceptionRegistry.register(exceptionsIn: exception.values, liveTop: liveTop)
            var slot = fp + handler.valueSlot
            for value in exception.values {
                value.store(to: slot)
                slot += value.type.slotWidth
            }
        }
        if let referenceSlot = handler.referenceSlot {
            exceptionRegistry.register(exception, liveTop: liveTop)
            fp[referenceSlot] = exception.slot
        }
    }

    /// Why an exception a host function threw cannot enter this runtime's code, or nil if it can.
    func admit(_ exception: WasmException) -> TrapReason? {
        let tag = exception.tag
        guard tag.runtimeIdentifier == ObjectIdentifier(self) else {
            return .hostError("exception with a tag of another runtime")
        }
        let parameters = tag.type.parameters
        guard exception.values.count == parameters.count, zip(exception.values, parameters).allSatisfy({ $0.matches($1) }) else {
            return .hostError("exception values \(exception.values.map(\.type)) do not match \(tag)")
        }
        return nil
    }
}
