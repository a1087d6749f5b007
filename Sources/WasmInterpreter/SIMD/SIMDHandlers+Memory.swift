import WasmBinary

/// SIMD loads and stores, bounds-checked like the scalar ones (`effectiveAddress`).
/// Operands: (address, value or vector, destination), then the static offset; the lane
/// instructions then have the lane index.

/// Loads `T` and makes a v128 of it (an extension, splat or zero-extension).
@inline(__always)
func simdLoad<T: FixedWidthInteger>(_ type: T.Type, _ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int,
                                    _ state: StatePointer, _ acc: UInt64, _ facc: Double, _ make: (T) -> V128) {
    guard let address = effectiveAddress(pc, fp, ms, acc, width: MemoryLayout<T>.size, mode: .slot) else {
        return trap(.outOfBoundsMemoryAccess, state)
    }
    fp.setV128(make(T(littleEndian: md.loadUnaligned(fromByteOffset: address, as: T.self))), at: slotD(pc))
    next(pc + 3, fp, md, ms, state, acc, facc)
}

@inline(__always)
func handleV128Load(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    guard let address = effectiveAddress(pc, fp, ms, acc, width: 16, mode: .slot) else {
        return trap(.outOfBoundsMemoryAccess, state)
    }
    let low = UInt64(littleEndian: md.loadUnaligned(fromByteOffset: address, as: UInt64.self))
    let high = UInt64(littleEndian: md.loadUnaligned(fromByteOffset: address + 8, as: UInt64.self))
    fp.setV128(V128(low: low, high: high), at: slotD(pc))
    next(pc + 3, fp, md, ms, state, acc, facc)
}

@inline(__always)
func handleV128Store(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    guard let address = effectiveAddress(pc, fp, ms, acc, width: 16, mode: .slot) else {
        return trap(.outOfBoundsMemoryAccess, state)
    }
    let value = fp.v128(at: slotB(pc))
    md.storeBytes(of: value.low.littleEndian, toByteOffset: address, as: UInt64.self)
    md.storeBytes(of: value.high.littleEndian, toByteOffset: address + 8, as: UInt64.self)
    next(pc + 3, fp, md, ms, state, acc, facc)
}

/// `v128.loadN_lane`: the vector with one lane loaded from memory.
@inline(__always)
func simdLoadLane<T: FixedWidthInteger & UnsignedInteger>(_ type: T.Type, _ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer,
                                                          _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    guard let address = effectiveAddress(pc, fp, ms, acc, width: MemoryLayout<T>.size, mode: .slot) else {
        return trap(.outOfBoundsMemoryAccess, state)
    }
    let value = T(littleEndian: md.loadUnaligned(fromByteOffset: address, as: T.self))
    fp.setV128(fp.v128(at: slotB(pc)).replacing(lane: Int(truncatingIfNeeded: pc[3]), with: value), at: slotD(pc))
    next(pc + 4, fp, md, ms, state, acc, facc)
}

/// `v128.storeN_lane`: one lane of the vector stored to memory.
@inline(__always)
func simdStoreLane<T: FixedWidthInteger & UnsignedInteger>(_ type: T.Type, _ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer,
                                                           _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    guard let address = effectiveAddress(pc, fp, ms, acc, width: MemoryLayout<T>.size, mode: .slot) else {
        return trap(.outOfBoundsMemoryAccess, state)
    }
    let value: T = fp.v128(at: slotB(pc)).lane(Int(truncatingIfNeeded: pc[3]))
    md.storeBytes(of: value.littleEndian, toByteOffset: address, as: T.self)
    next(pc + 4, fp, md, ms, state, acc, facc)
}

