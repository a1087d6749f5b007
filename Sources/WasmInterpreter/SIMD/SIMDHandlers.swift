import WasmBinary

/// Handler shapes shared by the SIMD instructions. A v128 operand occupies two consecutive
/// slots (low 64 bits at the slot, high 64 bits at the next); each shape reads every operand
/// before writing its result, since the result may go to an operand's slot.
enum SIMDHandlers {}

extension FramePointer {
    /// The v128 in slots `slot` and `slot + 1`.
    @inline(__always)
    func v128(at slot: Int) -> V128 { V128(low: self[slot], high: self[slot + 1]) }

    /// Writes a v128 to slots `slot` and `slot + 1`.
    @inline(__always)
    func setV128(_ value: V128, at slot: Int) {
        self[slot] = value.low
        self[slot + 1] = value.high
    }
}

/// v128 to v128. Operands: (a, -, destination).
@inline(__always)
func simdUnary(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double,
               _ operation: (V128) -> V128) {
    fp.setV128(operation(fp.v128(at: slotA(pc))), at: slotD(pc))
    next(pc + 2, fp, md, ms, state, acc, facc)
}

/// Two v128 to v128. Operands: (a, b, destination).
@inline(__always)
func simdBinary(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double,
                _ operation: (V128, V128) -> V128) {
    fp.setV128(operation(fp.v128(at: slotA(pc)), fp.v128(at: slotB(pc))), at: slotD(pc))
    next(pc + 2, fp, md, ms, state, acc, facc)
}

/// A v128 to an i32. Operands: (a, -, destination).
@inline(__always)
func simdTest(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double,
              _ operation: (V128) -> UInt32) {
    fp[slotD(pc)] = UInt64(operation(fp.v128(at: slotA(pc))))
    next(pc + 2, fp, md, ms, state, acc, facc)
}

/// A v128 and an i32 shift count to a v128. Operands: (a, count, destination).
@inline(__always)
func simdShift(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double,
               _ operation: (V128, UInt64) -> V128) {
    let count = UInt64(UInt32(truncatingIfNeeded: fp[slotB(pc)]))
    fp.setV128(operation(fp.v128(at: slotA(pc)), count), at: slotD(pc))
    next(pc + 2, fp, md, ms, state, acc, facc)
}

/// A scalar (its slot's 64 bits) to a v128. Operands: (scalar, -, destination).
@inline(__always)
func simdSplat(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double,
               _ operation: (UInt64) -> V128) {
    fp.setV128(operation(fp[slotA(pc)]), at: slotD(pc))
    next(pc + 2, fp, md, ms, state, acc, facc)
}

/// `v128.bitselect`. Operands: (a, b, mask), then the destination slot.
@inline(__always)
func handleV128Bitselect(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    let result = SIMDSemantics.v128Bitselect(fp.v128(at: slotA(pc)), fp.v128(at: slotB(pc)), fp.v128(at: slotD(pc)))
    fp.setV128(result, at: Int(truncatingIfNeeded: pc[2]))
    next(pc + 3, fp, md, ms, state, acc, facc)
}

/// `i8x16.shuffle`. Operands: (a, b, destination), then the 16 lane indices as a v128 (two words).
@inline(__always)
func handleI8x16Shuffle(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    let result = SIMDSemantics.i8x16Shuffle(fp.v128(at: slotA(pc)), fp.v128(at: slotB(pc)), lanes: V128(low: pc[2], high: pc[3]))
    fp.setV128(result, at: slotD(pc))
    next(pc + 4, fp, md, ms, state, acc, facc)
}

extension SIMDHandlers {
    static var bitselect: UInt64 { handlerWord { handleV128Bitselect($0, $1, $2, $3, $4, $5, $6) } }
    static var shuffle: UInt64 { handlerWord { handleI8x16Shuffle($0, $1, $2, $3, $4, $5, $6) } }
}
