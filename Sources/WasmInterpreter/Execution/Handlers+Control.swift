/// Handlers for control flow, moves and constants.
enum Handlers {}

/// Where a relative jump operand leads, from the instruction at `pc`. A jump taken is where a
/// pending interrupt is noticed (every loop iteration takes one, its back-edge): once the run is
/// interrupted, it leads to code that traps instead (see InterruptChecks.swift).
@inline(__always)
func jumpTarget(_ pc: CodePointer, _ operand: UInt64, _ state: StatePointer) -> CodePointer {
    if anyInterruptPending && runIsInterrupted(state) { return state.pointee.interruptedCode }
    return pc + Int(truncatingIfNeeded: Int64(bitPattern: operand))
}

@inline(__always)
func handleUnreachable(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    trap(.unreachable, state)
}

/// Zeroes `count` slots from the first operand's: the declared locals of a function with few of
/// them, at entry. With the count a constant, the stores are straight-line code (no call).
@inline(__always)
func handleZeroFewSlots(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer,
                        _ acc: UInt64, _ facc: Double, count: Int) {
    let first = fp + slotA(pc)
    for index in 0..<count { first[index] = 0 }
    next(pc + 2, fp, md, ms, state, acc, facc)
}

/// Zeroes a run of slots: the declared locals at function entry. Operands: (first, count).
@inline(__always)
func handleZeroSlots(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    (fp + slotA(pc)).update(repeating: 0, count: slotB(pc))
    next(pc + 2, fp, md, ms, state, acc, facc)
}

@inline(__always)
func handleCopy(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) -> Continuation {
    fp[slotD(pc)] = fp[slotA(pc)]
    return Continuation(pc: pc + 2, acc: acc, facc: facc)
}

@inline(__always)
func handleCopy128(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    let source = slotA(pc), destination = slotD(pc)
    fp[destination] = fp[source]
    fp[destination + 1] = fp[source + 1]
    next(pc + 2, fp, md, ms, state, acc, facc)
}

@inline(__always)
func handleConst64(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) -> Continuation {
    fp[slotD(pc)] = pc[2]
    return Continuation(pc: pc + 3, acc: acc, facc: facc)
}

@inline(__always)
func handleConst128(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    let destination = slotD(pc)
    fp[destination] = pc[2]
    fp[destination + 1] = pc[3]
    next(pc + 4, fp, md, ms, state, acc, facc)
}

@inline(__always)
func handleJump(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) -> Continuation {
    return Continuation(pc: jumpTarget(pc, pc[1], state), acc: acc, facc: facc)
}

@inline(__always)
func handleBranchIfZero(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) -> Continuation {
    if UInt32(truncatingIfNeeded: fp[slotA(pc)]) == 0 {
        return Continuation(pc: jumpTarget(pc, pc[2], state), acc: acc, facc: facc)
    } else {
        return Continuation(pc: pc + 3, acc: acc, facc: facc)
    }
}

@inline(__always)
func handleBranchIfNotZero(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) -> Continuation {
    if UInt32(truncatingIfNeeded: fp[slotA(pc)]) != 0 {
        return Continuation(pc: jumpTarget(pc, pc[2], state), acc: acc, facc: facc)
    } else {
        return Continuation(pc: pc + 3, acc: acc, facc: facc)
    }
}

/// Branches on the integer accumulator's low 32 bits being zero. Operands: (–), relative target.
@inline(__always)
func handleBranchIfZeroAccumulator(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) -> Continuation {
    if UInt32(truncatingIfNeeded: acc) == 0 { return Continuation(pc: jumpTarget(pc, pc[2], state), acc: acc, facc: facc) }
    return Continuation(pc: pc + 3, acc: acc, facc: facc)
}

/// Branches on the integer accumulator's low 32 bits being nonzero. Operands: (–), relative target.
@inline(__always)
func handleBranchIfNotZeroAccumulator(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) -> Continuation {
    if UInt32(truncatingIfNeeded: acc) != 0 { return Continuation(pc: jumpTarget(pc, pc[2], state), acc: acc, facc: facc) }
    return Continuation(pc: pc + 3, acc: acc, facc: facc)
}

/// Operands: (selector), the last entry's index, then one relative target per entry; the last is the default.
@inline(__always)
func handleBranchTable(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) -> Continuation {
    let selector = UInt64(UInt32(truncatingIfNeeded: fp[slotA(pc)]))
    let entry = Int(truncatingIfNeeded: min(selector, pc[2]))
    return Continuation(pc: jumpTarget(pc, pc[3 + entry], state), acc: acc, facc: facc)
}

