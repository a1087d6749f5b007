import WasmBinary

/// An operator's operand and result types, packed into a few bytes so that validating a numeric
/// or vector operator reads a table entry instead of building arrays.
///
/// The tables are built once from the instruction set's own `signature` properties, so the types
/// are still defined in one place (`NumericOperation`, `SIMDOperation`).
struct OperatorSignature: Sendable {
    /// How many operands the operator takes (1 to 3).
    var operandCount: UInt8
    /// The operand types' codes (`OperandType.raw`, all below 256: operators take and give
    /// numbers and vectors only), first operand first; unused slots repeat the last one. Five
    /// bytes in all, so that a table entry is one small load.
    var firstCode: UInt8
    var secondCode: UInt8
    var thirdCode: UInt8
    var resultCode: UInt8

    var first: OperandType { OperandType(raw: UInt32(firstCode)) }
    var second: OperandType { OperandType(raw: UInt32(secondCode)) }
    var third: OperandType { OperandType(raw: UInt32(thirdCode)) }
    var result: OperandType { OperandType(raw: UInt32(resultCode)) }

    init(_ signature: (operands: [ValueType], result: ValueType)) {
        let operands = signature.operands.map { UInt8(truncatingIfNeeded: OperandType($0).raw) }
        operandCount = UInt8(truncatingIfNeeded: operands.count)
        resultCode = UInt8(truncatingIfNeeded: OperandType(signature.result).raw)
        firstCode = operands.first ?? resultCode
        secondCode = operands.count > 1 ? operands[1] : firstCode
        thirdCode = operands.count > 2 ? operands[2] : secondCode
    }

    /// Signatures of the numeric operators, by `numericIndex(of:)`.
    static let numeric: [OperatorSignature] = {
        var table = [OperatorSignature](repeating: OperatorSignature(([], .i32)), count: 0x108)
        for operation in NumericOperation.allCases {
            table[numericIndex(of: operation)] = OperatorSignature(operation.signature)
        }
        return table
    }()

    /// Signatures of the SIMD operators without immediates, by subopcode.
    static let vector: [OperatorSignature] = {
        let count = Int(SIMDOperation.allCases.map(\.rawValue).max() ?? 0) + 1
        var table = [OperatorSignature](repeating: OperatorSignature(([], .v128)), count: count)
        for operation in SIMDOperation.allCases {
            table[Int(operation.rawValue)] = OperatorSignature(operation.signature)
        }
        return table
    }()

    /// Signatures of the relaxed SIMD operators, by subopcode minus `RelaxedSIMDOperation.firstOpcode`.
    static let relaxedVector: [OperatorSignature] = {
        let count = Int((RelaxedSIMDOperation.allCases.map(\.rawValue).max() ?? 0) - RelaxedSIMDOperation.firstOpcode) + 1
        var table = [OperatorSignature](repeating: OperatorSignature(([], .v128)), count: count)
        for operation in RelaxedSIMDOperation.allCases {
            table[Int(operation.rawValue - RelaxedSIMDOperation.firstOpcode)] = OperatorSignature(operation.signature)
        }
        return table
    }()

    /// A dense index for a numeric operator: its opcode, or 0x100 plus the subopcode for the
    /// 0xFC-prefixed saturating truncations.
    @inline(__always)
    static func numericIndex(of operation: NumericOperation) -> Int {
        let raw = Int(operation.rawValue)
        return raw < 0x100 ? raw : 0x100 | (raw & 0xFF)
    }
}
