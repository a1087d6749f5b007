/// Tail calls: `return_call`, `return_call_indirect` and `return_call_ref`. The callee's frame
/// replaces the caller's: the arguments move down to the frame's base and control jumps to the
/// callee without pushing a return address, so a chain of tail calls runs in constant space on
/// both the value stack and the call stack. The caller's return address (already on the call
/// stack) is where the callee returns.
/// <https://webassembly.github.io/spec/core/exec/instructions.html#xref-syntax-instructions-syntax-instr-control-mathsf-return-call-x>

/// Moves `count` argument slots from `arguments` down to the frame base `frame` (arguments lie
/// at or above it, so copying upwards from the first slot never overwrites one not yet moved).
@inline(__always)
func moveArguments(from arguments: FramePointer, to frame: FramePointer, count: Int) {
    var index = 0
    while index < count {
        frame[index] = arguments[index]
        index += 1
    }
}

/// `return_call` of a function of the same module. Operands: (argument base, argument slots),
/// relative entry, frame slots (the same layout as a call, so the same fixups patch it).
@inline(__always)
func handleReturnCallInternal(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    guard fp + Int(truncatingIfNeeded: pc[3]) <= state.pointee.stackEnd else { return trap(.callStackExhausted, state) }
    moveArguments(from: fp + slotA(pc), to: fp, count: slotB(pc))
    next(jumpTarget(pc, pc[2], state), fp, md, ms, state, acc, facc)
}

/// Tail-calls the function with runtime `address`, its `count` argument slots at `arguments`.
/// A wasm callee (of any instance) takes over the frame; a host callee is called with its
/// arguments moved to the frame base and then the frame returns its results.
@inline(__always)
func tailCallFunction(address: UInt32, fp: FramePointer, arguments: FramePointer, count: Int,
                      _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    let record = state.pointee.instance.pointee.functionRecords.pointee[Int(address)]
    if let entry = record.entry, let instance = record.instance {
        guard fp + record.frameSlots <= state.pointee.stackEnd else { return trap(.callStackExhausted, state) }
        moveArguments(from: arguments, to: fp, count: count)
        // A tail call enters a function without pushing a frame: the interrupt check is here.
        if anyInterruptPending && runIsInterrupted(state) { return next(state.pointee.interruptedCode, fp, md, ms, state, acc, facc) }
        if instance == state.pointee.instance {
            next(entry, fp, md, ms, state, acc, facc)
            return
        }
        // The caller's frame may say "the instance running at the return" (nil): that stops
        // being this one.
        let callerFrame = state.pointee.frameTop - 1
        if callerFrame.pointee.instance == nil { callerFrame.pointee.instance = state.pointee.instance }
        state.pointee.instance = instance
        let memory = instance.pointee.memory0
        next(entry, fp, memory.pointee.base, memory.pointee.size, state, acc, facc)
        return
    }
    guard tailCallHostFunction(record, fp: fp, arguments: arguments, count: count, state) else { return }
    // The host may have grown the memory: return with the registers reloaded.
    let memory = state.pointee.instance.pointee.memory0
    handleReturnFromFunction(fp, fp, memory.pointee.base, memory.pointee.size, state, acc, facc)
}

/// The host half of a tail call: the arguments move to the frame base, where the results land.
/// An exception the host throws leaves from the caller's caller (the tail-calling frame is gone),
/// so its site is outside any function's handlers.
@inline(never)
func tailCallHostFunction(_ record: FunctionRecord, fp: FramePointer, arguments: FramePointer, count: Int, _ state: StatePointer) -> Bool {
    guard fp + max(record.parameterSlots, record.resultSlots) <= state.pointee.stackEnd else {
        trap(.callStackExhausted, state)
        return false
    }
    moveArguments(from: arguments, to: fp, count: count)
    let site = state.pointee.runtime.takeUnretainedValue().returnCode
    return callHostFunction(record, arguments: fp, site: site, fp: fp, state)
}

/// `return_call` through the function index space (imported functions). Operands: (argument
/// base, argument slots), function index.
@inline(__always)
func handleReturnCallFunction(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    let address = state.pointee.instance.pointee.functions[Int(truncatingIfNeeded: pc[2])]
    tailCallFunction(address: address, fp: fp, arguments: fp + slotA(pc), count: slotB(pc), md, ms, state, acc, facc)
}

/// `return_call_indirect`. Operands: (argument base, selector, argument slots), type index, table
/// index. A `wide` selector (of a 64-bit table) is the whole slot, a narrow one its low 32 bits.
@inline(__always)
func handleReturnCallIndirect(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double, wide: Bool) {
    let instance = state.pointee.instance
    let table = instance.pointee.tables[Int(truncatingIfNeeded: pc[3])]
    let slot = fp[slotB(pc)]
    let wideSelector = wide ? slot : UInt64(UInt32(truncatingIfNeeded: slot))
    guard wideSelector < UInt64(table.pointee.count) else { return trap(.undefinedElement, state) }
    let selector = Int(wideSelector)
    let reference = table.pointee.elements[selector]
    guard reference != 0 else { return trap(.uninitializedElement, elementIndex: selector, state) }
    let address = UInt32(truncatingIfNeeded: reference - 1)
    let expected = instance.pointee.typeIDs[Int(truncatingIfNeeded: pc[2])]
    let actual = instance.pointee.functionRecords.pointee[Int(address)].typeID
    guard actual == expected || isFunctionSubtype(actual, of: expected, state) else {
        return trap(.indirectCallTypeMismatch, state)
    }
    tailCallFunction(address: address, fp: fp, arguments: fp + slotA(pc), count: slotD(pc), md, ms, state, acc, facc)
}

/// `return_call_ref`. Operands: (argument base, reference, argument slots).
@inline(__always)
func handleReturnCallReference(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    let reference = fp[slotB(pc)]
    guard reference != 0 else { return trap(.nullFunctionReference, state) }
    tailCallFunction(address: UInt32(truncatingIfNeeded: reference &- 1), fp: fp, arguments: fp + slotA(pc), count: slotD(pc),
                     md, ms, state, acc, facc)
}

extension Handlers {
    static var returnCallInternal: UInt64 { handlerWord { handleReturnCallInternal($0, $1, $2, $3, $4, $5, $6) } }
    static var returnCallFunction: UInt64 { handlerWord { handleReturnCallFunction($0, $1, $2, $3, $4, $5, $6) } }
    static var returnCallIndirect: UInt64 { handlerWord { handleReturnCallIndirect($0, $1, $2, $3, $4, $5, $6, wide: false) } }
    /// `return_call_indirect` through a 64-bit table.
    static var returnCallIndirect64: UInt64 { handlerWord { handleReturnCallIndirect($0, $1, $2, $3, $4, $5, $6, wide: true) } }
    static var returnCallReference: UInt64 { handlerWord { handleReturnCallReference($0, $1, $2, $3, $4, $5, $6) } }
}
