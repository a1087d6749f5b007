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
            let type = try local(index)
            if !localIsSet.isEmpty { try requireSet(index) }
            push(type)
        case .localSet(let index):
            try pop(try local(index))
            if !localIsSet.isEmpty { markSet(index) }
        case .localTee(let index):
            let type = try local(index)
            try pop(type)
            push(type)
            if !localIsSet.isEmpty { markSet(index) }
        case .i32Const: push(.i32)
        case .i64Const: push(.i64)
        case .f32Const: push(.f32)
        case .f64Const: push(.f64)
        case .globalGet(let index):
            push(OperandType(try global(index).valueType))
        case .globalSet(let index):
            let type = try global(index)
            guard type.mutability == .variable else { throw site.error("immutable global \(index)") }
            try pop(OperandType(type.valueType))
        case .drop:
            _ = try pop()
        case .select:
            try validateSelect()
        case .typedSelect(let types):
            try validateSelect(types)
        case .refNull(let heapType):
            try validateHeapType(heapType)
            push(OperandType(ReferenceType(heapType, isNullable: true)))
        case .refIsNull:
            _ = try popReference()
            push(.i32)
        case .refFunc(let index):
            try validateReferenceToFunction(index)
        case .refAsNonNull:
            push(try popReference().nonNullable)

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
        case .brOnNull(let label): try validateBranchOnNull(label)
        case .brOnNonNull(let label): try validateBranchOnNonNull(label)
        case .return: try validateReturn()
        case .call(let functionIndex): try validateCall(functionIndex)
        case .callIndirect(let typeIndex, let tableIndex): try validateCallIndirect(typeIndex, tableIndex)
        case .callRef(let typeIndex): try validateCallReference(typeIndex)
        case .returnCall(let functionIndex): try validateReturnCall(functionIndex)
        case .returnCallIndirect(let typeIndex, let tableIndex): try validateReturnCallIndirect(typeIndex, tableIndex)
        case .returnCallRef(let typeIndex): try validateReturnCallReference(typeIndex)

        case .throw(let tagIndex): try validateThrow(tagIndex)
        case .throwRef: try validateThrowReference()
        case .tryTable(let blockType, let clauses): try validateTryTable(blockType, clauses)
        case .try(let blockType): try enter(.try, blockType)
        case .catch(let tagIndex): try validateCatch(tagIndex)
        case .catchAll: try validateCatchAll()
        case .delegate(let label): try validateDelegate(label)
        case .rethrow(let label): try validateRethrow(label)

        case .load(let operation, let argument): try validateLoad(operation, argument)
        case .store(let operation, let argument): try validateStore(operation, argument)
        case .memorySize(let memoryIndex): try validateMemorySize(memoryIndex)
        case .memoryGrow(let memoryIndex): try validateMemoryGrow(memoryIndex)
        case .memoryInit(let dataIndex, let memoryIndex): try validateMemoryInit(dataIndex, memoryIndex)
        case .dataDrop(let dataIndex): try requireDataSegment(dataIndex)
        case .memoryCopy(let destination, let source): try validateMemoryCopy(destination, source)
        case .memoryFill(let memoryIndex): try validateMemoryFill(memoryIndex)

        case .tableGet(let tableIndex): try validateTableGet(tableIndex)
        case .tableSet(let tableIndex): try validateTableSet(tableIndex)
        case .tableInit(let elementIndex, let tableIndex): try validateTableInit(elementIndex, tableIndex)
        case .elemDrop(let elementIndex): _ = try element(elementIndex)
        case .tableCopy(let destination, let source): try validateTableCopy(destination, source)
        case .tableGrow(let tableIndex): try validateTableGrow(tableIndex)
        case .tableSize(let tableIndex): try validateTableSize(tableIndex)
        case .tableFill(let tableIndex): try validateTableFill(tableIndex)

        case .wideArithmetic(let operation): try validateWideArithmetic(operation)

        case .v128Const: push(.v128)
        case .simd(let operation): try validateVector(operation)
        case .relaxedSIMD(let operation): try validateRelaxedVector(operation)
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
        try validateValueType(types[0])
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
        let typeIndex = context.functionTypeIndices[Int(index)]
        push(OperandType(reference: OperandType.HeapCode.firstTypeIndex + typeIndex, isNullable: false))
    }

    /// A local that cannot be null must be set before it is read.
    /// <https://webassembly.github.io/spec/core/valid/instructions.html#variable-instructions>
    @inline(__always)
    func requireSet(_ index: UInt32) throws(ValidationError) {
        guard localIsSet[Int(index)] else { throw site.error("uninitialized local \(index)") }
    }

    /// Records that a local is set, to be forgotten when the innermost frame or branch ends.
    @inline(__always)
    mutating func markSet(_ index: UInt32) {
        guard !localIsSet[Int(index)] else { return }
        localIsSet[Int(index)] = true
        setLocals.append(index)
    }

    /// A value type in an instruction's immediate refers to a known type.
    func validateValueType(_ type: ValueType) throws(ValidationError) {
        guard case .ref(let reference) = type else { return }
        try validateHeapType(reference.heapType)
    }

    func validateHeapType(_ heapType: HeapType) throws(ValidationError) {
        do {
            try ModuleContext.validate(heapType, typeCount: context.typeCount)
        } catch {
            var located = error
            located.functionIndex = site.functionIndex
            located.offset = site.offset
            throw located
        }
    }

    /// `i64.add128`/`i64.sub128` take two 128-bit values as four i64 halves; `i64.mul_wide_s/u`
    /// two i64; each leaves a 128-bit result as two i64 halves.
    mutating func validateWideArithmetic(_ operation: WideArithmeticOperation) throws(ValidationError) {
        for _ in 0..<operation.operandCount { try pop(.i64) }
        push(.i64)
        push(.i64)
    }
}
