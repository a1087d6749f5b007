/// Typed function references: `call_ref`, `ref.as_non_null`, `br_on_null`, `br_on_non_null`, and
/// the subtype check `call_indirect` falls back on when the callee's type is not the expected one.
/// A reference slot is 0 for null; a function reference is its address + 1.

/// `call_ref`. Operands: (argument base, reference).
@inline(__always)
func handleCallReference(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    let reference = fp[slotB(pc)]
    guard reference != 0 else { return trap(.nullFunctionReference, state) }
    callFunction(address: UInt32(truncatingIfNeeded: reference &- 1), returnPC: pc + 2, fp: fp, calleeFrame: fp + slotA(pc),
                 md, ms, state, acc, facc)
}

/// `ref.as_non_null`. Operands: (source, destination).
@inline(__always)
func handleRefAsNonNull(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    let reference = fp[slotA(pc)]
    guard reference != 0 else { return trap(.nullReference, state) }
    fp[slotD(pc)] = reference
    next(pc + 2, fp, md, ms, state, acc, facc)
}

/// Branches when the reference is null (all 64 bits: an exception reference is a pointer).
/// Operands: (reference), relative target.
@inline(__always)
func handleBranchIfNull(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    if fp[slotA(pc)] == 0 {
        next(jumpTarget(pc, pc[2], state), fp, md, ms, state, acc, facc)
    } else {
        next(pc + 3, fp, md, ms, state, acc, facc)
    }
}

/// Branches when the reference is not null. Operands: (reference), relative target.
@inline(__always)
func handleBranchIfNotNull(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    if fp[slotA(pc)] != 0 {
        next(jumpTarget(pc, pc[2], state), fp, md, ms, state, acc, facc)
    } else {
        next(pc + 3, fp, md, ms, state, acc, facc)
    }
}

/// Whether runtime type `actual` is a subtype of `expected` (they differ): the check of an
/// indirect call when the ids are not equal.
@inline(never)
func isFunctionSubtype(_ actual: Int, of expected: Int, _ state: StatePointer) -> Bool {
    state.pointee.runtime.takeUnretainedValue().canonicalTypes.isSubtype(actual, of: expected)
}

/// The rest of `call_indirect` when the callee's type id is not the expected one: the call goes
/// ahead if the callee's type is a declared subtype, else traps. `handleCallIndirect` enters it by
/// a tail call (its operands were checked there), so that its common case stays one comparison
/// and keeps no registers for this path. (`handleCallIndirectMoving` enters it too.)
@inline(never)
func callIndirectToSubtype(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    let instance = state.pointee.instance
    let table = instance.pointee.tables[Int(truncatingIfNeeded: pc[3])]
    let address = UInt32(truncatingIfNeeded: table.pointee.elements[Int(UInt32(truncatingIfNeeded: fp[slotB(pc)]))] &- 1)
    let expected = instance.pointee.typeIDs[Int(truncatingIfNeeded: pc[2])]
    let actual = instance.pointee.functionRecords.pointee[Int(address)].typeID
    guard isFunctionSubtype(actual, of: expected, state) else { return trap(.indirectCallTypeMismatch, state) }
    // After the operands, the argument moves of a `call_indirect` that moves its arguments (they
    // are done): the destination field counts them (0 for the other forms).
    callFunction(address: address, returnPC: pc + 4 + argumentMoveWords(slotD(pc)), fp: fp, calleeFrame: fp + slotA(pc), md, ms, state, acc, facc)
}

extension Handlers {
    static var callReference: UInt64 { handlerWord { handleCallReference($0, $1, $2, $3, $4, $5, $6) } }
    static var refAsNonNull: UInt64 { handlerWord { handleRefAsNonNull($0, $1, $2, $3, $4, $5, $6) } }
    static var branchIfNull: UInt64 { handlerWord { handleBranchIfNull($0, $1, $2, $3, $4, $5, $6) } }
    static var branchIfNotNull: UInt64 { handlerWord { handleBranchIfNotNull($0, $1, $2, $3, $4, $5, $6) } }
}
