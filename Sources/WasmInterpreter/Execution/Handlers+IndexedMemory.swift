import WasmBinary

// Loads and stores whose address is a fused `i32.add` of two slots (see `effectiveAddress`).

@inline(__always)
func handleIndexedI32Load(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    memoryLoad(UInt32.self, pc, fp, md, ms, state, indexed: true) { UInt64($0) }
}
@inline(__always)
func handleIndexedI64Load(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    memoryLoad(UInt64.self, pc, fp, md, ms, state, indexed: true) { $0 }
}
@inline(__always)
func handleIndexedI32Load8S(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    memoryLoad(Int8.self, pc, fp, md, ms, state, indexed: true) { UInt64(UInt32(bitPattern: Int32($0))) }
}
@inline(__always)
func handleIndexedI32Load8U(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    memoryLoad(UInt8.self, pc, fp, md, ms, state, indexed: true) { UInt64($0) }
}
@inline(__always)
func handleIndexedI32Load16S(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    memoryLoad(Int16.self, pc, fp, md, ms, state, indexed: true) { UInt64(UInt32(bitPattern: Int32($0))) }
}
@inline(__always)
func handleIndexedI32Load16U(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    memoryLoad(UInt16.self, pc, fp, md, ms, state, indexed: true) { UInt64($0) }
}
@inline(__always)
func handleIndexedI64Load8S(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    memoryLoad(Int8.self, pc, fp, md, ms, state, indexed: true) { UInt64(bitPattern: Int64($0)) }
}
@inline(__always)
func handleIndexedI64Load16S(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    memoryLoad(Int16.self, pc, fp, md, ms, state, indexed: true) { UInt64(bitPattern: Int64($0)) }
}
@inline(__always)
func handleIndexedI64Load32S(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    memoryLoad(Int32.self, pc, fp, md, ms, state, indexed: true) { UInt64(bitPattern: Int64($0)) }
}
@inline(__always)
func handleIndexedI64Load32U(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    memoryLoad(UInt32.self, pc, fp, md, ms, state, indexed: true) { UInt64($0) }
}
@inline(__always)
func handleIndexedStore8(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    memoryStore(UInt8.self, pc, fp, md, ms, state, indexed: true)
}
@inline(__always)
func handleIndexedStore16(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    memoryStore(UInt16.self, pc, fp, md, ms, state, indexed: true)
}
@inline(__always)
func handleIndexedStore32(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    memoryStore(UInt32.self, pc, fp, md, ms, state, indexed: true)
}
@inline(__always)
func handleIndexedStore64(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    memoryStore(UInt64.self, pc, fp, md, ms, state, indexed: true)
}

extension MemoryHandlers {
    static func indexedLoad(_ operation: LoadOperation) -> UInt64 {
        switch operation {
        case .i32Load: return handlerWord { handleIndexedI32Load($0, $1, $2, $3, $4) }
        case .f32Load: return handlerWord { handleIndexedI32Load($0, $1, $2, $3, $4) }
        case .i64Load: return handlerWord { handleIndexedI64Load($0, $1, $2, $3, $4) }
        case .f64Load: return handlerWord { handleIndexedI64Load($0, $1, $2, $3, $4) }
        case .i32Load8S: return handlerWord { handleIndexedI32Load8S($0, $1, $2, $3, $4) }
        case .i32Load8U: return handlerWord { handleIndexedI32Load8U($0, $1, $2, $3, $4) }
        case .i64Load8U: return handlerWord { handleIndexedI32Load8U($0, $1, $2, $3, $4) }
        case .i32Load16S: return handlerWord { handleIndexedI32Load16S($0, $1, $2, $3, $4) }
        case .i32Load16U: return handlerWord { handleIndexedI32Load16U($0, $1, $2, $3, $4) }
        case .i64Load16U: return handlerWord { handleIndexedI32Load16U($0, $1, $2, $3, $4) }
        case .i64Load8S: return handlerWord { handleIndexedI64Load8S($0, $1, $2, $3, $4) }
        case .i64Load16S: return handlerWord { handleIndexedI64Load16S($0, $1, $2, $3, $4) }
        case .i64Load32S: return handlerWord { handleIndexedI64Load32S($0, $1, $2, $3, $4) }
        case .i64Load32U: return handlerWord { handleIndexedI64Load32U($0, $1, $2, $3, $4) }
        }
    }

    static func indexedStore(_ operation: StoreOperation) -> UInt64 {
        switch operation.byteWidth {
        case 1: return handlerWord { handleIndexedStore8($0, $1, $2, $3, $4) }
        case 2: return handlerWord { handleIndexedStore16($0, $1, $2, $3, $4) }
        case 4: return handlerWord { handleIndexedStore32($0, $1, $2, $3, $4) }
        default: return handlerWord { handleIndexedStore64($0, $1, $2, $3, $4) }
        }
    }
}
