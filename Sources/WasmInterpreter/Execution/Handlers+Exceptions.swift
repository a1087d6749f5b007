/// `throw`, `throw_ref` and the legacy `rethrow` (which is `throw_ref` of the slot where the
/// catch body keeps what it caught). A throw stops the handlers (`ExecutionStatus.throwing`);
/// `ExecutionState.run` then finds the handler to resume at (Runtime+Exceptions). Code that does
/// not throw runs no instruction for exception handling.

/// `throw x`. Operands: (first value), tag index.
@inline(__always)
func handleThrow(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    throwNewException(tagIndex: Int(truncatingIfNeeded: pc[2]), values: fp + slotA(pc), site: pc, fp: fp, state)
}

/// `throw_ref`, and `rethrow`. Operands: (the exception reference).
@inline(__always)
func handleThrowReference(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    let reference = fp[slotA(pc)]
    guard reference != 0 else { return trap(.nullExceptionReference, state) }
    throwAgain(reference, site: pc, fp: fp, state)
}

/// Creates the exception `throw` throws: the tag of the current instance's tag index, and the
/// values in the slots from `values`.
@inline(never)
func throwNewException(tagIndex: Int, values: FramePointer, site: CodePointer, fp: FramePointer, _ state: StatePointer) {
    let runtime = state.pointee.runtime.takeUnretainedValue()
    guard let tag = runtime.storageByState[state.pointee.instance]?.tags[tagIndex] else {
        return trap(.hostError("no tag \(tagIndex) in the running instance"), state)
    }
    var carried: [Value] = []
    carried.reserveCapacity(tag.type.parameters.count)
    var slot = values
    for type in tag.type.parameters {
        carried.append(Value(slots: slot, type: type))
        slot += type.slotWidth
    }
    beginThrow(WasmException(tag: tag, values: carried), site: site, fp: fp, state)
}

/// Throws the exception an `exnref` slot holds (not null).
@inline(never)
func throwAgain(_ reference: UInt64, site: CodePointer, fp: FramePointer, _ state: StatePointer) {
    guard let exception = WasmException.fromSlot(reference) else { return trap(.nullExceptionReference, state) }
    beginThrow(exception, site: site, fp: fp, state)
}

/// Stops the handlers with `exception` in flight, thrown from `site` in the frame at `fp`.
func beginThrow(_ exception: WasmException, site: CodePointer, fp: FramePointer, _ state: StatePointer) {
    state.pointee.runtime.takeUnretainedValue().exceptionInFlight = exception
    state.pointee.pc = site
    state.pointee.fp = fp
    state.pointee.status = .throwing
}

extension Handlers {
    static var `throw`: UInt64 { handlerWord { handleThrow($0, $1, $2, $3, $4, $5, $6) } }
    static var throwReference: UInt64 { handlerWord { handleThrowReference($0, $1, $2, $3, $4, $5, $6) } }
}