/// `br_table` on the integer accumulator's low 32 bits (a selector just loaded or computed:
/// no store and reload before the indirect jump). Operands: (–), then as `handleBranchTable`.
@inline(__always)
func handleBranchTableAccumulator(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) -> Continuation {
    let selector = UInt64(UInt32(truncatingIfNeeded: acc))
    let entry = Int(truncatingIfNeeded: min(selector, pc[2]))
    return Continuation(pc: jumpTarget(pc, pc[3 + entry], state), acc: acc, facc: facc)
}

/// `select` in its four forms (a slot or a constant for each value: `first`, `second` say which
/// are constants), the condition in the integer accumulator's low 32 bits (a comparison just
/// computed). Operands: as `handleSelect` and its constant forms, the condition word unused.
@inline(__always)
func handleSelectOnAccumulator(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double,
                               firstConstant: Bool, secondConstant: Bool) -> Continuation {
    let chosen: UInt64
    if UInt32(truncatingIfNeeded: acc) != 0 {
        chosen = firstConstant ? pc[3] : fp[slotA(pc)]
    } else {
        chosen = secondConstant ? pc[firstConstant ? 4 : 3] : fp[slotB(pc)]
    }
    fp[slotD(pc)] = chosen
    return Continuation(pc: pc + 3 + (firstConstant ? 1 : 0) + (secondConstant ? 1 : 0), acc: acc, facc: facc)
}

/// Operands: (first, second, destination), then the condition's slot.
@inline(__always)
func handleSelect(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) -> Continuation {
    let condition = UInt32(truncatingIfNeeded: fp[Int(truncatingIfNeeded: pc[2])])
    fp[slotD(pc)] = condition != 0 ? fp[slotA(pc)] : fp[slotB(pc)]
    return Continuation(pc: pc + 3, acc: acc, facc: facc)
}

/// `select` of two constants. Operands: (–, –, destination), the condition's slot, the first, the second.
@inline(__always)
func handleSelectConstants(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) -> Continuation {
    let condition = UInt32(truncatingIfNeeded: fp[Int(truncatingIfNeeded: pc[2])])
    fp[slotD(pc)] = condition != 0 ? pc[3] : pc[4]
    return Continuation(pc: pc + 5, acc: acc, facc: facc)
}

/// `select` of a constant (first) and a slot. Operands: (–, second, destination), the condition's slot, the constant.
@inline(__always)
func handleSelectConstantFirst(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) -> Continuation {
    let condition = UInt32(truncatingIfNeeded: fp[Int(truncatingIfNeeded: pc[2])])
    fp[slotD(pc)] = condition != 0 ? pc[3] : fp[slotB(pc)]
    return Continuation(pc: pc + 4, acc: acc, facc: facc)
}

/// `select` of a slot and a constant (second). Operands: (first, –, destination), the condition's slot, the constant.
@inline(__always)
func handleSelectConstantSecond(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) -> Continuation {
    let condition = UInt32(truncatingIfNeeded: fp[Int(truncatingIfNeeded: pc[2])])
    fp[slotD(pc)] = condition != 0 ? fp[slotA(pc)] : pc[3]
    return Continuation(pc: pc + 4, acc: acc, facc: facc)
}

@inline(__always)
func handleSelect128(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    let condition = UInt32(truncatingIfNeeded: fp[Int(truncatingIfNeeded: pc[2])])
    let source = condition != 0 ? slotA(pc) : slotB(pc)
    let destination = slotD(pc)
    fp[destination] = fp[source]
    fp[destination + 1] = fp[source + 1]
    next(pc + 3, fp, md, ms, state, acc, facc)
}

@inline(__always)
func handleRefIsNull(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    fp[slotD(pc)] = fp[slotA(pc)] == 0 ? 1 : 0
    next(pc + 2, fp, md, ms, state, acc, facc)
}

/// Operands: (destination), then the function index in the module.
@inline(__always)
func handleRefFunc(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    let address = state.pointee.instance.pointee.functions[Int(truncatingIfNeeded: pc[2])]
    fp[slotD(pc)] = UInt64(address) + 1
    next(pc + 3, fp, md, ms, state, acc, facc)
}

@inline(__always)
func handleGlobalGet(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) -> Continuation {
    fp[slotD(pc)] = state.pointee.instance.pointee.globals[Int(truncatingIfNeeded: pc[2])].pointee
    return Continuation(pc: pc + 3, acc: acc, facc: facc)
}

