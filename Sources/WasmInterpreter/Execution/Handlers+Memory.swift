import WasmBinary

/// How a load or store finds its address. Every mode is followed by the access's offset word (for
/// the scalar accesses the static offset plus the width, see `accessAddress`); the effective
/// address is then checked against the memory's size once.
enum AddressMode: Int, CaseIterable {
    /// One slot: operands (address, value, destination), offset.
    case slot
    /// The sum of two slots, wrapped to 32 bits as the fused `i32.add` would: operands
    /// (base, index, destination or value), offset.
    case sum
    /// A slot plus a constant, wrapped to 32 bits (a fused `i32.add` of a constant): operands
    /// (address, value, destination), offset, then the constant.
    case slotPlusConstant
    /// A constant address (`i32.const` feeding the access, as C globals compile): operands
    /// (–, value, destination), then the constant plus the offset, computed by the translator.
    case constant
    /// The integer accumulator: operands (–, value, destination), offset.
    case accumulator
    /// A slot plus another shifted left by a constant (array indexing, `base + (i << k)`, the
    /// fused `i32.shl` and `i32.add`), wrapped to 32 bits: operands (base, index, destination or
    /// value), offset, then the shift.
    case scaledSum

    /// Words of an access in this mode, the handler word included (a store of an immediate value
    /// has one more, the value).
    @inline(__always)
    var words: Int {
        switch self {
        case .slotPlusConstant, .scaledSum: return 4
        case .slot, .sum, .constant, .accumulator: return 3
        }
    }
}

/// Where a store's value is.
enum StoredValue: Int, CaseIterable {
    /// A slot: the destination field in `.sum` and `.scaledSum` modes (the two source fields hold
    /// the address), the second source field otherwise.
    case slot
    /// The word after the address operands.
    case immediate
    /// The integer accumulator.
    case accumulator
    /// The float accumulator (an f64's bits, or an f32's in the low half).
    case floatAccumulator
    /// (Load results only.) The destination slot and the integer accumulator.
    case slotAndAccumulator
    /// (Load results only.) The destination slot and the float accumulator.
    case slotAndFloatAccumulator
}

/// The effective address of a memory access, or nil when `width` bytes there are out of bounds.
@inline(__always)
func effectiveAddress(_ pc: CodePointer, _ fp: FramePointer, _ ms: Int, _ acc: UInt64, width: Int, mode: AddressMode) -> Int? {
    let address: UInt64
    switch mode {
    case .slot:
        address = UInt64(UInt32(truncatingIfNeeded: fp[slotA(pc)])) &+ pc[2]
    case .sum:
        let base = UInt32(truncatingIfNeeded: fp[slotA(pc)]) &+ UInt32(truncatingIfNeeded: fp[slotB(pc)])
        address = UInt64(base) &+ pc[2]
    case .slotPlusConstant:
        let base = UInt32(truncatingIfNeeded: fp[slotA(pc)]) &+ UInt32(truncatingIfNeeded: pc[3])
        address = UInt64(base) &+ pc[2]
    case .constant:
        address = pc[2]
    case .accumulator:
        address = UInt64(UInt32(truncatingIfNeeded: acc)) &+ pc[2]
    case .scaledSum:
        let index = UInt32(truncatingIfNeeded: fp[slotB(pc)]) &<< UInt32(truncatingIfNeeded: pc[3])
        address = UInt64(UInt32(truncatingIfNeeded: fp[slotA(pc)]) &+ index) &+ pc[2]
    }
    // Unchecked conversions: the size is never negative and the width is 1 to 16 (a checked
    // conversion of the size cost two instructions and a branch on every access).
    guard _fastPath(address &+ UInt64(truncatingIfNeeded: width) <= UInt64(UInt(bitPattern: ms))) else { return nil }
    return Int(truncatingIfNeeded: address)
}

