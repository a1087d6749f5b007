import WasmBinary

/// Control instructions: structured blocks, branches, returns and calls.
/// <https://webassembly.github.io/spec/core/valid/instructions.html#control-instructions>
extension FunctionValidator {
    /// `block`, `loop` and `if` take their parameters from the stack and open a frame.
    @inline(__always)
    mutating func enter(_ kind: ControlFrame.Kind, _ blockType: BlockType) throws(ValidationError) {
        switch blockType {
        case .empty, .value:
            if kind == .if { try pop(.i32) }
            pushFrame(kind, blockType, parameters: [])
        case .typeIndex(let index):
            guard let type = context.type(at: index) else { throw site.error("unknown type \(index)") }
            if kind == .if { try pop(.i32) }
            try pop(type.parameters)
            pushFrame(kind, blockType, parameters: type.parameters)
        }
    }

    /// `else` closes the `if` branch and opens the `else` branch with the same type.
    mutating func validateElse() throws(ValidationError) {
        guard frames.last?.kind == .if else { throw site.error("else without a matching if") }
        let frame = try popFrame()
        pushFrame(.else, frame.blockType, parameters: parameters(of: frame))
    }

    /// `end` closes the innermost frame and leaves its results; an `if` without `else` must give
    /// back what it took, since its missing `else` branch does nothing.
    mutating func validateEnd() throws(ValidationError) {
        let frame = try popFrame()
        if frame.kind == .if, frame.blockType != .empty {
            let parameters = parameters(of: frame)
            let results = results(of: frame)
            if parameters != results {
                throw site.error("type mismatch: if without else must have the same parameters and results, has \(parameters) -> \(results)")
            }
        }
        pushResults(of: frame)
        if frames.isEmpty { isFinished = true }
    }

    @inline(__always)
    mutating func validateBranch(_ label: UInt32) throws(ValidationError) {
        try popLabelValues(of: try frame(forLabel: label))
        markUnreachable()
    }

    @inline(__always)
    mutating func validateConditionalBranch(_ label: UInt32) throws(ValidationError) {
        let target = try frame(forLabel: label)
        try pop(.i32)
        try popLabelValues(of: target)
        pushLabelValues(of: target)
    }

    /// Every target of a `br_table` takes the same number of values, and the operands suit each.
    /// <https://webassembly.github.io/spec/core/valid/instructions.html#valid-br-table>
    mutating func validateBranchTable(_ table: BranchTable) throws(ValidationError) {
        try pop(.i32)
        let defaultTypes = labelTypes(of: try frame(forLabel: table.defaultIndex))
        for label in table.labelIndices {
            let types = labelTypes(of: try frame(forLabel: label))
            guard types.count == defaultTypes.count else {
                throw site.error("type mismatch: br_table targets carry \(types.count) and \(defaultTypes.count) values")
            }
            try peek(types)
        }
        try pop(defaultTypes)
        markUnreachable()
    }

    @inline(__always)
    mutating func validateReturn() throws(ValidationError) {
        try pop(resultTypes)
        markUnreachable()
    }

    @inline(__always)
    mutating func validateCall(_ functionIndex: UInt32) throws(ValidationError) {
        guard let type = context.functionType(at: functionIndex) else { throw site.error("unknown function \(functionIndex)") }
        try pop(type.parameters)
        push(type.results)
    }

    /// `call_indirect` calls through a funcref table with a type from the type section.
    mutating func validateCallIndirect(_ typeIndex: UInt32, _ tableIndex: UInt32) throws(ValidationError) {
        guard let table = context.tableType(at: tableIndex) else { throw site.error("unknown table \(tableIndex)") }
        guard table.elementType == .funcref else {
            throw site.error("type mismatch: call_indirect needs a funcref table, table \(tableIndex) holds \(table.elementType)")
        }
        guard let type = context.type(at: typeIndex) else { throw site.error("unknown type \(typeIndex)") }
        try pop(.i32)
        try pop(type.parameters)
        push(type.results)
    }
}
