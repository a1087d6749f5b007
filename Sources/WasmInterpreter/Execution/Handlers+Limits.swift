/// Handlers that enforce a runtime's limits on running code: fuel and interruption.

/// Takes `cost` units of fuel; false (after trapping with `out of fuel`, taking nothing) when
/// less is left.
@inline(__always)
func takeFuel(_ cost: UInt64, _ state: StatePointer) -> Bool {
    let left = state.pointee.fuel &- Int64(truncatingIfNeeded: cost)
    guard left >= 0 else {
        trap(.outOfFuel, state)
        return false
    }
    state.pointee.fuel = left
    return true
}

/// Charges one block its fuel: the operand word is what the block's instructions cost (see
/// Translator+Fuel). Traps with `out of fuel`, charging nothing and running nothing of the
/// block, when less fuel is left than that.
@inline(__always)
func handleConsumeFuel(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    guard takeFuel(pc[1], state) else { return }
    next(pc + 2, fp, md, ms, state, acc, facc)
}

/// A call to a function of the same module in code that consumes fuel: charges the callee's
/// first block and enters past that block's charge. Operands: (argument base), relative entry
/// (past the charge), frame slots, fuel.
@inline(__always)
func handleMeteredCallInternal(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    let calleeFrame = fp + slotA(pc)
    guard pushFrame(returnPC: pc + 5, fp: fp, calleeFrame: calleeFrame, frameSlots: Int(truncatingIfNeeded: pc[3]), state) else { return }
    // After the push, as the entry's own charge would be: a call too deep traps on the stack.
    guard takeFuel(pc[4], state) else { return }
    next(pc + Int(truncatingIfNeeded: Int64(bitPattern: pc[2])), calleeFrame, md, ms, state, acc, facc)
}

/// A loop's back-edge `br` in code that consumes fuel: charges the block it leads to (operand
/// word 2) and jumps past that block's charge. Operands: relative target, fuel.
@inline(__always)
func handleMeteredJump(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    guard takeFuel(pc[2], state) else { return }
    next(jumpTarget(pc, pc[1], state), fp, md, ms, state, acc, facc)
}

/// A loop's back-edge `br_if` in code that consumes fuel. Operands: (condition), relative
/// target, fuel.
@inline(__always)
func handleMeteredBranchIfNotZero(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    if UInt32(truncatingIfNeeded: fp[slotA(pc)]) != 0 {
        guard takeFuel(pc[3], state) else { return }
        next(jumpTarget(pc, pc[2], state), fp, md, ms, state, acc, facc)
    } else {
        next(pc + 4, fp, md, ms, state, acc, facc)
    }
}

/// Charges a bulk instruction's work, the count in the slot the operand word names (its low 32
/// bits), next to the instruction (see Translator+Fuel); traps with `out of fuel`, charging
/// nothing, when less is left.
@inline(__always)
func handleConsumeFuelBySlot32(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    let count = Int64(UInt32(truncatingIfNeeded: fp[Int(truncatingIfNeeded: pc[1])]))
    let left = state.pointee.fuel &- count
    guard left >= 0 else { return trap(.outOfFuel, state) }
    state.pointee.fuel = left
    next(pc + 2, fp, md, ms, state, acc, facc)
}

/// `handleConsumeFuelBySlot32` for a 64-bit count (a 64-bit memory's or table's).
@inline(__always)
func handleConsumeFuelBySlot64(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    let count = fp[Int(truncatingIfNeeded: pc[1])]
    let fuel = state.pointee.fuel
    guard count <= UInt64(max(fuel, 0)) else { return trap(.outOfFuel, state) }
    state.pointee.fuel = fuel &- Int64(count)
    next(pc + 2, fp, md, ms, state, acc, facc)
}

/// Ends the run with the trap `interrupted`: where a backward jump leads once the call is
/// interrupted (`ExecutionState.interruptedCode`, a program of this one instruction).
@inline(__always)
func handleInterrupted(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    trap(.interrupted, state)
}

extension Handlers {
    static var consumeFuel: UInt64 { handlerWord { handleConsumeFuel($0, $1, $2, $3, $4, $5, $6) } }
    static var meteredCallInternal: UInt64 { handlerWord { handleMeteredCallInternal($0, $1, $2, $3, $4, $5, $6) } }
    static var meteredJump: UInt64 { handlerWord { handleMeteredJump($0, $1, $2, $3, $4, $5, $6) } }
    static var meteredBranchIfNotZero: UInt64 { handlerWord { handleMeteredBranchIfNotZero($0, $1, $2, $3, $4, $5, $6) } }
    static var consumeFuelBySlot32: UInt64 { handlerWord { handleConsumeFuelBySlot32($0, $1, $2, $3, $4, $5, $6) } }
    static var consumeFuelBySlot64: UInt64 { handlerWord { handleConsumeFuelBySlot64($0, $1, $2, $3, $4, $5, $6) } }
    static var interrupted: UInt64 { handlerWord { handleInterrupted($0, $1, $2, $3, $4, $5, $6) } }
}
