/// Pushes a return address and enters a wasm function whose frame starts at `calleeFrame`;
/// `returnInstance` is the caller's instance when the callee's is another (see `CallFrame`).
/// Returns false (after trapping) when the call stack or the value stack is exhausted, or the
/// run is interrupted (function entries are where an interrupt is noticed, with backward jumps).
@inline(__always)
func pushFrame(returnPC: CodePointer, fp: FramePointer, calleeFrame: FramePointer, frameSlots: Int,
               returnInstance: UnsafeMutablePointer<InstanceState>? = nil, _ state: StatePointer) -> Bool {
    if anyInterruptPending && runIsInterrupted(state) {
        trap(.interrupted, state)
        return false
    }
    let top = state.pointee.frameTop
    guard top < state.pointee.frameEnd, calleeFrame + frameSlots <= state.pointee.stackEnd else {
        trap(.callStackExhausted, state)
        return false
    }
    top.initialize(to: CallFrame(returnPC: returnPC, framePointer: fp, instance: returnInstance))
    state.pointee.frameTop = top + 1
    return true
}

/// A call to a function of the same module. Operands: (argument base), relative entry, frame slots.
@inline(__always)
func handleCallInternal(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    let calleeFrame = fp + slotA(pc)
    guard pushFrame(returnPC: pc + 4, fp: fp, calleeFrame: calleeFrame, frameSlots: Int(truncatingIfNeeded: pc[3]), state) else { return }
    // The entry is not a back-edge: pushFrame has already looked for an interrupt.
    nextFromFramedHandler(pc + Int(truncatingIfNeeded: Int64(bitPattern: pc[2])), calleeFrame, md, ms, state, acc, facc)
}


/// Calls the function with runtime `address` whose arguments start at `calleeFrame`, continuing at `returnPC`.
/// The record's fields are read through its pointer (no copy); a host function is called out of
/// line, so that this path needs no saved registers.
@inline(__always)
func callFunction(address: UInt32, returnPC: CodePointer, fp: FramePointer, calleeFrame: FramePointer,
                  _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    let record = state.pointee.instance.pointee.functionRecords.pointee + Int(address)
    guard let entry = record.pointee.entry, let instance = record.pointee.instance else {
        return callHostAndContinue(record, returnPC: returnPC, fp: fp, calleeFrame: calleeFrame, state, acc, facc)
    }
    guard instance == state.pointee.instance else {
        return callAcrossInstances(record, returnPC: returnPC, fp: fp, calleeFrame: calleeFrame, state, acc, facc)
    }
    guard pushFrame(returnPC: returnPC, fp: fp, calleeFrame: calleeFrame, frameSlots: record.pointee.frameSlots, state) else { return }
    // Same instance, same memory: the registers already describe it.
    nextFromFramedHandler(entry, calleeFrame, md, ms, state, acc, facc)
}

/// Calls the wasm function of another instance that `record` describes: the frame remembers the
/// caller's instance, and the callee's memory is loaded into the registers.
@inline(never)
func callAcrossInstances(_ record: UnsafeMutablePointer<FunctionRecord>, returnPC: CodePointer, fp: FramePointer, calleeFrame: FramePointer,
                         _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    // `callFunction` sent only wasm functions here (they have both).
    guard let entry = record.pointee.entry, let instance = record.pointee.instance else {
        return trap(.hostError("a call across instances reached a function without code"), state)
    }
    guard pushFrame(returnPC: returnPC, fp: fp, calleeFrame: calleeFrame, frameSlots: record.pointee.frameSlots,
                    returnInstance: state.pointee.instance, state) else { return }
    state.pointee.instance = instance
    let memory = instance.pointee.memory0
    nextFromFramedHandler(entry, calleeFrame, memory.pointee.base, memory.pointee.size, state, acc, facc)
}

/// Calls a host function and continues at `returnPC` with the memory reloaded (the host may have grown it).
@inline(never)
func callHostAndContinue(_ record: UnsafeMutablePointer<FunctionRecord>, returnPC: CodePointer, fp: FramePointer, calleeFrame: FramePointer,
                         _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    guard callHostFunction(record.pointee, arguments: calleeFrame, site: returnPC - 1, fp: fp, state) else { return }
    let memory = state.pointee.instance.pointee.memory0
    nextFromFramedHandler(returnPC, fp, memory.pointee.base, memory.pointee.size, state, acc, facc)
}

/// A call through the function index space (imported functions). Operands: (argument base), function index.
@inline(__always)
func handleCallFunction(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    let address = state.pointee.instance.pointee.functions[Int(truncatingIfNeeded: pc[2])]
    callFunction(address: address, returnPC: pc + 3, fp: fp, calleeFrame: fp + slotA(pc), md, ms, state, acc, facc)
}

/// `call_indirect`. Operands: (argument base, selector), type index, table index.
@inline(__always)
func handleCallIndirect(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    callIndirect(pc, returnPC: pc + 4, fp, md, ms, state, acc, facc)
}

