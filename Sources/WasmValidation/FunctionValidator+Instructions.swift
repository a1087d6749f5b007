import WasmBinary

extension FunctionValidator {
    /// Validates one instruction and applies it to the operand and control stacks.
    ///
    /// `offset` is where the instruction starts (module-relative); errors carry it.
    /// <https://webassembly.github.io/spec/core/valid/instructions.html>
    public mutating func validate(_ instruction: Instruction, at offset: Int) throws(ValidationError) {
        self.offset = offset
        guard !isFinished else { throw error("section size mismatch: instructions after the function's final end") }
        switch instruction {
        case .numeric(let operation):
            let signature = operation.signature
            try pop(signature.operands)
            push(signature.result)
        case .localGet(let index):
            push(try local(index))
        case .localSet(let index):
            try pop(try local(index))
        case .localTee(let index):
            let type = try local(index)
            try pop(type)
            push(type)
        case .i32Const: push(.i32)
        case .i64Const: push(.i64)
        case .f32Const: push(.f32)
        case .f64Const: push(.f64)
        case .globalGet(let index):
            push(try global(index).valueType)
        case .globalSet(let index):
            let type = try global(index)
            guard type.mutability == .variable else { throw error("global is immutable: global \(index)") }
            try pop(type.valueType)
        case .drop:
            _ = try pop()
        case .select:
            try validateSelect()
        case .typedSelect(let types):
            guard types.count == 1 else { throw error("invalid result arity: select must have exactly one type, has \(types.count)") }
            try pop(.i32)
            try pop(types[0])
            try pop(types[0])
            push(types[0])
        case .unreachable, .nop, .block, .loop, .if, .else, .end, .br, .brIf, .brTable, .return, .call, .callIndirect:
            try validateControl(instruction)
        case .refNull(let type):
            push(.ref(type))
        case .refIsNull:
            let type = try pop()
            guard type?.isReference ?? true else { throw typeMismatch(expected: "a reference", found: type) }
            push(.i32)
        case .refFunc(let index):
            guard Int(index) < context.functionCount else { throw error("unknown function \(index)") }
            guard context.isDeclaredReference(index) else {
                throw error("undeclared function reference: function \(index) is not referenced outside function bodies")
            }
            push(.funcref)
        case .load, .store, .memorySize, .memoryGrow, .memoryInit, .dataDrop, .memoryCopy, .memoryFill:
            try validateMemory(instruction)
        case .tableGet, .tableSet, .tableInit, .elemDrop, .tableCopy, .tableGrow, .tableSize, .tableFill:
            try validateTable(instruction)
        case .v128Const, .i8x16Shuffle, .simdMemory, .simdMemoryLane, .simdLane, .simd:
            try validateVector(instruction)
        }
    }

    /// The type of a local, or an "unknown local" error.
    @inline(__always)
    func local(_ index: UInt32) throws(ValidationError) -> ValueType {
        guard Int(index) < locals.count else { throw error("unknown local \(index)") }
        return locals[Int(index)]
    }

    /// The type of a global, or an "unknown global" error.
    @inline(__always)
    func global(_ index: UInt32) throws(ValidationError) -> GlobalType {
        guard let type = context.globalType(at: index) else { throw error("unknown global \(index)") }
        return type
    }

    /// Untyped `select` chooses between two numeric or two vector operands of the same type.
    /// <https://webassembly.github.io/spec/core/valid/instructions.html#valid-select>
    mutating func validateSelect() throws(ValidationError) {
        try pop(.i32)
        let first = try pop()
        let second = try pop()
        let bothNumeric = (first?.isNumber ?? true) && (second?.isNumber ?? true)
        let bothVector = (first.map { $0 == .v128 } ?? true) && (second.map { $0 == .v128 } ?? true)
        guard bothNumeric || bothVector else {
            throw error("type mismatch: select without a type needs numeric or vector operands, found \(second.map(\.description) ?? "unknown") and \(first.map(\.description) ?? "unknown")")
        }
        if let first, let second, first != second {
            throw typeMismatch(expected: first.description, found: second)
        }
        push(first ?? second)
    }
}

extension FunctionValidator {
    /// Pushes an operand of possibly unknown type.
    @inline(__always)
    mutating func push(_ type: ValueType?) {
        operands.append(type)
    }
}
