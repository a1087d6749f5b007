/// Instructions in the binary format, one opcode byte then its immediates.
/// https://webassembly.github.io/spec/core/binary/instructions.html
extension ByteReader {
    /// Reads one instruction with its immediates. Structure (matching `end`s, constant-ness) is
    /// not checked here; the caller or validation does that.
    @inline(__always)
    public mutating func readInstruction() throws(DecodeError) -> Instruction {
        let opcodeIndex = position
        let opcode = try readByte()
        switch opcode {
        case 0x00: return .unreachable
        case 0x01: return .nop
        case 0x02: return .block(try readBlockType())
        case 0x03: return .loop(try readBlockType())
        case 0x04: return .if(try readBlockType())
        case 0x05: return .else
        case 0x0B: return .end
        case 0x0C: return .br(labelIndex: try readVarUInt32())
        case 0x0D: return .brIf(labelIndex: try readVarUInt32())
        case 0x0E: return .brTable(try readBranchTable())
        case 0x0F: return .return
        case 0x10: return .call(functionIndex: try readVarUInt32())
        case 0x11:
            let typeIndex = try readVarUInt32()
            return .callIndirect(typeIndex: typeIndex, tableIndex: try readVarUInt32())
        case 0x1A: return .drop
        case 0x1B: return .select
        case 0x1C: return .typedSelect(try readValueTypes())
        case 0x20: return .localGet(try readVarUInt32())
        case 0x21: return .localSet(try readVarUInt32())
        case 0x22: return .localTee(try readVarUInt32())
        case 0x23: return .globalGet(try readVarUInt32())
        case 0x24: return .globalSet(try readVarUInt32())
        case 0x25: return .tableGet(tableIndex: try readVarUInt32())
        case 0x26: return .tableSet(tableIndex: try readVarUInt32())
        case 0x28...0x35:
            guard let operation = LoadOperation(rawValue: opcode) else { throw error(.illegalOpcode, at: opcodeIndex) }
            return .load(operation, try readMemoryArgument())
        case 0x36...0x3E:
            guard let operation = StoreOperation(rawValue: opcode) else { throw error(.illegalOpcode, at: opcodeIndex) }
            return .store(operation, try readMemoryArgument())
        case 0x3F:
            try readZeroByte()
            return .memorySize
        case 0x40:
            try readZeroByte()
            return .memoryGrow
        case 0x41: return .i32Const(try readVarInt32())
        case 0x42: return .i64Const(try readVarInt64())
        case 0x43: return .f32Const(bits: try readUInt32LittleEndian())
        case 0x44: return .f64Const(bits: try readUInt64LittleEndian())
        case 0x45...0xC4:
            guard let operation = NumericOperation(rawValue: UInt16(opcode)) else {
                throw error(.illegalOpcode, at: opcodeIndex)
            }
            return .numeric(operation)
        case 0xD0: return .refNull(try readReferenceType())
        case 0xD1: return .refIsNull
        case 0xD2: return .refFunc(functionIndex: try readVarUInt32())
        case 0xFC: return try readMiscellaneousInstruction(opcodeIndex: opcodeIndex)
        case 0xFD: return try readVectorInstruction(opcodeIndex: opcodeIndex)
        default:
            throw error(.illegalOpcode, at: opcodeIndex)
        }
    }

    /// Reads `br_table`'s label vector and default label.
    mutating func readBranchTable() throws(DecodeError) -> BranchTable {
        let count = try readVectorCount()
        var labels: [UInt32] = []
        labels.reserveCapacity(count)
        for _ in 0..<count { labels.append(try readVarUInt32()) }
        return BranchTable(labelIndices: labels, defaultIndex: try readVarUInt32())
    }

    /// Reads a memory instruction's alignment exponent and offset. An exponent of 32 or more
    /// cannot describe an alignment ("malformed memop flags").
    mutating func readMemoryArgument() throws(DecodeError) -> MemoryArgument {
        let alignmentIndex = position
        let alignment = try readVarUInt32()
        guard alignment < 32 else { throw error(.malformedMemoryOperationFlags, at: alignmentIndex) }
        return MemoryArgument(alignment: alignment, offset: UInt64(try readVarUInt32()))
    }

    /// Reads the reserved memory-index byte of `memory.size`, `memory.grow`, `memory.init`,
    /// `memory.copy` and `memory.fill`, which must be the single byte 0x00 in WebAssembly 2.0.
    @inline(__always)
    mutating func readZeroByte() throws(DecodeError) {
        let index = position
        guard try readByte() == 0 else { throw error(.zeroByteExpected, at: index) }
    }

    /// Reads an instruction after the 0xFC prefix: saturating truncations, bulk memory and table
    /// operations. The subopcode is a `u32`.
    mutating func readMiscellaneousInstruction(opcodeIndex: Int) throws(DecodeError) -> Instruction {
        let subopcode = try readVarUInt32()
        switch subopcode {
        case 0...7:
            guard let operation = NumericOperation(rawValue: 0xFC00 | UInt16(subopcode)) else {
                throw error(.illegalOpcode, at: opcodeIndex)
            }
            return .numeric(operation)
        case 8:
            let dataIndex = try readVarUInt32()
            try readZeroByte()
            return .memoryInit(dataIndex: dataIndex)
        case 9: return .dataDrop(dataIndex: try readVarUInt32())
        case 10:
            try readZeroByte()
            try readZeroByte()
            return .memoryCopy
        case 11:
            try readZeroByte()
            return .memoryFill
        case 12:
            let elementIndex = try readVarUInt32()
            return .tableInit(elementIndex: elementIndex, tableIndex: try readVarUInt32())
        case 13: return .elemDrop(elementIndex: try readVarUInt32())
        case 14:
            let destination = try readVarUInt32()
            return .tableCopy(destinationTable: destination, sourceTable: try readVarUInt32())
        case 15: return .tableGrow(tableIndex: try readVarUInt32())
        case 16: return .tableSize(tableIndex: try readVarUInt32())
        case 17: return .tableFill(tableIndex: try readVarUInt32())
        default:
            throw error(.illegalOpcode, at: opcodeIndex)
        }
    }

    /// Reads an instruction after the 0xFD prefix (SIMD). The subopcode is a `u32`.
    mutating func readVectorInstruction(opcodeIndex: Int) throws(DecodeError) -> Instruction {
        let subopcode = try readVarUInt32()
        switch subopcode {
        case 12:
            let low = try readUInt64LittleEndian()
            return .v128Const(V128(low: low, high: try readUInt64LittleEndian()))
        case 13:
            let low = try readUInt64LittleEndian()
            return .i8x16Shuffle(lanes: V128(low: low, high: try readUInt64LittleEndian()))
        case 21...34:
            guard let operation = SIMDLaneOperation(rawValue: subopcode) else { throw error(.illegalOpcode, at: opcodeIndex) }
            return .simdLane(operation, lane: try readByte())
        default:
            break
        }
        if let operation = SIMDOperation(rawValue: subopcode) {
            return .simd(operation)
        }
        if let operation = SIMDMemoryOperation(rawValue: subopcode) {
            return .simdMemory(operation, try readMemoryArgument())
        }
        if let operation = SIMDMemoryLaneOperation(rawValue: subopcode) {
            let memoryArgument = try readMemoryArgument()
            return .simdMemoryLane(operation, memoryArgument, lane: try readByte())
        }
        throw error(.illegalOpcode, at: opcodeIndex)
    }
}
