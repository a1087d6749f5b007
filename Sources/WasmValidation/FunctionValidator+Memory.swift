import WasmBinary

/// Memory and table instructions.
/// <https://webassembly.github.io/spec/core/valid/instructions.html#memory-instructions>
/// <https://webassembly.github.io/spec/core/valid/instructions.html#table-instructions>
extension FunctionValidator {
    mutating func validateMemory(_ instruction: Instruction) throws(ValidationError) {
        // Every memory instruction but `data.drop` works on memory 0.
        if case .dataDrop = instruction {} else { try requireMemory() }
        switch instruction {
        case .load(let operation, let argument):
            try checkAlignment(argument, natural: operation.naturalAlignment)
            try pop(.i32)
            push(operation.resultType)
        case .store(let operation, let argument):
            try checkAlignment(argument, natural: operation.naturalAlignment)
            try pop(operation.valueType)
            try pop(.i32)
        case .memorySize:
            push(.i32)
        case .memoryGrow:
            try pop(.i32)
            push(.i32)
        case .memoryInit(let dataIndex):
            try requireDataSegment(dataIndex)
            try pop(.i32)
            try pop(.i32)
            try pop(.i32)
        case .dataDrop(let dataIndex):
            try requireDataSegment(dataIndex)
        case .memoryCopy, .memoryFill:
            try pop(.i32)
            try pop(.i32)
            try pop(.i32)
        default:
            preconditionFailure("not a memory instruction: \(instruction)")
        }
    }

    mutating func validateTable(_ instruction: Instruction) throws(ValidationError) {
        switch instruction {
        case .tableGet(let tableIndex):
            let type = try table(tableIndex)
            try pop(.i32)
            push(.ref(type.elementType))
        case .tableSet(let tableIndex):
            let type = try table(tableIndex)
            try pop(.ref(type.elementType))
            try pop(.i32)
        case .tableInit(let elementIndex, let tableIndex):
            let type = try table(tableIndex)
            let elementType = try element(elementIndex)
            guard type.elementType == elementType else {
                throw error("type mismatch: table.init of \(elementType) elements into a table of \(type.elementType)")
            }
            try pop(.i32)
            try pop(.i32)
            try pop(.i32)
        case .elemDrop(let elementIndex):
            _ = try element(elementIndex)
        case .tableCopy(let destinationIndex, let sourceIndex):
            let destination = try table(destinationIndex)
            let source = try table(sourceIndex)
            guard destination.elementType == source.elementType else {
                throw error("type mismatch: table.copy from a table of \(source.elementType) to a table of \(destination.elementType)")
            }
            try pop(.i32)
            try pop(.i32)
            try pop(.i32)
        case .tableGrow(let tableIndex):
            let type = try table(tableIndex)
            try pop(.i32)
            try pop(.ref(type.elementType))
            push(.i32)
        case .tableSize(let tableIndex):
            _ = try table(tableIndex)
            push(.i32)
        case .tableFill(let tableIndex):
            let type = try table(tableIndex)
            try pop(.i32)
            try pop(.ref(type.elementType))
            try pop(.i32)
        default:
            preconditionFailure("not a table instruction: \(instruction)")
        }
    }

    /// Memory instructions refer to memory 0, which must exist.
    @inline(__always)
    func requireMemory() throws(ValidationError) {
        guard context.memoryCount > 0 else { throw error("unknown memory 0") }
    }

    /// A memory access may not promise more alignment than its width.
    @inline(__always)
    func checkAlignment(_ argument: MemoryArgument, natural: UInt32) throws(ValidationError) {
        guard argument.alignment <= natural else {
            throw error("alignment must not be larger than natural: 2^\(argument.alignment) for an access of \(1 << natural) byte(s)")
        }
    }

    /// `memory.init` and `data.drop` need the data count section and an existing segment.
    func requireDataSegment(_ index: UInt32) throws(ValidationError) {
        guard let count = context.dataCount else { throw error("data count section required") }
        guard index < count else { throw error("unknown data segment \(index)") }
    }

    func table(_ index: UInt32) throws(ValidationError) -> TableType {
        guard let type = context.tableType(at: index) else { throw error("unknown table \(index)") }
        return type
    }

    func element(_ index: UInt32) throws(ValidationError) -> ReferenceType {
        guard let type = context.elementType(at: index) else { throw error("unknown elem segment \(index)") }
        return type
    }
}
