import WasmBinary

/// Control instructions: structured blocks, branches, returns and calls.
/// <https://webassembly.github.io/spec/core/valid/instructions.html#control-instructions>
extension FunctionValidator {
    mutating func validateControl(_ instruction: Instruction) throws(ValidationError) {
        switch instruction {
        case .unreachable:
            markUnreachable()
        case .nop:
            break
        case .block(let blockType):
            let (parameters, results) = try signature(of: blockType)
            try pop(parameters)
            pushFrame(.block, parameters: parameters, results: results)
        case .loop(let blockType):
            let (parameters, results) = try signature(of: blockType)
            try pop(parameters)
            pushFrame(.loop, parameters: parameters, results: results)
        case .if(let blockType):
            let (parameters, results) = try signature(of: blockType)
            try pop(.i32)
            try pop(parameters)
            pushFrame(.if, parameters: parameters, results: results)
        case .else:
            guard frames.last?.kind == .if else { throw error("else without a matching if") }
            let frame = try popFrame()
            pushFrame(.else, parameters: frame.parameterTypes, results: frame.resultTypes)
        case .end:
            try validateEnd()
        case .br(let label):
            try pop(try frame(forLabel: label).labelTypes)
            markUnreachable()
        case .brIf(let label):
            let types = try frame(forLabel: label).labelTypes
            try pop(.i32)
            try pop(types)
            push(types)
        case .brTable(let table):
            try validateBranchTable(table)
        case .return:
            try pop(resultTypes)
            markUnreachable()
        case .call(let functionIndex):
            guard let type = context.functionType(at: functionIndex) else { throw error("unknown function \(functionIndex)") }
            try pop(type.parameters)
            push(type.results)
        case .callIndirect(let typeIndex, let tableIndex):
            guard let table = context.tableType(at: tableIndex) else { throw error("unknown table \(tableIndex)") }
            guard table.elementType == .funcref else {
                throw error("type mismatch: call_indirect needs a funcref table, table \(tableIndex) holds \(table.elementType)")
            }
            guard let type = context.type(at: typeIndex) else { throw error("unknown type \(typeIndex)") }
            try pop(.i32)
            try pop(type.parameters)
            push(type.results)
        default:
            preconditionFailure("not a control instruction: \(instruction)")
        }
    }

    /// The parameter and result types of a block type.
    /// <https://webassembly.github.io/spec/core/valid/types.html#block-types>
    @inline(__always)
    func signature(of blockType: BlockType) throws(ValidationError) -> (parameters: [ValueType], results: [ValueType]) {
        switch blockType {
        case .empty:
            return ([], [])
        case .value(let type):
            return ([], context.singleTypeList(type))
        case .typeIndex(let index):
            guard let type = context.type(at: index) else { throw error("unknown type \(index)") }
            return (type.parameters, type.results)
        }
    }

    /// `end` closes the innermost frame and leaves its results; an `if` without `else` must give
    /// back what it took, since its missing `else` branch does nothing.
    mutating func validateEnd() throws(ValidationError) {
        let frame = try popFrame()
        if frame.kind == .if, frame.parameterTypes != frame.resultTypes {
            throw error("type mismatch: if without else must have the same parameters and results, has \(frame.parameterTypes) -> \(frame.resultTypes)")
        }
        push(frame.resultTypes)
        if frames.isEmpty { isFinished = true }
    }

    /// Every target of a `br_table` takes the same number of values, and the operands suit each.
    /// <https://webassembly.github.io/spec/core/valid/instructions.html#valid-br-table>
    mutating func validateBranchTable(_ table: BranchTable) throws(ValidationError) {
        try pop(.i32)
        let defaultTypes = try frame(forLabel: table.defaultIndex).labelTypes
        for label in table.labelIndices {
            let types = try frame(forLabel: label).labelTypes
            guard types.count == defaultTypes.count else {
                throw error("type mismatch: br_table targets carry \(types.count) and \(defaultTypes.count) values")
            }
            try peek(types)
        }
        try pop(defaultTypes)
        markUnreachable()
    }
}
