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
        case 0x3F: return .memorySize(memoryIndex: try readMemoryIndex())
        case 0x40: return .memoryGrow(memoryIndex: try readMemoryIndex())
        case 0x41: return .i32Const(try readVarInt32())
        case 0x42: return .i64Const(try readVarInt64())
        case 0x43: return .f32Const(bits: try readUInt32LittleEndian())
        case 0x44: return .f64Const(bits: try readUInt64LittleEndian())
        case 0x45...0xC4:
            guard let operation = NumericOperation(rawValue: UInt16(opcode)) else {
                throw error(.illegalOpcode, at: opcodeIndex)
            }
            return .numeric(operation)
        case 0xD0: return .refNull(try readHeapType())
        case 0xD1: return .refIsNull
        case 0xD2: return .refFunc(functionIndex: try readVarUInt32())
        case 0xFC: return try readMiscellaneousInstruction(opcodeIndex: opcodeIndex)
        case 0xFD: return try readVectorInstruction(opcodeIndex: opcodeIndex)
        default:
            return try readInstructionAddedIn3(opcode, opcodeIndex: opcodeIndex)
        }
    }

    /// Reads an instruction whose opcode WebAssembly 3.0 added (tail calls, typed references,
    /// exceptions), or throws "illegal opcode". Kept out of `readInstruction`'s switch, so that
    /// the 2.0 opcodes, which most code uses, dispatch through one jump table.
    @inline(never)
    mutating func readInstructionAddedIn3(_ opcode: UInt8, opcodeIndex: Int) throws(DecodeError) -> Instruction {
        switch opcode {
        case 0x06...0x0A:
            try require(.exceptions, else: .illegalOpcode, at: opcodeIndex)
            return try readExceptionInstruction(opcode)
        case 0x12:
            try require(.tailCalls, else: .illegalOpcode, at: opcodeIndex)
            return .returnCall(functionIndex: try readVarUInt32())
        case 0x13:
            try require(.tailCalls, else: .illegalOpcode, at: opcodeIndex)
            let typeIndex = try readVarUInt32()
            return .returnCallIndirect(typeIndex: typeIndex, tableIndex: try readVarUInt32())
        case 0x14:
            try require(.typedFunctionReferences, else: .illegalOpcode, at: opcodeIndex)
            return .callRef(typeIndex: try readVarUInt32())
        case 0x15:
            try require([.typedFunctionReferences, .tailCalls], else: .illegalOpcode, at: opcodeIndex)
            return .returnCallRef(typeIndex: try readVarUInt32())
        case 0x18:
            try require(.exceptions, else: .illegalOpcode, at: opcodeIndex)
            return .delegate(labelIndex: try readVarUInt32())
        case 0x19:
            try require(.exceptions, else: .illegalOpcode, at: opcodeIndex)
            return .catchAll
        case 0x1F:
            try require(.exceptions, else: .illegalOpcode, at: opcodeIndex)
            let blockType = try readBlockType()
            return .tryTable(blockType, try readCatchClauses())
        case 0xD3:
            try require(.typedFunctionReferences, else: .illegalOpcode, at: opcodeIndex)
            throw error(.garbageCollectionInstruction, at: opcodeIndex)
        case 0xD4:
            try require(.typedFunctionReferences, else: .illegalOpcode, at: opcodeIndex)
            return .refAsNonNull
        case 0xD5:
            try require(.typedFunctionReferences, else: .illegalOpcode, at: opcodeIndex)
            return .brOnNull(labelIndex: try readVarUInt32())
        case 0xD6:
            try require(.typedFunctionReferences, else: .illegalOpcode, at: opcodeIndex)
            return .brOnNonNull(labelIndex: try readVarUInt32())
        case 0xFB:
            try require(.typedFunctionReferences, else: .illegalOpcode, at: opcodeIndex)
            throw error(.garbageCollectionInstruction, at: opcodeIndex)
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

    /// Reads `try_table`'s catch clauses: a kind byte (0 `catch`, 1 `catch_ref`, 2 `catch_all`,
    /// 3 `catch_all_ref`), a tag index for the first two, and a label.
    mutating func readCatchClauses() throws(DecodeError) -> [CatchClause] {
        let count = try readVectorCount()
        var clauses: [CatchClause] = []
        clauses.reserveCapacity(count)
        for _ in 0..<count {
            let kindIndex = position
            switch try readByte() {
            case 0x00:
                let tag = try readVarUInt32()
                clauses.append(.catch(tagIndex: tag, labelIndex: try readVarUInt32()))
            case 0x01:
                let tag = try readVarUInt32()
                clauses.append(.catchReference(tagIndex: tag, labelIndex: try readVarUInt32()))
            case 0x02: clauses.append(.catchAll(labelIndex: try readVarUInt32()))
            case 0x03: clauses.append(.catchAllReference(labelIndex: try readVarUInt32()))
            default: throw error(.malformedCatchClause, at: kindIndex)
            }
        }
        return clauses
    }

    /// Reads a legacy exception instruction or `throw`/`throw_ref` (opcodes 0x06 to 0x0A).
    mutating func readExceptionInstruction(_ opcode: UInt8) throws(DecodeError) -> Instruction {
        switch opcode {
        case 0x06: return .try(try readBlockType())
        case 0x07: return .catch(tagIndex: try readVarUInt32())
        case 0x08: return .throw(tagIndex: try readVarUInt32())
        case 0x09: return .rethrow(labelIndex: try readVarUInt32())
        default: return .throwRef
        }
    }

    /// Reads a memory instruction's flags and offset. Flags below 64 are the alignment exponent
    /// (memory 0); with bit 6 set a memory index follows; 128 or more is malformed. The offset is
    /// a `u64` (memories may be 64-bit; validation bounds it for 32-bit ones). WebAssembly 2.0
    /// has flags below 32 and a `u32` offset.
    @inline(__always)
    mutating func readMemoryArgument() throws(DecodeError) -> MemoryArgument {
        let flagsIndex = position
        let flags = try readVarUInt32()
        if _fastPath(flags < 32) {
            return MemoryArgument(alignment: flags, offset: try readMemoryOffset())
        }
        guard flags < 128, features.contains(.multipleMemories) else { throw error(.malformedMemoryOperationFlags, at: flagsIndex) }
        if flags < 64 { return MemoryArgument(alignment: flags, offset: try readMemoryOffset()) }
        let memory = try readVarUInt32()
        return MemoryArgument(alignment: flags - 64, offset: try readMemoryOffset(), memoryIndex: memory)
    }

    /// A memory argument's offset: `u64`, or `u32` without 64-bit memories.
    @inline(__always)
    mutating func readMemoryOffset() throws(DecodeError) -> UInt64 {
        features.contains(.memory64) ? try readVarUInt64() : UInt64(try readVarUInt32())
    }

    /// A memory index immediate: a `u32`, or with WebAssembly 2.0 the single byte 0.
    @inline(__always)
    mutating func readMemoryIndex() throws(DecodeError) -> UInt32 {
        if features.contains(.multipleMemories) { return try readVarUInt32() }
        let index = position
        guard try readByte() == 0 else { throw error(.zeroByteExpected, at: index) }
        return 0
    }

    /// Reads an instruction after the 0xFC prefix: saturating truncations, bulk memory and table
    /// operations, wide arithmetic. The subopcode is a `u32`.
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
            return .memoryInit(dataIndex: dataIndex, memoryIndex: try readMemoryIndex())
        case 9: return .dataDrop(dataIndex: try readVarUInt32())
        case 10:
            let destination = try readMemoryIndex()
            return .memoryCopy(destinationMemory: destination, sourceMemory: try readMemoryIndex())
        case 11: return .memoryFill(memoryIndex: try readMemoryIndex())
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
        case 19...22:
            try require(.wideArithmetic, else: .illegalOpcode, at: opcodeIndex)
            guard let operation = WideArithmeticOperation(rawValue: subopcode) else { throw error(.illegalOpcode, at: opcodeIndex) }
            return .wideArithmetic(operation)
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
        if let operation = RelaxedSIMDOperation(rawValue: subopcode) {
            try require(.relaxedSIMD, else: .illegalOpcode, at: opcodeIndex)
            return .relaxedSIMD(operation)
        }
        throw error(.illegalOpcode, at: opcodeIndex)
    }
}
