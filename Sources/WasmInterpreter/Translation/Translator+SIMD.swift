import WasmBinary

extension Translator {
    /// Emits code for one validated SIMD instruction. v128 operands are two-slot values; lane
    /// indices, offsets and shuffle lanes become immediate words.
    mutating func translateSIMD(_ instruction: Instruction) throws(CompileError) {
        switch instruction {
        case .v128Const(let value):
            push(.v128, .constant(value.low, value.high))
        case .i8x16Shuffle(let lanes):
            let (a, b) = popTwoSlots()
            let destination = pushResult()
            let start = code.position
            code.emit(SIMDHandlers.shuffle, pack(a, b, destination), lanes.low, lanes.high)
            noteResult(destination, start: start)
        case .simdMemory(let operation, let argument):
            let offset = min(argument.offset, 1 << 32)  // larger offsets always trap; this one does too
            if operation.isStore {
                let (address, value) = popTwoSlots()
                code.emit(SIMDHandlers.memoryHandler(operation), pack(address, value, 0), offset)
            } else {
                let address = popSlot()
                let destination = pushResult()
                let start = code.position
                code.emit(SIMDHandlers.memoryHandler(operation), pack(address, 0, destination), offset)
                noteResult(destination, start: start)
            }
        case .simdMemoryLane(let operation, let argument, let lane):
            let offset = min(argument.offset, 1 << 32)
            let (address, vector) = popTwoSlots()
            if operation.isStore {
                code.emit(SIMDHandlers.memoryLaneHandler(operation), pack(address, vector, 0), offset, UInt64(lane))
            } else {
                let destination = pushResult()
                let start = code.position
                code.emit(SIMDHandlers.memoryLaneHandler(operation), pack(address, vector, destination), offset, UInt64(lane))
                noteResult(destination, start: start)
            }
        case .simdLane(let operation, let lane):
            let (vector, scalar): (Int, Int)
            if operation.isReplace {
                (vector, scalar) = popTwoSlots()
            } else {
                (vector, scalar) = (popSlot(), 0)
            }
            let destination = pushResult()
            let start = code.position
            code.emit(SIMDHandlers.laneHandler(operation), pack(vector, scalar, destination), UInt64(lane))
            noteResult(destination, start: start)
        case .simd(let operation):
            try translateSIMDOperation(operation)
        default:
            break
        }
    }

    mutating func translateSIMDOperation(_ operation: SIMDOperation) throws(CompileError) {
        if operation == .v128Bitselect {
            let (a, b, mask) = popThreeSlots()
            let destination = pushResult()
            code.emit(SIMDHandlers.bitselect, pack(a, b, mask), UInt64(destination))
            return
        }
        guard let handler = SIMDHandlers.handler(operation) else {
            throw .unsupported("\(operation.name) has no handler")
        }
        let (a, b): (Int, Int)
        if operation.signature.operands.count == 2 {
            (a, b) = popTwoSlots()
        } else {
            (a, b) = (popSlot(), 0)
        }
        let destination = pushResult()
        let start = code.position
        code.emit(handler, pack(a, b, destination))
        noteResult(destination, start: start)
    }
}
