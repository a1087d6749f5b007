import WasmBinary

/// Memory and table instructions.
/// <https://webassembly.github.io/spec/core/valid/instructions.html#memory-instructions>
/// <https://webassembly.github.io/spec/core/valid/instructions.html#table-instructions>
extension FunctionValidator {
    @inline(__always)
    mutating func validateLoad(_ operation: LoadOperation, _ argument: MemoryArgument) throws(ValidationError) {
        try requireMemory()
        try checkAlignment(argument, natural: operation.naturalAlignment)
        try pop(.i32)
        push(OperandType(operation.resultType))
    }

    @inline(__always)
    mutating func validateStore(_ operation: StoreOperation, _ argument: MemoryArgument) throws(ValidationError) {
        try requireMemory()
        try checkAlignment(argument, natural: operation.naturalAlignment)
        try pop(OperandType(operation.valueType))
        try pop(.i32)
    }

    mutating func validateMemorySize() throws(ValidationError) {
        try requireMemory()
        push(.i32)
    }

    mutating func validateMemoryGrow() throws(ValidationError) {
        try requireMemory()
        try pop(.i32)
        push(.i32)
    }

    mutating func validateMemoryInit(_ dataIndex: UInt32) throws(ValidationError) {
        try requireMemory()
        try requireDataSegment(dataIndex)
        try popThreeIndices()
    }

    mutating func validateMemoryCopyOrFill() throws(ValidationError) {
        try requireMemory()
        try popThreeIndices()
    }

    mutating func validateTableGet(_ tableIndex: UInt32) throws(ValidationError) {
        let type = try table(tableIndex)
        try pop(.i32)
        push(OperandType(type.elementType))
    }

    mutating func validateTableSet(_ tableIndex: UInt32) throws(ValidationError) {
        let type = try table(tableIndex)
        try pop(OperandType(type.elementType))
        try pop(.i32)
    }

    mutating func validateTableInit(_ elementIndex: UInt32, _ tableIndex: UInt32) throws(ValidationError) {
        let type = try table(tableIndex)
        let elementType = try element(elementIndex)
        guard type.elementType == elementType else {
            throw site.error("type mismatch: table.init of \(elementType) elements into a table of \(type.elementType)")
        }
        try popThreeIndices()
    }

    mutating func validateTableCopy(_ destinationIndex: UInt32, _ sourceIndex: UInt32) throws(ValidationError) {
        let destination = try table(destinationIndex)
        let source = try table(sourceIndex)
        guard destination.elementType == source.elementType else {
            throw site.error("type mismatch: table.copy from a table of \(source.elementType) to a table of \(destination.elementType)")
        }
        try popThreeIndices()
    }

    mutating func validateTableGrow(_ tableIndex: UInt32) throws(ValidationError) {
        let type = try table(tableIndex)
        try pop(.i32)
        try pop(OperandType(type.elementType))
        push(.i32)
    }

    mutating func validateTableSize(_ tableIndex: UInt32) throws(ValidationError) {
        _ = try table(tableIndex)
        push(.i32)
    }

    mutating func validateTableFill(_ tableIndex: UInt32) throws(ValidationError) {
        let type = try table(tableIndex)
        try pop(.i32)
        try pop(OperandType(type.elementType))
        try pop(.i32)
    }

    /// The three `i32` operands of the bulk memory and table instructions.
    @inline(__always)
    mutating func popThreeIndices() throws(ValidationError) {
        try pop(.i32)
        try pop(.i32)
        try pop(.i32)
    }

    /// Memory instructions refer to memory 0, which must exist.
    @inline(__always)
    func requireMemory() throws(ValidationError) {
        guard context.memoryCount > 0 else { throw site.error("unknown memory 0") }
    }

    /// A memory access may not promise more alignment than its width.
    @inline(__always)
    func checkAlignment(_ argument: MemoryArgument, natural: UInt32) throws(ValidationError) {
        guard argument.alignment <= natural else {
            throw site.error("alignment must not be larger than natural: 2^\(argument.alignment) for an access of \(1 << natural) byte(s)")
        }
    }

    /// `memory.init` and `data.drop` need the data count section and an existing segment.
    func requireDataSegment(_ index: UInt32) throws(ValidationError) {
        guard let count = context.dataCount else { throw site.error("data count section required") }
        guard index < count else { throw site.error("unknown data segment \(index)") }
    }

    func table(_ index: UInt32) throws(ValidationError) -> TableType {
        guard let type = context.tableType(at: index) else { throw site.error("unknown table \(index)") }
        return type
    }

    func element(_ index: UInt32) throws(ValidationError) -> ReferenceType {
        guard let type = context.elementType(at: index) else { throw site.error("unknown elem segment \(index)") }
        return type
    }
}
