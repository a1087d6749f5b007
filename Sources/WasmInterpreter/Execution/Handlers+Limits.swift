/// Handlers that enforce a runtime's limits on running code: fuel and interruption.

/// Charges one block its fuel: the operand word is the number of wasm instructions the block
/// holds (see Translator+Fuel). Traps with `out of fuel`, charging nothing and running nothing
/// of the block, when less fuel is left than that.
@inline(__always)
func handleConsumeFuel(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    let left = state.pointee.fuel &- Int64(truncatingIfNeeded: pc[1])
    guard left >= 0 else { return trap(.outOfFuel, state) }
    state.pointee.fuel = left
    next(pc + 2, fp, md, ms, state, acc, facc)
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
    static var consumeFuelBySlot32: UInt64 { handlerWord { handleConsumeFuelBySlot32($0, $1, $2, $3, $4, $5, $6) } }
    static var consumeFuelBySlot64: UInt64 { handlerWord { handleConsumeFuelBySlot64($0, $1, $2, $3, $4, $5, $6) } }
    static var interrupted: UInt64 { handlerWord { handleInterrupted($0, $1, $2, $3, $4, $5, $6) } }
}