extension SIMDHandlers {
    /// The handler word of a SIMD load or store without a lane.
    static func memoryHandler(_ operation: SIMDMemoryOperation) -> UInt64 {
        switch operation {
        case .v128Load: return handlerWord { handleV128Load($0, $1, $2, $3, $4, $5, $6) }
        case .v128Store: return handlerWord { handleV128Store($0, $1, $2, $3, $4, $5, $6) }
        case .v128Load8x8S:
            return handlerWord { simdLoad(UInt64.self, $0, $1, $2, $3, $4, $5, $6) { x in SIMDSemantics.extend(V128(low: x, high: 0), from: UInt8.self, to: UInt16.self, high: false, signed: true) } }
        case .v128Load8x8U:
            return handlerWord { simdLoad(UInt64.self, $0, $1, $2, $3, $4, $5, $6) { x in SIMDSemantics.extend(V128(low: x, high: 0), from: UInt8.self, to: UInt16.self, high: false, signed: false) } }
        case .v128Load16x4S:
            return handlerWord { simdLoad(UInt64.self, $0, $1, $2, $3, $4, $5, $6) { x in SIMDSemantics.extend(V128(low: x, high: 0), from: UInt16.self, to: UInt32.self, high: false, signed: true) } }
        case .v128Load16x4U:
            return handlerWord { simdLoad(UInt64.self, $0, $1, $2, $3, $4, $5, $6) { x in SIMDSemantics.extend(V128(low: x, high: 0), from: UInt16.self, to: UInt32.self, high: false, signed: false) } }
        case .v128Load32x2S:
            return handlerWord { simdLoad(UInt64.self, $0, $1, $2, $3, $4, $5, $6) { x in SIMDSemantics.extend(V128(low: x, high: 0), from: UInt32.self, to: UInt64.self, high: false, signed: true) } }
        case .v128Load32x2U:
            return handlerWord { simdLoad(UInt64.self, $0, $1, $2, $3, $4, $5, $6) { x in SIMDSemantics.extend(V128(low: x, high: 0), from: UInt32.self, to: UInt64.self, high: false, signed: false) } }
        case .v128Load8Splat: return handlerWord { simdLoad(UInt8.self, $0, $1, $2, $3, $4, $5, $6) { x in SIMDSemantics.splat(x) } }
        case .v128Load16Splat: return handlerWord { simdLoad(UInt16.self, $0, $1, $2, $3, $4, $5, $6) { x in SIMDSemantics.splat(x) } }
        case .v128Load32Splat: return handlerWord { simdLoad(UInt32.self, $0, $1, $2, $3, $4, $5, $6) { x in SIMDSemantics.splat(x) } }
        case .v128Load64Splat: return handlerWord { simdLoad(UInt64.self, $0, $1, $2, $3, $4, $5, $6) { x in SIMDSemantics.splat(x) } }
        case .v128Load32Zero: return handlerWord { simdLoad(UInt32.self, $0, $1, $2, $3, $4, $5, $6) { x in V128(low: UInt64(x), high: 0) } }
        case .v128Load64Zero: return handlerWord { simdLoad(UInt64.self, $0, $1, $2, $3, $4, $5, $6) { x in V128(low: x, high: 0) } }
        }
    }

    /// The handler word of a `v128.loadN_lane` or `v128.storeN_lane`.
    static func memoryLaneHandler(_ operation: SIMDMemoryLaneOperation) -> UInt64 {
        switch operation {
        case .v128Load8Lane: return handlerWord { simdLoadLane(UInt8.self, $0, $1, $2, $3, $4, $5, $6) }
        case .v128Load16Lane: return handlerWord { simdLoadLane(UInt16.self, $0, $1, $2, $3, $4, $5, $6) }
        case .v128Load32Lane: return handlerWord { simdLoadLane(UInt32.self, $0, $1, $2, $3, $4, $5, $6) }
        case .v128Load64Lane: return handlerWord { simdLoadLane(UInt64.self, $0, $1, $2, $3, $4, $5, $6) }
        case .v128Store8Lane: return handlerWord { simdStoreLane(UInt8.self, $0, $1, $2, $3, $4, $5, $6) }
        case .v128Store16Lane: return handlerWord { simdStoreLane(UInt16.self, $0, $1, $2, $3, $4, $5, $6) }
        case .v128Store32Lane: return handlerWord { simdStoreLane(UInt32.self, $0, $1, $2, $3, $4, $5, $6) }
        case .v128Store64Lane: return handlerWord { simdStoreLane(UInt64.self, $0, $1, $2, $3, $4, $5, $6) }
        }
    }
}
