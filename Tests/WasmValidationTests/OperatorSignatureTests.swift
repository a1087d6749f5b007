import Testing
import WasmBinary
@testable import WasmValidation

/// The packed signature tables agree with the instruction set's own `signature` for every operator.
struct OperatorSignatureTests {
    static func unpacked(_ packed: OperatorSignature) -> [ValueType?] {
        [packed.first, packed.second, packed.third].prefix(Int(packed.operandCount)).map(\.valueType)
    }

    @Test func numericTableMatchesTheInstructionSet() {
        for operation in NumericOperation.allCases {
            let packed = OperatorSignature.numeric[OperatorSignature.numericIndex(of: operation)]
            #expect(Self.unpacked(packed) == operation.signature.operands.map { $0 }, "\(operation.name)")
            #expect(packed.result.valueType == operation.signature.result, "\(operation.name)")
        }
    }

    @Test func vectorTableMatchesTheInstructionSet() {
        for operation in SIMDOperation.allCases {
            let packed = OperatorSignature.vector[Int(operation.rawValue)]
            #expect(Self.unpacked(packed) == operation.signature.operands.map { $0 }, "\(operation.name)")
            #expect(packed.result.valueType == operation.signature.result, "\(operation.name)")
        }
    }

    /// Operand types are 32-bit codes (type indices included), compared as integers.
    @Test func operandStackEntriesAreFourBytes() {
        #expect(MemoryLayout<OperandType>.size == 4)
        let typed = ValueType.ref(ReferenceType(.concrete(7), isNullable: false))
        for type in [ValueType.i32, .i64, .f32, .f64, .v128, .funcref, .externref, .exnref, typed] {
            #expect(OperandType(type).valueType == type)
        }
    }

    @Test func operandStackGrowsPastItsInitialCapacity() throws {
        var instructions = [Instruction](repeating: .i32Const(1), count: 1000)
        instructions += [Instruction](repeating: .drop, count: 1000)
        instructions.append(.end)
        let validator = try validateFunction(instructions)
        #expect(validator.isFinished)
        #expect(validator.operandCount == 0)
    }
}