/// `global.get` of an i32 or i64 into the integer accumulator. Operands: (–, –, slot), the global's index.
@inline(__always)
func handleGlobalGetAccumulator(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) -> Continuation {
    let value = state.pointee.instance.pointee.globals[Int(truncatingIfNeeded: pc[2])].pointee
    return Continuation(pc: pc + 3, acc: value, facc: facc)
}

/// `global.get` into a slot and the integer accumulator (a `local.tee`/`local.set` of it). Operands as `handleGlobalGet`.
@inline(__always)
func handleGlobalGetSlotAndAccumulator(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) -> Continuation {
    let value = state.pointee.instance.pointee.globals[Int(truncatingIfNeeded: pc[2])].pointee
    fp[slotD(pc)] = value
    return Continuation(pc: pc + 3, acc: value, facc: facc)
}

@inline(__always)
func handleGlobalGet128(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    let global = state.pointee.instance.pointee.globals[Int(truncatingIfNeeded: pc[2])]
    let destination = slotD(pc)
    fp[destination] = global[0]
    fp[destination + 1] = global[1]
    next(pc + 3, fp, md, ms, state, acc, facc)
}

@inline(__always)
func handleGlobalSet(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) -> Continuation {
    state.pointee.instance.pointee.globals[Int(truncatingIfNeeded: pc[2])].pointee = fp[slotA(pc)]
    return Continuation(pc: pc + 3, acc: acc, facc: facc)
}

/// `global.set` of the integer accumulator (an i32 or i64 just computed). Operands: (–), the global's index.
@inline(__always)
func handleGlobalSetAccumulator(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) -> Continuation {
    state.pointee.instance.pointee.globals[Int(truncatingIfNeeded: pc[2])].pointee = acc
    return Continuation(pc: pc + 3, acc: acc, facc: facc)
}

@inline(__always)
func handleGlobalSet128(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    let global = state.pointee.instance.pointee.globals[Int(truncatingIfNeeded: pc[2])]
    let source = slotA(pc)
    global[0] = fp[source]
    global[1] = fp[source + 1]
    next(pc + 3, fp, md, ms, state, acc, facc)
}

