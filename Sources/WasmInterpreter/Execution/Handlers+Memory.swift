import WasmBinary

/// The effective address of a memory access, or nil when `width` bytes there are out of bounds.
/// Operand word: (address slot, value slot, destination); the next word is the static offset.
/// An `indexed` access (a fused `i32.add` feeding the address) adds a second slot first, with
/// i32 wrap-around, as the separate `i32.add` would: (base, index, destination or value).
@inline(__always)
func effectiveAddress(_ pc: CodePointer, _ fp: FramePointer, _ ms: Int, width: Int, indexed: Bool) -> Int? {
    var base = UInt32(truncatingIfNeeded: fp[slotA(pc)])
    if indexed { base = base &+ UInt32(truncatingIfNeeded: fp[slotB(pc)]) }
    let address = UInt64(base) &+ pc[2]
    guard _fastPath(address &+ UInt64(width) <= UInt64(ms)) else { return nil }
    return Int(truncatingIfNeeded: address)
}

@inline(__always)
func memoryLoad<T: FixedWidthInteger>(_ type: T.Type, _ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int,
                                      _ state: StatePointer, indexed: Bool = false, _ extend: (T) -> UInt64) {
    guard let address = effectiveAddress(pc, fp, ms, width: MemoryLayout<T>.size, indexed: indexed) else {
        return trap(.outOfBoundsMemoryAccess, state)
    }
    fp[slotD(pc)] = extend(T(littleEndian: md.loadUnaligned(fromByteOffset: address, as: T.self)))
    next(pc + 3, fp, md, ms, state)
}

@inline(__always)
func memoryStore<T: FixedWidthInteger>(_ type: T.Type, _ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int,
                                       _ state: StatePointer, indexed: Bool = false) {
    guard let address = effectiveAddress(pc, fp, ms, width: MemoryLayout<T>.size, indexed: indexed) else {
        return trap(.outOfBoundsMemoryAccess, state)
    }
    let value = indexed ? fp[slotD(pc)] : fp[slotB(pc)]
    md.storeBytes(of: T(truncatingIfNeeded: value).littleEndian, toByteOffset: address, as: T.self)
    next(pc + 3, fp, md, ms, state)
}

@inline(__always)
func handleI32Load(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    memoryLoad(UInt32.self, pc, fp, md, ms, state) { UInt64($0) }
}
@inline(__always)
func handleI64Load(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    memoryLoad(UInt64.self, pc, fp, md, ms, state) { $0 }
}
@inline(__always)
func handleI32Load8S(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    memoryLoad(Int8.self, pc, fp, md, ms, state) { UInt64(UInt32(bitPattern: Int32($0))) }
}
@inline(__always)
func handleI32Load8U(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    memoryLoad(UInt8.self, pc, fp, md, ms, state) { UInt64($0) }
}
@inline(__always)
func handleI32Load16S(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    memoryLoad(Int16.self, pc, fp, md, ms, state) { UInt64(UInt32(bitPattern: Int32($0))) }
}
@inline(__always)
func handleI32Load16U(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    memoryLoad(UInt16.self, pc, fp, md, ms, state) { UInt64($0) }
}
@inline(__always)
func handleI64Load8S(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    memoryLoad(Int8.self, pc, fp, md, ms, state) { UInt64(bitPattern: Int64($0)) }
}
@inline(__always)
func handleI64Load16S(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    memoryLoad(Int16.self, pc, fp, md, ms, state) { UInt64(bitPattern: Int64($0)) }
}
@inline(__always)
func handleI64Load32S(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    memoryLoad(Int32.self, pc, fp, md, ms, state) { UInt64(bitPattern: Int64($0)) }
}
@inline(__always)
func handleI64Load32U(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    memoryLoad(UInt32.self, pc, fp, md, ms, state) { UInt64($0) }
}
@inline(__always)
func handleStore8(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    memoryStore(UInt8.self, pc, fp, md, ms, state)
}
@inline(__always)
func handleStore16(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    memoryStore(UInt16.self, pc, fp, md, ms, state)
}
@inline(__always)
func handleStore32(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    memoryStore(UInt32.self, pc, fp, md, ms, state)
}
@inline(__always)
func handleStore64(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    memoryStore(UInt64.self, pc, fp, md, ms, state)
}

/// The load and store handler of each memory instruction.
enum MemoryHandlers {
    static func load(_ operation: LoadOperation, indexed: Bool = false) -> UInt64 {
        if indexed { return indexedLoad(operation) }
        switch operation {
        case .i32Load, .f32Load, .i64Load32U: return operation == .i64Load32U ? handlerWord { handleI64Load32U($0, $1, $2, $3, $4) } : handlerWord { handleI32Load($0, $1, $2, $3, $4) }
        case .i64Load, .f64Load: return handlerWord { handleI64Load($0, $1, $2, $3, $4) }
        case .i32Load8S: return handlerWord { handleI32Load8S($0, $1, $2, $3, $4) }
        case .i32Load8U, .i64Load8U: return handlerWord { handleI32Load8U($0, $1, $2, $3, $4) }
        case .i32Load16S: return handlerWord { handleI32Load16S($0, $1, $2, $3, $4) }
        case .i32Load16U, .i64Load16U: return handlerWord { handleI32Load16U($0, $1, $2, $3, $4) }
        case .i64Load8S: return handlerWord { handleI64Load8S($0, $1, $2, $3, $4) }
        case .i64Load16S: return handlerWord { handleI64Load16S($0, $1, $2, $3, $4) }
        case .i64Load32S: return handlerWord { handleI64Load32S($0, $1, $2, $3, $4) }
        }
    }

    static func store(_ operation: StoreOperation, indexed: Bool = false) -> UInt64 {
        if indexed { return indexedStore(operation) }
        switch operation.byteWidth {
        case 1: return handlerWord { handleStore8($0, $1, $2, $3, $4) }
        case 2: return handlerWord { handleStore16($0, $1, $2, $3, $4) }
        case 4: return handlerWord { handleStore32($0, $1, $2, $3, $4) }
        default: return handlerWord { handleStore64($0, $1, $2, $3, $4) }
        }
    }
}