/// The call of the `call_indirect` at `pc` (operands as `handleCallIndirect`'s), continuing at `returnPC`.
/// `selectorInAccumulator`: the selector is the integer accumulator's low 32 bits (a table index
/// just loaded or computed), not the slot, which then only receives it on the rare path to a
/// subtype check.
@inline(__always)
func callIndirect(_ pc: CodePointer, returnPC: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer,
                  _ acc: UInt64, _ facc: Double, selectorInAccumulator: Bool = false) {
    let instance = state.pointee.instance
    let table = instance.pointee.tables[Int(truncatingIfNeeded: pc[3])]
    let selector = Int(UInt32(truncatingIfNeeded: selectorInAccumulator ? acc : fp[slotB(pc)]))
    guard selector < table.pointee.count else { return trap(.undefinedElement, state) }
    let reference = table.pointee.elements[selector]
    guard reference != 0 else { return trap(.uninitializedElement, elementIndex: selector, state) }
    let address = UInt32(truncatingIfNeeded: reference - 1)
    // The type check: one comparison of canonical (runtime-wide) type ids.
    let expected = instance.pointee.typeIDs[Int(truncatingIfNeeded: pc[2])]
    guard (instance.pointee.functionRecords.pointee + Int(address)).pointee.typeID == expected else {
        // (The subtype path reads the selector from its slot.)
        if selectorInAccumulator { fp[slotB(pc)] = acc }
        return callIndirectToSubtype(pc, fp, md, ms, state, acc, facc)
    }
    callFunction(address: address, returnPC: returnPC, fp: fp, calleeFrame: fp + slotA(pc), md, ms, state, acc, facc)
}

/// `call_indirect` with the selector in the integer accumulator. Operands: (argument base, the
/// selector's own slot), type index, table index.
@inline(__always)
func handleCallIndirectOnAccumulator(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    callIndirect(pc, returnPC: pc + 4, fp, md, ms, state, acc, facc, selectorInAccumulator: true)
}

/// Returns to the caller (results are already in the frame's first slots).
@inline(__always)
func handleReturnFromFunction(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    let top = state.pointee.frameTop - 1
    let frame = top.pointee
    state.pointee.frameTop = top
    guard let instance = frame.instance, instance != state.pointee.instance else {
        // Same instance, same memory: the registers already describe it (even if the callee grew it).
        nextFromFramedHandler(frame.returnPC, frame.framePointer, md, ms, state, acc, facc)
        return
    }
    state.pointee.instance = instance
    let memory = instance.pointee.memory0
    nextFromFramedHandler(frame.returnPC, frame.framePointer, memory.pointee.base, memory.pointee.size, state, acc, facc)
}

/// Returns one value to the caller: copies it from its slot into the frame's first slot.
@inline(__always)
func handleReturnValue(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    fp[0] = fp[slotA(pc)]
    handleReturnFromFunction(pc, fp, md, ms, state, acc, facc)
}

/// Returns the integer accumulator's value to the caller (in the frame's first slot).
@inline(__always)
func handleReturnAccumulator(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    fp[0] = acc
    handleReturnFromFunction(pc, fp, md, ms, state, acc, facc)
}

/// Returns the float accumulator's value to the caller (its bits, as a slot holds them).
@inline(__always)
func handleReturnFloatAccumulator(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    fp[0] = facc.bitPattern
    handleReturnFromFunction(pc, fp, md, ms, state, acc, facc)
}

/// Ends the run: the entry function returned to the host.
@inline(__always)
func handleExit(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    state.pointee.status = .finished
}

/// Calls a host function with the arguments in the slots at `arguments`, writing its results there.
/// False when the run must stop: a trap, or a `WasmException` the host threw, which is thrown
/// from `site` (an address inside the calling instruction) in the frame at `fp`.
@inline(never)
func callHostFunction(_ record: FunctionRecord, arguments: FramePointer, site: CodePointer, fp: FramePointer, _ state: StatePointer) -> Bool {
    let runtime = state.pointee.runtime.takeUnretainedValue()
    if let reason = runtime.callHost(index: record.hostIndex, slots: arguments, state: state) {
        trap(reason, state)
        return false
    }
    if let exception = runtime.hostException {
        runtime.hostException = nil
        beginThrow(exception, site: site, fp: fp, state)
        return false
    }
    return true
}

extension Handlers {
    static var callInternal: UInt64 { handlerWord { handleCallInternal($0, $1, $2, $3, $4, $5, $6) } }
    static var callFunction: UInt64 { handlerWord { handleCallFunction($0, $1, $2, $3, $4, $5, $6) } }
    static var callIndirect: UInt64 { handlerWord { handleCallIndirect($0, $1, $2, $3, $4, $5, $6) } }
    static var callIndirectOnAccumulator: UInt64 { handlerWord { handleCallIndirectOnAccumulator($0, $1, $2, $3, $4, $5, $6) } }
    static var returnValue: UInt64 { handlerWord { handleReturnValue($0, $1, $2, $3, $4, $5, $6) } }
    static var returnAccumulator: UInt64 { handlerWord { handleReturnAccumulator($0, $1, $2, $3, $4, $5, $6) } }
    static var returnFloatAccumulator: UInt64 { handlerWord { handleReturnFloatAccumulator($0, $1, $2, $3, $4, $5, $6) } }
    static var returnFromFunction: UInt64 { handlerWord { handleReturnFromFunction($0, $1, $2, $3, $4, $5, $6) } }
    static var exit: UInt64 { handlerWord { handleExit($0, $1, $2, $3, $4, $5, $6) } }
}
