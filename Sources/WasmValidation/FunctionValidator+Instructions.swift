import WasmBinary

extension FunctionValidator {
    /// Validates one instruction and applies it to the operand and control stacks.
    ///
    /// `offset` is where the instruction starts (module-relative); errors carry it.
    /// <https://webassembly.github.io/spec/core/valid/instructions.html>
    public mutating func validate(_ instruction: Instruction, at offset: Int) throws(ValidationError) {
        site.offset = offset
        guard !isFinished else { throw site.error("section size mismatch: instructions after the function's final end") }
        switch instruction {
        case .numeric(let operation):
            try apply(numericSignatures[OperatorSignature.numericIndex(of: operation)])
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
            push(OperandType(try global(index).valueType))
        case .globalSet(let index):
            let type = try global(index)
            guard type.mutability == .variable else { throw site.error("global is immutable: global \(index)") }
            try pop(OperandType(type.valueType))
        case .drop:
            _ = try pop()
        case .select:
            try validateSelect()
        case .typedSelect(let types):
            try validateSelect(types)
        case .refNull(let type):
            push(OperandType(type))
        case .refIsNull:
            let type = try pop()
            guard type.mayBeReference else { throw site.typeMismatch(expected: "a reference", found: type) }
            push(.i32)
        case .refFunc(let index):
            try validateReferenceToFunction(index)

        case .unreachable: markUnreachable()
        case .nop: break
        case .block(let blockType): try enter(.block, blockType)
        case .loop(let blockType): try enter(.loop, blockType)
        case .if(let blockType): try enter(.if, blockType)
        case .else: try validateElse()
        case .end: try validateEnd()
        case .br(let label): try validateBranch(label)
        case .brIf(let label): try validateConditionalBranch(label)
        case .brTable(let table): try validateBranchTable(table)
        case .return: try validateReturn()
        case .call(let functionIndex): try validateCall(functionIndex)
        case .callIndirect(let typeIndex, let tableIndex): try validateCallIndirect(typeIndex, tableIndex)

        case .load(let operation, let argument): try validateLoad(operation, argument)
        case .store(let operation, let argument): try validateStore(operation, argument)
        case .memorySize: try validateMemorySize()
        case .memoryGrow: try validateMemoryGrow()
        case .memoryInit(let dataIndex): try validateMemoryInit(dataIndex)
        case .dataDrop(let dataIndex): try requireDataSegment(dataIndex)
        case .memoryCopy, .memoryFill: try validateMemoryCopyOrFill()

        case .tableGet(let tableIndex): try validateTableGet(tableIndex)
        case .tableSet(let tableIndex): try validateTableSet(tableIndex)
        case .tableInit(let elementIndex, let tableIndex): try validateTableInit(elementIndex, tableIndex)
        case .elemDrop(let elementIndex): _ = try element(elementIndex)
        case .tableCopy(let destination, let source): try validateTableCopy(destination, source)
        case .tableGrow(let tableIndex): try validateTableGrow(tableIndex)
        case .tableSize(let tableIndex): try validateTableSize(tableIndex)
        case .tableFill(let tableIndex): try validateTableFill(tableIndex)

        case .v128Const: push(.v128)
        case .simd(let operation): try validateVector(operation)
        case .i8x16Shuffle(let lanes): try validateShuffle(lanes)
        case .simdMemory(let operation, let argument): try validateVectorMemory(operation, argument)
        case .simdMemoryLane(let operation, let argument, let lane): try validateVectorMemoryLane(operation, argument, lane)
        case .simdLane(let operation, let lane): try validateLane(operation, lane)
        }
    }

    /// The type of a local, or an "unknown local" error.
    @inline(__always)
    func local(_ index: UInt32) throws(ValidationError) -> OperandType {
        guard Int(index) < localTypes.count else { throw site.error("unknown local \(index)") }
        return localTypes[Int(index)]
    }

    /// The type of a global, or an "unknown global" error.
    @inline(__always)
    func global(_ index: UInt32) throws(ValidationError) -> GlobalType {
        guard let type = context.globalType(at: index) else { throw site.error("unknown global \(index)") }
        return type
    }

    /// Untyped `select` chooses between two numeric or two vector operands of the same type.
    /// <https://webassembly.github.io/spec/core/valid/instructions.html#valid-select>
    mutating func validateSelect() throws(ValidationError) {
        try pop(.i32)
        let first = try pop()
        let second = try pop()
        guard (first.mayBeNumber && second.mayBeNumber) || (first.mayBeVector && second.mayBeVector) else {
            throw site.error("type mismatch: select without a type needs numeric or vector operands, found \(second.description) and \(first.description)")
        }
        if first != second && first != .unknown && second != .unknown {
            throw site.typeMismatch(expected: first.description, found: second)
        }
        push(first == .unknown ? second : first)
    }

    /// Typed `select t` takes exactly one type, of any kind.
    mutating func validateSelect(_ types: [ValueType]) throws(ValidationError) {
        guard types.count == 1 else {
            throw site.error("invalid result arity: select must have exactly one type, has \(types.count)")
        }
        try pop(.i32)
        try pop(OperandType(types[0]))
        try pop(OperandType(types[0]))
        push(OperandType(types[0]))
    }

    /// `ref.func` may only name a function that is referenced outside function bodies (C.refs).
    /// <https://webassembly.github.io/spec/core/valid/instructions.html#valid-ref-func>
    mutating func validateReferenceToFunction(_ index: UInt32) throws(ValidationError) {
        guard Int(index) < context.functionCount else { throw site.error("unknown function \(index)") }
        guard context.isDeclaredReference(index) else {
            throw site.error("undeclared function reference: function \(index) is not referenced outside function bodies")
        }
        push(.funcref)
    }
}
