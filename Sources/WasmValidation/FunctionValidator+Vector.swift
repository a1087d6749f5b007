import WasmBinary

/// Vector (SIMD) instructions: v128 typing and lane indices.
/// <https://webassembly.github.io/spec/core/valid/instructions.html#vector-instructions>
extension FunctionValidator {
    @inline(__always)
    mutating func validateVector(_ operation: SIMDOperation) throws(ValidationError) {
        try apply(vectorSignatures[Int(operation.rawValue)])
    }

    /// Relaxed SIMD operators, by their signature table (kept out of `validate`'s switch, so that
    /// `apply` stays inlined at the two hot call sites).
    @inline(never)
    mutating func validateRelaxedVector(_ operation: RelaxedSIMDOperation) throws(ValidationError) {
        try apply(relaxedVectorSignatures[Int(operation.rawValue - RelaxedSIMDOperation.firstOpcode)])
    }

    /// Each of `i8x16.shuffle`'s 16 lane indices selects one of the 32 bytes of its two operands.
    mutating func validateShuffle(_ lanes: V128) throws(ValidationError) {
        guard (lanes.low | lanes.high) & 0xE0E0_E0E0_E0E0_E0E0 == 0 else {
            throw site.error("invalid lane index: i8x16.shuffle lanes must be below 32")
        }
        try pop(.v128)
        try pop(.v128)
        push(.v128)
    }

    mutating func validateVectorMemory(_ operation: SIMDMemoryOperation, _ argument: MemoryArgument) throws(ValidationError) {
        let address = try memoryAddress(argument, naturalAlignment: operation.naturalAlignment)
        if operation.isStore {
            try pop(.v128)
            try pop(address)
        } else {
            try pop(address)
            push(.v128)
        }
    }

    mutating func validateVectorMemoryLane(
        _ operation: SIMDMemoryLaneOperation, _ argument: MemoryArgument, _ lane: UInt8
    ) throws(ValidationError) {
        let address = try memoryAddress(argument, naturalAlignment: operation.naturalAlignment)
        try checkLane(lane, below: operation.laneCount)
        try pop(.v128)
        try pop(address)
        if !operation.isStore { push(.v128) }
    }

    /// `extract_lane` (v128 to a scalar) and `replace_lane` (v128 and a scalar to v128).
    mutating func validateLane(_ operation: SIMDLaneOperation, _ lane: UInt8) throws(ValidationError) {
        try checkLane(lane, below: operation.laneCount)
        if operation.isReplace {
            try pop(OperandType(operation.laneType))
            try pop(.v128)
            push(.v128)
        } else {
            try pop(.v128)
            push(OperandType(operation.laneType))
        }
    }

    @inline(__always)
    func checkLane(_ lane: UInt8, below count: UInt8) throws(ValidationError) {
        guard lane < count else { throw site.error("invalid lane index: \(lane) is not below \(count)") }
    }
}
