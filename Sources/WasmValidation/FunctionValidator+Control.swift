import WasmBinary

/// Control instructions: structured blocks, branches, returns and calls.
/// <https://webassembly.github.io/spec/core/valid/instructions.html#control-instructions>
extension FunctionValidator {
    /// `block`, `loop` and `if` take their parameters from the stack and open a frame.
    @inline(__always)
    mutating func enter(_ kind: ControlFrame.Kind, _ blockType: BlockType) throws(ValidationError) {
        switch blockType {
        case .empty, .value:
            if case .value(let type) = blockType, type.isReference { try validateValueType(type) }
            if kind == .if { try pop(.i32) }
            pushFrame(kind, blockType, parameters: [])
        case .typeIndex(let index):
            guard let type = try blockFunctionType(index) else { throw site.error("unknown type \(index)") }
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
            if !context.isSubtype(parameters, of: results) {
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

    /// `br_on_null l`: `[t* (ref null ht)] -> [t* (ref ht)]`, branching with `t*` on null.
    /// <https://webassembly.github.io/spec/core/valid/instructions.html#valid-br-on-null>
    mutating func validateBranchOnNull(_ label: UInt32) throws(ValidationError) {
        let target = try frame(forLabel: label)
        let reference = try popReference()
        try popLabelValues(of: target)
        pushLabelValues(of: target)
        push(reference.nonNullable)
    }

    /// `br_on_non_null l`: `[t* (ref null ht)] -> [t*]`, branching with `t* (ref ht)` when not
    /// null; the label's last type must be a reference type that `(ref ht)` matches.
    /// <https://webassembly.github.io/spec/core/valid/instructions.html#valid-br-on-non-null>
    mutating func validateBranchOnNonNull(_ label: UInt32) throws(ValidationError) {
        let target = try frame(forLabel: label)
        let reference = try popReference()
        let types = labelTypes(of: target)
        guard let last = types.last, last.isReference else {
            throw site.error("type mismatch: br_on_non_null needs a label whose last type is a reference, label \(label) has \(types)")
        }
        push(reference.nonNullable)
        try pop(types)
        push(Array(types.dropLast()))
    }

    @inline(__always)
    mutating func validateCall(_ functionIndex: UInt32) throws(ValidationError) {
        guard let type = context.functionType(at: functionIndex) else { throw site.error("unknown function \(functionIndex)") }
        try pop(type.parameters)
        push(type.results)
    }

    /// `call_indirect` calls through a table of function references (indexed by the table's
    /// address type) with a function type from the type section.
    mutating func validateCallIndirect(_ typeIndex: UInt32, _ tableIndex: UInt32) throws(ValidationError) {
        let type = try indirectCallType(typeIndex, tableIndex)
        try pop(type.parameters)
        push(type.results)
    }

    /// Checks `call_indirect`'s immediates, pops its table index and returns the callee's type.
    mutating func indirectCallType(_ typeIndex: UInt32, _ tableIndex: UInt32) throws(ValidationError) -> FunctionType {
        guard let table = context.tableType(at: tableIndex) else { throw site.error("unknown table \(tableIndex)") }
        guard context.isSubtype(.ref(table.elementType), of: .funcref) else {
            throw site.error("type mismatch: call_indirect needs a table of function references, table \(tableIndex) holds \(table.elementType)")
        }
        guard let type = try blockFunctionType(typeIndex) else { throw site.error("unknown type \(typeIndex)") }
        try pop(OperandType(table.addressType.valueType))
        return type
    }

    /// `call_ref $t` calls a `(ref null $t)` function reference.
    /// <https://webassembly.github.io/spec/core/valid/instructions.html#valid-call-ref>
    mutating func validateCallReference(_ typeIndex: UInt32) throws(ValidationError) {
        let type = try referenceCallType(typeIndex)
        try pop(type.parameters)
        push(type.results)
    }

    /// Checks `call_ref`'s type index, pops the reference and returns the callee's type.
    mutating func referenceCallType(_ typeIndex: UInt32) throws(ValidationError) -> FunctionType {
        guard let type = try blockFunctionType(typeIndex) else { throw site.error("unknown type \(typeIndex)") }
        try pop(OperandType(reference: OperandType.HeapCode.firstTypeIndex + typeIndex, isNullable: true))
        return type
    }

    /// `return_call f`: the callee's results must match the caller's; nothing runs after it.
    /// <https://webassembly.github.io/spec/core/valid/instructions.html#valid-return-call>
    mutating func validateReturnCall(_ functionIndex: UInt32) throws(ValidationError) {
        guard let type = context.functionType(at: functionIndex) else { throw site.error("unknown function \(functionIndex)") }
        try finishTailCall(type)
    }

    mutating func validateReturnCallIndirect(_ typeIndex: UInt32, _ tableIndex: UInt32) throws(ValidationError) {
        try finishTailCall(try indirectCallType(typeIndex, tableIndex))
    }

    mutating func validateReturnCallReference(_ typeIndex: UInt32) throws(ValidationError) {
        try finishTailCall(try referenceCallType(typeIndex))
    }

    /// A tail call's callee results are a subtype of the function's results; its parameters are
    /// popped and the rest of the frame is unreachable.
    mutating func finishTailCall(_ type: FunctionType) throws(ValidationError) {
        guard context.isSubtype(type.results, of: resultTypes) else {
            throw site.error("type mismatch: tail call returns \(type.results), the function returns \(resultTypes)")
        }
        try pop(type.parameters)
        markUnreachable()
    }

    /// The function type a block type, `call_indirect` or `call_ref` names: nil when there is no
    /// such type; a struct or array type is a type mismatch.
    @inline(__always)
    func blockFunctionType(_ typeIndex: UInt32) throws(ValidationError) -> FunctionType? {
        if let type = context.type(at: typeIndex) { return type }
        guard Int(typeIndex) < context.typeCount else { return nil }
        throw site.error("type mismatch: type \(typeIndex) is not a function type")
    }
}
