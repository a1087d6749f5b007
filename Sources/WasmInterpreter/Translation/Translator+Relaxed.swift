import WasmBinary

/// Relaxed SIMD and wide arithmetic: instructions that only compute.
extension Translator {
    /// A relaxed SIMD instruction: the handler of its deterministic 2.0 equivalent when it has one,
    /// its own handler otherwise (see `SIMDSemantics+Relaxed.swift` for the results chosen).
    mutating func translateRelaxedSIMD(_ operation: RelaxedSIMDOperation) throws(CompileError) {
        if let equivalent = operation.deterministicEquivalent {
            try translateSIMDOperation(equivalent)
            return
        }
        guard let handler = SIMDHandlers.relaxedHandler(operation) else {
            throw .unsupported("\(operation.name) has no handler")
        }
        if operation.signature.operands.count == 3 {
            let (a, b, c) = popThreeSlots()
            let destination = pushResult()
            code.emit(handler, pack(a, b, c), UInt64(destination))
        } else {
            let (a, b) = popTwoSlots()
            let destination = pushResult()
            let start = code.position
            code.emit(handler, pack(a, b, destination))
            noteResult(destination, start: start)
        }
    }

    /// `i64.add128`, `i64.sub128`, `i64.mul_wide_s`, `i64.mul_wide_u`: two i64 results, the low
    /// half in the first slot.
    mutating func translateWideArithmetic(_ operation: WideArithmeticOperation) {
        switch operation {
        case .i64Add128, .i64Sub128:
            let highB = readSlot(of: operands.count - 1)
            let lowB = readSlot(of: operands.count - 2)
            let highA = readSlot(of: operands.count - 3)
            let lowA = readSlot(of: operands.count - 4)
            for _ in 0..<4 { pop() }
            push(.i64)
            push(.i64)
            let destination = operands[operands.count - 2].slot
            let handler = operation == .i64Add128 ? Handlers.i64Add128 : Handlers.i64Sub128
            code.emit(handler, pack(lowA, highA, destination), pack(lowB, highB, 0))
        case .i64MulWideS, .i64MulWideU:
            let (a, b) = popTwoSlots()
            push(.i64)
            push(.i64)
            let destination = operands[operands.count - 2].slot
            code.emit(operation == .i64MulWideS ? Handlers.i64MulWideS : Handlers.i64MulWideU, pack(a, b, destination))
        }
    }
}