extension Handlers {
    static var unreachable: UInt64 { handlerWord { handleUnreachable($0, $1, $2, $3, $4, $5, $6) } }
    static var zeroSlots: UInt64 { handlerWord { handleZeroSlots($0, $1, $2, $3, $4, $5, $6) } }
    /// Handlers zeroing exactly 1 to 8 slots (index: count − 1), for the common small frames.
    static let zeroFewSlots: [UInt64] = [
        handlerWord { handleZeroFewSlots($0, $1, $2, $3, $4, $5, $6, count: 1) },
        handlerWord { handleZeroFewSlots($0, $1, $2, $3, $4, $5, $6, count: 2) },
        handlerWord { handleZeroFewSlots($0, $1, $2, $3, $4, $5, $6, count: 3) },
        handlerWord { handleZeroFewSlots($0, $1, $2, $3, $4, $5, $6, count: 4) },
        handlerWord { handleZeroFewSlots($0, $1, $2, $3, $4, $5, $6, count: 5) },
        handlerWord { handleZeroFewSlots($0, $1, $2, $3, $4, $5, $6, count: 6) },
        handlerWord { handleZeroFewSlots($0, $1, $2, $3, $4, $5, $6, count: 7) },
        handlerWord { handleZeroFewSlots($0, $1, $2, $3, $4, $5, $6, count: 8) },
    ]
    static var copy: UInt64 { handlerWord { proceed(handleCopy($0, $1, $2, $3, $4, $5, $6), $1, $2, $3, $4) } }
    static var copy128: UInt64 { handlerWord { handleCopy128($0, $1, $2, $3, $4, $5, $6) } }
    static var const64: UInt64 { handlerWord { proceed(handleConst64($0, $1, $2, $3, $4, $5, $6), $1, $2, $3, $4) } }
    static var const128: UInt64 { handlerWord { handleConst128($0, $1, $2, $3, $4, $5, $6) } }
    static var jump: UInt64 { handlerWord { proceed(handleJump($0, $1, $2, $3, $4, $5, $6), $1, $2, $3, $4) } }
    static var branchIfZero: UInt64 { handlerWord { proceed(handleBranchIfZero($0, $1, $2, $3, $4, $5, $6), $1, $2, $3, $4) } }
    static var branchIfNotZero: UInt64 { handlerWord { proceed(handleBranchIfNotZero($0, $1, $2, $3, $4, $5, $6), $1, $2, $3, $4) } }
    static var branchIfZeroAccumulator: UInt64 { handlerWord { proceed(handleBranchIfZeroAccumulator($0, $1, $2, $3, $4, $5, $6), $1, $2, $3, $4) } }
    static var branchIfNotZeroAccumulator: UInt64 { handlerWord { proceed(handleBranchIfNotZeroAccumulator($0, $1, $2, $3, $4, $5, $6), $1, $2, $3, $4) } }
    static var branchTable: UInt64 { handlerWord { proceed(handleBranchTable($0, $1, $2, $3, $4, $5, $6), $1, $2, $3, $4) } }
    static var branchTableAccumulator: UInt64 { handlerWord { proceed(handleBranchTableAccumulator($0, $1, $2, $3, $4, $5, $6), $1, $2, $3, $4) } }
    static var select: UInt64 { handlerWord { proceed(handleSelect($0, $1, $2, $3, $4, $5, $6), $1, $2, $3, $4) } }
    /// `select` with the condition in the accumulator: of two slots, a constant and a slot, a
    /// slot and a constant, two constants (operands as `select`, `selectConstantFirst`, …).
    static var selectOnAccumulator: UInt64 {
        handlerWord { proceed(handleSelectOnAccumulator($0, $1, $2, $3, $4, $5, $6, firstConstant: false, secondConstant: false), $1, $2, $3, $4) }
    }
    static var selectConstantFirstOnAccumulator: UInt64 {
        handlerWord { proceed(handleSelectOnAccumulator($0, $1, $2, $3, $4, $5, $6, firstConstant: true, secondConstant: false), $1, $2, $3, $4) }
    }
    static var selectConstantSecondOnAccumulator: UInt64 {
        handlerWord { proceed(handleSelectOnAccumulator($0, $1, $2, $3, $4, $5, $6, firstConstant: false, secondConstant: true), $1, $2, $3, $4) }
    }
    static var selectConstantsOnAccumulator: UInt64 {
        handlerWord { proceed(handleSelectOnAccumulator($0, $1, $2, $3, $4, $5, $6, firstConstant: true, secondConstant: true), $1, $2, $3, $4) }
    }
    static var selectConstants: UInt64 { handlerWord { proceed(handleSelectConstants($0, $1, $2, $3, $4, $5, $6), $1, $2, $3, $4) } }
    static var selectConstantFirst: UInt64 { handlerWord { proceed(handleSelectConstantFirst($0, $1, $2, $3, $4, $5, $6), $1, $2, $3, $4) } }
    static var selectConstantSecond: UInt64 { handlerWord { proceed(handleSelectConstantSecond($0, $1, $2, $3, $4, $5, $6), $1, $2, $3, $4) } }
    static var select128: UInt64 { handlerWord { handleSelect128($0, $1, $2, $3, $4, $5, $6) } }
    static var refIsNull: UInt64 { handlerWord { handleRefIsNull($0, $1, $2, $3, $4, $5, $6) } }
    static var refFunc: UInt64 { handlerWord { handleRefFunc($0, $1, $2, $3, $4, $5, $6) } }
    static var globalGet: UInt64 { handlerWord { proceed(handleGlobalGet($0, $1, $2, $3, $4, $5, $6), $1, $2, $3, $4) } }
    static var globalGetAccumulator: UInt64 { handlerWord { proceed(handleGlobalGetAccumulator($0, $1, $2, $3, $4, $5, $6), $1, $2, $3, $4) } }
    static var globalGetSlotAndAccumulator: UInt64 {
        handlerWord { proceed(handleGlobalGetSlotAndAccumulator($0, $1, $2, $3, $4, $5, $6), $1, $2, $3, $4) }
    }
    static var globalGet128: UInt64 { handlerWord { handleGlobalGet128($0, $1, $2, $3, $4, $5, $6) } }
    static var globalSet: UInt64 { handlerWord { proceed(handleGlobalSet($0, $1, $2, $3, $4, $5, $6), $1, $2, $3, $4) } }
    static var globalSetAccumulator: UInt64 { handlerWord { proceed(handleGlobalSetAccumulator($0, $1, $2, $3, $4, $5, $6), $1, $2, $3, $4) } }
    static var globalSet128: UInt64 { handlerWord { handleGlobalSet128($0, $1, $2, $3, $4, $5, $6) } }
}
