import WasmBinary

/// SIMD loads and stores on a memory reached through the instance (any memory but memory 0 of
/// 32-bit addresses; see `Handlers+MultiMemory.swift`). Operands: (address, vector, destination),
/// then the static offset, the memory index and the address mask; the lane instructions then
/// have the lane index.

/// Loads `T` from the indexed memory and makes a v128 of it (an extension, splat or zero-extension).
@inline(__always)
func simdIndexedLoad<T: FixedWidthInteger>(_ type: T.Type, _ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int,
                                           _ state: StatePointer, _ acc: UInt64, _ facc: Double, _ make: (T) -> V128) {
    guard let pointer = indexedMemoryAddress(pc, fp, state, width: MemoryLayout<T>.size) else {
        return trap(.outOfBoundsMemoryAccess, state)
    }
    fp.setV128(make(T(littleEndian: pointer.loadUnaligned(as: T.self))), at: slotD(pc))
    next(pc + 5, fp, md, ms, state, acc, facc)
}

@inline(__always)
func handleV128IndexedLoad(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    guard let pointer = indexedMemoryAddress(pc, fp, state, width: 16) else { return trap(.outOfBoundsMemoryAccess, state) }
    let low = UInt64(littleEndian: pointer.loadUnaligned(as: UInt64.self))
    let high = UInt64(littleEndian: pointer.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    fp.setV128(V128(low: low, high: high), at: slotD(pc))
    next(pc + 5, fp, md, ms, state, acc, facc)
}

@inline(__always)
func handleV128IndexedStore(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    guard let pointer = indexedMemoryAddress(pc, fp, state, width: 16) else { return trap(.outOfBoundsMemoryAccess, state) }
    let value = fp.v128(at: slotB(pc))
    pointer.storeBytes(of: value.low.littleEndian, as: UInt64.self)
    pointer.storeBytes(of: value.high.littleEndian, toByteOffset: 8, as: UInt64.self)
    next(pc + 5, fp, md, ms, state, acc, facc)
}

/// `v128.loadN_lane` on the indexed memory: the vector with one lane loaded from memory.
@inline(__always)
func simdIndexedLoadLane<T: FixedWidthInteger & UnsignedInteger>(_ type: T.Type, _ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer,
                                                                 _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    guard let pointer = indexedMemoryAddress(pc, fp, state, width: MemoryLayout<T>.size) else {
        return trap(.outOfBoundsMemoryAccess, state)
    }
    let value = T(littleEndian: pointer.loadUnaligned(as: T.self))
    fp.setV128(fp.v128(at: slotB(pc)).replacing(lane: Int(truncatingIfNeeded: pc[5]), with: value), at: slotD(pc))
    next(pc + 6, fp, md, ms, state, acc, facc)
}

/// `v128.storeN_lane` on the indexed memory: one lane of the vector stored to memory.
@inline(__always)
func simdIndexedStoreLane<T: FixedWidthInteger & UnsignedInteger>(_ type: T.Type, _ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer,
                                                                  _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    guard let pointer = indexedMemoryAddress(pc, fp, state, width: MemoryLayout<T>.size) else {
        return trap(.outOfBoundsMemoryAccess, state)
    }
    let value: T = fp.v128(at: slotB(pc)).lane(Int(truncatingIfNeeded: pc[5]))
    pointer.storeBytes(of: value.littleEndian, as: T.self)
    next(pc + 6, fp, md, ms, state, acc, facc)
}

extension SIMDHandlers {
    /// The handler word of a SIMD load or store without a lane, on a memory reached through the instance.
    static func indexedMemoryHandler(_ operation: SIMDMemoryOperation) -> UInt64 {
        switch operation {
        case .v128Load: return handlerWord { handleV128IndexedLoad($0, $1, $2, $3, $4, $5, $6) }
        case .v128Store: return handlerWord { handleV128IndexedStore($0, $1, $2, $3, $4, $5, $6) }
        case .v128Load8x8S:
            return handlerWord { simdIndexedLoad(UInt64.self, $0, $1, $2, $3, $4, $5, $6) { x in SIMDSemantics.extend(V128(low: x, high: 0), from: UInt8.self, to: UInt16.self, high: false, signed: true) } }
        case .v128Load8x8U:
            return handlerWord { simdIndexedLoad(UInt64.self, $0, $1, $2, $3, $4, $5, $6) { x in SIMDSemantics.extend(V128(low: x, high: 0), from: UInt8.self, to: UInt16.self, high: false, signed: false) } }
        case .v128Load16x4S:
            return handlerWord { simdIndexedLoad(UInt64.self, $0, $1, $2, $3, $4, $5, $6) { x in SIMDSemantics.extend(V128(low: x, high: 0), from: UInt16.self, to: UInt32.self, high: false, signed: true) } }
        case .v128Load16x4U:
            return handlerWord { simdIndexedLoad(UInt64.self, $0, $1, $2, $3, $4, $5, $6) { x in SIMDSemantics.extend(V128(low: x, high: 0), from: UInt16.self, to: UInt32.self, high: false, signed: false) } }
        case .v128Load32x2S:
            return handlerWord { simdIndexedLoad(UInt64.self, $0, $1, $2, $3, $4, $5, $6) { x in SIMDSemantics.extend(V128(low: x, high: 0), from: UInt32.self, to: UInt64.self, high: false, signed: true) } }
        case .v128Load32x2U:
            return handlerWord { simdIndexedLoad(UInt64.self, $0, $1, $2, $3, $4, $5, $6) { x in SIMDSemantics.extend(V128(low: x, high: 0), from: UInt32.self, to: UInt64.self, high: false, signed: false) } }
        case .v128Load8Splat: return handlerWord { simdIndexedLoad(UInt8.self, $0, $1, $2, $3, $4, $5, $6) { x in SIMDSemantics.splat(x) } }
        case .v128Load16Splat: return handlerWord { simdIndexedLoad(UInt16.self, $0, $1, $2, $3, $4, $5, $6) { x in SIMDSemantics.splat(x) } }
        case .v128Load32Splat: return handlerWord { simdIndexedLoad(UInt32.self, $0, $1, $2, $3, $4, $5, $6) { x in SIMDSemantics.splat(x) } }
        case .v128Load64Splat: return handlerWord { simdIndexedLoad(UInt64.self, $0, $1, $2, $3, $4, $5, $6) { x in SIMDSemantics.splat(x) } }
        case .v128Load32Zero: return handlerWord { simdIndexedLoad(UInt32.self, $0, $1, $2, $3, $4, $5, $6) { x in V128(low: UInt64(x), high: 0) } }
        case .v128Load64Zero: return handlerWord { simdIndexedLoad(UInt64.self, $0, $1, $2, $3, $4, $5, $6) { x in V128(low: x, high: 0) } }
        }
    }

    /// The handler word of a `v128.loadN_lane` or `v128.storeN_lane` on a memory reached through the instance.
    static func indexedMemoryLaneHandler(_ operation: SIMDMemoryLaneOperation) -> UInt64 {
        switch operation {
        case .v128Load8Lane: return handlerWord { simdIndexedLoadLane(UInt8.self, $0, $1, $2, $3, $4, $5, $6) }
        case .v128Load16Lane: return handlerWord { simdIndexedLoadLane(UInt16.self, $0, $1, $2, $3, $4, $5, $6) }
        case .v128Load32Lane: return handlerWord { simdIndexedLoadLane(UInt32.self, $0, $1, $2, $3, $4, $5, $6) }
        case .v128Load64Lane: return handlerWord { simdIndexedLoadLane(UInt64.self, $0, $1, $2, $3, $4, $5, $6) }
        case .v128Store8Lane: return handlerWord { simdIndexedStoreLane(UInt8.self, $0, $1, $2, $3, $4, $5, $6) }
        case .v128Store16Lane: return handlerWord { simdIndexedStoreLane(UInt16.self, $0, $1, $2, $3, $4, $5, $6) }
        case .v128Store32Lane: return handlerWord { simdIndexedStoreLane(UInt32.self, $0, $1, $2, $3, $4, $5, $6) }
        case .v128Store64Lane: return handlerWord { simdIndexedStoreLane(UInt64.self, $0, $1, $2, $3, $4, $5, $6) }
        }
    }
}
