import WasmBinary

/// How a load or store finds its address. Every mode is followed by the access's static offset
/// word; the effective address is then checked against the memory's size once.
enum AddressMode {
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

    /// Words of an access in this mode, the handler word included (a store of an immediate value
    /// has one more, the value).
    var words: Int { self == .slotPlusConstant ? 4 : 3 }
}

/// The effective address of a memory access, or nil when `width` bytes there are out of bounds.
@inline(__always)
func effectiveAddress(_ pc: CodePointer, _ fp: FramePointer, _ ms: Int, width: Int, mode: AddressMode) -> Int? {
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
    }
    guard _fastPath(address &+ UInt64(width) <= UInt64(ms)) else { return nil }
    return Int(truncatingIfNeeded: address)
}

/// A load: `width` bytes at the effective address, extended into the destination slot.
@inline(__always)
func memoryLoad<T: FixedWidthInteger>(_ type: T.Type, _ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int,
                                      _ state: StatePointer, _ acc: UInt64, _ facc: Double, _ mode: AddressMode, _ extend: (T) -> UInt64) {
    guard let address = effectiveAddress(pc, fp, ms, width: MemoryLayout<T>.size, mode: mode) else {
        return trap(.outOfBoundsMemoryAccess, state)
    }
    fp[slotD(pc)] = extend(T(littleEndian: md.loadUnaligned(fromByteOffset: address, as: T.self)))
    next(pc + mode.words, fp, md, ms, state, acc, facc)
}

/// A store of the value in a slot (the destination field in `.sum` mode, the second source field
/// otherwise) or, when `immediate`, of the word after the address operands.
@inline(__always)
func memoryStore<T: FixedWidthInteger>(_ type: T.Type, _ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int,
                                       _ state: StatePointer, _ acc: UInt64, _ facc: Double, _ mode: AddressMode, immediate: Bool) {
    guard let address = effectiveAddress(pc, fp, ms, width: MemoryLayout<T>.size, mode: mode) else {
        return trap(.outOfBoundsMemoryAccess, state)
    }
    let value = immediate ? pc[mode.words] : mode == .sum ? fp[slotD(pc)] : fp[slotB(pc)]
    md.storeBytes(of: T(truncatingIfNeeded: value).littleEndian, toByteOffset: address, as: T.self)
    next(pc + mode.words + (immediate ? 1 : 0), fp, md, ms, state, acc, facc)
}

// One function per way of extending a loaded value; the tables in MemoryHandlers pick them.

@inline(__always)
func loadU32(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double, _ mode: AddressMode) {
    memoryLoad(UInt32.self, pc, fp, md, ms, state, acc, facc, mode) { UInt64($0) }
}
@inline(__always)
func loadU64(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double, _ mode: AddressMode) {
    memoryLoad(UInt64.self, pc, fp, md, ms, state, acc, facc, mode) { $0 }
}
@inline(__always)
func loadU8(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double, _ mode: AddressMode) {
    memoryLoad(UInt8.self, pc, fp, md, ms, state, acc, facc, mode) { UInt64($0) }
}
@inline(__always)
func loadU16(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double, _ mode: AddressMode) {
    memoryLoad(UInt16.self, pc, fp, md, ms, state, acc, facc, mode) { UInt64($0) }
}
/// Sign-extends to i32 (the slot's upper half stays zero, as for every i32).
@inline(__always)
func loadS8ToI32(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double, _ mode: AddressMode) {
    memoryLoad(Int8.self, pc, fp, md, ms, state, acc, facc, mode) { UInt64(UInt32(bitPattern: Int32($0))) }
}
@inline(__always)
func loadS16ToI32(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double, _ mode: AddressMode) {
    memoryLoad(Int16.self, pc, fp, md, ms, state, acc, facc, mode) { UInt64(UInt32(bitPattern: Int32($0))) }
}
@inline(__always)
func loadS8ToI64(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double, _ mode: AddressMode) {
    memoryLoad(Int8.self, pc, fp, md, ms, state, acc, facc, mode) { UInt64(bitPattern: Int64($0)) }
}
@inline(__always)
func loadS16ToI64(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double, _ mode: AddressMode) {
    memoryLoad(Int16.self, pc, fp, md, ms, state, acc, facc, mode) { UInt64(bitPattern: Int64($0)) }
}
@inline(__always)
func loadS32ToI64(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double, _ mode: AddressMode) {
    memoryLoad(Int32.self, pc, fp, md, ms, state, acc, facc, mode) { UInt64(bitPattern: Int64($0)) }
}
