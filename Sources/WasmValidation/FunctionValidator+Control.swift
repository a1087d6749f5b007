import WasmBinary

/// Control instructions: structured blocks, branches, returns and calls.
/// <https://webassembly.github.io/spec/core/valid/instructions.html#control-instructions>
extension FunctionValidator {
    /// `block`, `loop` and `if` take their parameters from the stack and open a frame.
    @inline(__always)
    mutating func enter(_ kind: ControlFrame.Kind, _ blockType: BlockType) throws(ValidationError) {
        switch blockType {
        case .empty:
            if kind == .if { try pop(.i32) }
            pushFrame(kind, parameters: [], results: [])
        case .value(let type):
            if kind == .if { try pop(.i32) }
            pushFrame(kind, parameters: [], results: context.singleTypeList(type))
        case .typeIndex(let index):
            guard let type = context.type(at: index) else { throw site.error("unknown type \(index)") }
            if kind == .if { try pop(.i32) }
            try pop(type.parameters)
            pushFrame(kind, parameters: type.parameters, results: type.results)
        }
    }

    /// `else` closes the `if` branch and opens the `else` branch with the same type.
    mutating func validateElse() throws(ValidationError) {
        guard frames.last?.kind == .if else { throw site.error("else without a matching if") }
        let frame = try popFrame()
        pushFrame(.else, parameters: frame.parameterTypes, results: frame.resultTypes)
    }

    /// `end` closes the innermost frame and leaves its results; an `if` without `else` must give
    /// back what it took, since its missing `else` branch does nothing.
    mutating func validateEnd() throws(ValidationError) {
        let frame = try popFrame()
        if frame.kind == .if, frame.parameterTypes != frame.resultTypes {
            throw site.error("type mismatch: if without else must have the same parameters and results, has \(frame.parameterTypes) -> \(frame.resultTypes)")
        }
        push(frame.resultTypes)
        if frames.isEmpty { isFinished = true }
    }

    @inline(__always)
    mutating func validateBranch(_ label: UInt32) throws(ValidationError) {
        try pop(try labelTypes(label))
        markUnreachable()
    }

    @inline(__always)
    mutating func validateConditionalBranch(_ label: UInt32) throws(ValidationError) {
        let types = try labelTypes(label)
        try pop(.i32)
        try pop(types)
        push(types)
    }

    /// Every target of a `br_table` takes the same number of values, and the operands suit each.
    /// <https://webassembly.github.io/spec/core/valid/instructions.html#valid-br-table>
    mutating func validateBranchTable(_ table: BranchTable) throws(ValidationError) {
        try pop(.i32)
        let defaultTypes = try labelTypes(table.defaultIndex)
        for label in table.labelIndices {
            let types = try labelTypes(label)
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
