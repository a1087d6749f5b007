import WasmBinary

/// Memory and table instructions.
/// <https://webassembly.github.io/spec/core/valid/instructions.html#memory-instructions>
/// <https://webassembly.github.io/spec/core/valid/instructions.html#table-instructions>
extension FunctionValidator {
    @inline(__always)
    mutating func validateLoad(_ operation: LoadOperation, _ argument: MemoryArgument) throws(ValidationError) {
        let address = try memoryAddress(argument, naturalAlignment: operation.naturalAlignment)
        try pop(address)
        push(OperandType(operation.resultType))
    }

    @inline(__always)
    mutating func validateStore(_ operation: StoreOperation, _ argument: MemoryArgument) throws(ValidationError) {
        let address = try memoryAddress(argument, naturalAlignment: operation.naturalAlignment)
        try pop(OperandType(operation.valueType))
        try pop(address)
    }

    mutating func validateMemorySize(_ memoryIndex: UInt32) throws(ValidationError) {
        push(try memory(memoryIndex))
    }

    mutating func validateMemoryGrow(_ memoryIndex: UInt32) throws(ValidationError) {
        let address = try memory(memoryIndex)
        try pop(address)
        push(address)
    }

    /// `memory.init x y`: `[at i32 i32] -> []`.
    mutating func validateMemoryInit(_ dataIndex: UInt32, _ memoryIndex: UInt32) throws(ValidationError) {
        let address = try memory(memoryIndex)
        try requireDataSegment(dataIndex)
        try pop(.i32)
        try pop(.i32)
        try pop(address)
    }

    /// `memory.copy d s`: `[at_d at_s at_n] -> []`, the count in the narrower address type.
    mutating func validateMemoryCopy(_ destinationIndex: UInt32, _ sourceIndex: UInt32) throws(ValidationError) {
        let destination = try memory(destinationIndex)
        let source = try memory(sourceIndex)
        try pop(destination == .i64 && source == .i64 ? .i64 : .i32)
        try pop(source)
        try pop(destination)
    }

    /// `memory.fill x`: `[at i32 at] -> []`.
    mutating func validateMemoryFill(_ memoryIndex: UInt32) throws(ValidationError) {
        let address = try memory(memoryIndex)
        try pop(address)
        try pop(.i32)
        try pop(address)
    }

    mutating func validateTableGet(_ tableIndex: UInt32) throws(ValidationError) {
        let type = try table(tableIndex)
        try pop(OperandType(type.addressType.valueType))
        push(OperandType(type.elementType))
    }

    mutating func validateTableSet(_ tableIndex: UInt32) throws(ValidationError) {
        let type = try table(tableIndex)
        try pop(OperandType(type.elementType))
        try pop(OperandType(type.addressType.valueType))
    }

    /// `table.init x y`: `[at i32 i32] -> []`; the segment's references must suit the table.
    mutating func validateTableInit(_ elementIndex: UInt32, _ tableIndex: UInt32) throws(ValidationError) {
        let type = try table(tableIndex)
        let elementType = try element(elementIndex)
        guard context.isSubtype(.ref(elementType), of: .ref(type.elementType)) else {
            throw site.error("type mismatch: table.init of \(elementType) elements into a table of \(type.elementType)")
        }
        try pop(.i32)
        try pop(.i32)
        try pop(OperandType(type.addressType.valueType))
    }

    /// `table.copy x y`: `[at_x at_y at_n] -> []`, the count in the narrower index type.
    mutating func validateTableCopy(_ destinationIndex: UInt32, _ sourceIndex: UInt32) throws(ValidationError) {
        let destination = try table(destinationIndex)
        let source = try table(sourceIndex)
        guard context.isSubtype(.ref(source.elementType), of: .ref(destination.elementType)) else {
            throw site.error("type mismatch: table.copy from a table of \(source.elementType) to a table of \(destination.elementType)")
        }
        let bothWide = destination.addressType == .i64 && source.addressType == .i64
        try pop(bothWide ? .i64 : .i32)
        try pop(OperandType(source.addressType.valueType))
        try pop(OperandType(destination.addressType.valueType))
    }

    mutating func validateTableGrow(_ tableIndex: UInt32) throws(ValidationError) {
        let type = try table(tableIndex)
        let address = OperandType(type.addressType.valueType)
        try pop(address)
        try pop(OperandType(type.elementType))
        push(address)
    }

    mutating func validateTableSize(_ tableIndex: UInt32) throws(ValidationError) {
        let type = try table(tableIndex)
        push(OperandType(type.addressType.valueType))
    }

    mutating func validateTableFill(_ tableIndex: UInt32) throws(ValidationError) {
        let type = try table(tableIndex)
        let address = OperandType(type.addressType.valueType)
        try pop(address)
        try pop(OperandType(type.elementType))
        try pop(address)
    }

    /// The address type of a memory, which must exist.
    @inline(__always)
    func memory(_ index: UInt32) throws(ValidationError) -> OperandType {
        guard let type = context.memoryType(at: index) else { throw site.error("unknown memory \(index)") }
        return type.addressType == .i64 ? .i64 : .i32
    }

    /// The address type of a load's or store's memory, which must exist; the alignment may not
    /// exceed the access's width, and the offset must be an address of the memory.
    @inline(__always)
    func memoryAddress(_ argument: MemoryArgument, naturalAlignment: UInt32) throws(ValidationError) -> OperandType {
        let address = try memory(argument.memoryIndex)
        try checkAlignment(argument, natural: naturalAlignment)
        if address == .i32 && argument.offset > UInt64(UInt32.max) {
            throw site.error("offset out of range: \(argument.offset) for a 32-bit memory")
        }
        return address
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