/// The effective address of a scalar load or store, or nil when `width` bytes there are out of
/// bounds. Their offset word holds the static offset plus the width (the translator adds them),
/// so the end of the access is one addition away: it is checked against the size and the access
/// reads `width` bytes before it (the subtraction folds into the load's addressing).
@inline(__always)
func accessAddress(_ pc: CodePointer, _ fp: FramePointer, _ ms: Int, _ acc: UInt64, width: Int, mode: AddressMode) -> Int? {
    let end: UInt64
    switch mode {
    case .slot:
        end = UInt64(UInt32(truncatingIfNeeded: fp[slotA(pc)])) &+ pc[2]
    case .sum:
        let base = UInt32(truncatingIfNeeded: fp[slotA(pc)]) &+ UInt32(truncatingIfNeeded: fp[slotB(pc)])
        end = UInt64(base) &+ pc[2]
    case .slotPlusConstant:
        let base = UInt32(truncatingIfNeeded: fp[slotA(pc)]) &+ UInt32(truncatingIfNeeded: pc[3])
        end = UInt64(base) &+ pc[2]
    case .constant:
        end = pc[2]
    case .accumulator:
        end = UInt64(UInt32(truncatingIfNeeded: acc)) &+ pc[2]
    case .scaledSum:
        let index = UInt32(truncatingIfNeeded: fp[slotB(pc)]) &<< UInt32(truncatingIfNeeded: pc[3])
        end = UInt64(UInt32(truncatingIfNeeded: fp[slotA(pc)]) &+ index) &+ pc[2]
    }
    guard _fastPath(end <= UInt64(UInt(bitPattern: ms))) else { return nil }
    return Int(truncatingIfNeeded: end) &- width
}

/// A load: `T` at the effective address, extended by `extend`, into the destination slot, the
/// integer accumulator or (its bits) the float accumulator.
@inline(__always)
func memoryLoad<T: FixedWidthInteger>(_ type: T.Type, _ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int,
                                      _ state: StatePointer, _ acc: UInt64, _ facc: Double, _ mode: AddressMode,
                                      _ result: StoredValue, _ extend: (T) -> UInt64) -> Continuation {
    guard let address = accessAddress(pc, fp, ms, acc, width: MemoryLayout<T>.size, mode: mode) else {
        trap(.outOfBoundsMemoryAccess, state)
        return Continuation(pc: nil, acc: acc, facc: facc)
    }
    let value = extend(T(littleEndian: md.loadUnaligned(fromByteOffset: address, as: T.self)))
    switch result {
    case .accumulator: return Continuation(pc: pc + mode.words, acc: value, facc: facc)
    case .floatAccumulator: return Continuation(pc: pc + mode.words, acc: acc, facc: Double(bitPattern: value))
    case .slotAndAccumulator:
        fp[slotD(pc)] = value
        return Continuation(pc: pc + mode.words, acc: value, facc: facc)
    case .slotAndFloatAccumulator:
        fp[slotD(pc)] = value
        return Continuation(pc: pc + mode.words, acc: acc, facc: Double(bitPattern: value))
    case .slot, .immediate:
        fp[slotD(pc)] = value
        return Continuation(pc: pc + mode.words, acc: acc, facc: facc)
    }
}

/// A store of `T`, its value where `value` says.
@inline(__always)
func memoryStore<T: FixedWidthInteger>(_ type: T.Type, _ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int,
                                       _ state: StatePointer, _ acc: UInt64, _ facc: Double, _ mode: AddressMode, _ value: StoredValue) -> Continuation {
    guard let address = accessAddress(pc, fp, ms, acc, width: MemoryLayout<T>.size, mode: mode) else {
        trap(.outOfBoundsMemoryAccess, state)
        return Continuation(pc: nil, acc: acc, facc: facc)
    }
    let bits: UInt64
    switch value {
    case .slot:
        switch mode {
        case .sum, .scaledSum: bits = fp[slotD(pc)]
        case .slot, .slotPlusConstant, .constant, .accumulator: bits = fp[slotB(pc)]
        }
    case .immediate: bits = pc[mode.words]
    case .accumulator, .slotAndAccumulator: bits = acc
    case .floatAccumulator, .slotAndFloatAccumulator: bits = facc.bitPattern
    }
    md.storeBytes(of: T(truncatingIfNeeded: bits).littleEndian, toByteOffset: address, as: T.self)
    let immediateWord: Int
    switch value {
    case .immediate: immediateWord = 1
    case .slot, .accumulator, .floatAccumulator, .slotAndAccumulator, .slotAndFloatAccumulator: immediateWord = 0
    }
    return Continuation(pc: pc + mode.words + immediateWord, acc: acc, facc: facc)
}
