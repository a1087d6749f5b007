import WasmBinary

/// Vector (SIMD) instructions: v128 typing and lane indices.
/// <https://webassembly.github.io/spec/core/valid/instructions.html#vector-instructions>
extension FunctionValidator {
    mutating func validateVector(_ instruction: Instruction) throws(ValidationError) {
        switch instruction {
        case .simd(let operation):
            let signature = operation.signature
            try pop(signature.operands)
            push(signature.result)
        case .v128Const:
            push(.v128)
        case .i8x16Shuffle(let lanes):
            // Each of the 16 lane indices selects one of the 32 bytes of the two operands.
            guard (lanes.low | lanes.high) & 0xE0E0_E0E0_E0E0_E0E0 == 0 else {
                throw error("invalid lane index: i8x16.shuffle lanes must be below 32")
            }
            try pop(.v128)
            try pop(.v128)
            push(.v128)
        case .simdMemory(let operation, let argument):
            try requireMemory()
            try checkAlignment(argument, natural: operation.naturalAlignment)
            if operation.isStore {
                try pop(.v128)
                try pop(.i32)
            } else {
                try pop(.i32)
                push(.v128)
            }
        case .simdMemoryLane(let operation, let argument, let lane):
            try requireMemory()
            try checkAlignment(argument, natural: operation.naturalAlignment)
            try checkLane(lane, below: operation.laneCount)
            try pop(.v128)
            try pop(.i32)
            if !operation.isStore { push(.v128) }
        case .simdLane(let operation, let lane):
            try checkLane(lane, below: operation.laneCount)
            if operation.isReplace {
                try pop(operation.laneType)
                try pop(.v128)
                push(.v128)
            } else {
                try pop(.v128)
                push(operation.laneType)
            }
        default:
            preconditionFailure("not a vector instruction: \(instruction)")
        }
    }

    @inline(__always)
    func checkLane(_ lane: UInt8, below count: UInt8) throws(ValidationError) {
        guard lane < count else { throw error("invalid lane index: \(lane) is not below \(count)") }
    }
}
