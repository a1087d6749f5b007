/// Encodes instructions in the binary format, appending to a byte buffer (used for function bodies
/// and constant expressions).
public enum InstructionEncoder {
    /// Appends the binary encoding of `instruction` to `bytes`.
    public static func encode(_ instruction: Instruction, into bytes: inout [UInt8]) {
        switch instruction {
        case .unreachable: bytes.append(0x00)
        case .nop: bytes.append(0x01)
        case .block(let type): bytes.append(0x02); encode(type, into: &bytes)
        case .loop(let type): bytes.append(0x03); encode(type, into: &bytes)
        case .if(let type): bytes.append(0x04); encode(type, into: &bytes)
        case .else: bytes.append(0x05)
        case .try(let type): bytes.append(0x06); encode(type, into: &bytes)
        case .catch(let tag): indexed(0x07, tag, &bytes)
        case .throw(let tag): indexed(0x08, tag, &bytes)
        case .rethrow(let label): indexed(0x09, label, &bytes)
        case .throwRef: bytes.append(0x0A)
        case .end: bytes.append(0x0B)
        case .br(let label): indexed(0x0C, label, &bytes)
        case .brIf(let label): indexed(0x0D, label, &bytes)
        case .brTable(let table):
            bytes.append(0x0E)
            bytes.appendUnsignedLEB128(UInt64(table.labelIndices.count))
            for label in table.labelIndices { bytes.appendUnsignedLEB128(UInt64(label)) }
            bytes.appendUnsignedLEB128(UInt64(table.defaultIndex))
        case .return: bytes.append(0x0F)
        case .call(let function): indexed(0x10, function, &bytes)
        case .callIndirect(let type, let table):
            indexed(0x11, type, &bytes)
            bytes.appendUnsignedLEB128(UInt64(table))
        case .returnCall(let function): indexed(0x12, function, &bytes)
        case .returnCallIndirect(let type, let table):
            indexed(0x13, type, &bytes)
            bytes.appendUnsignedLEB128(UInt64(table))
        case .callRef(let type): indexed(0x14, type, &bytes)
        case .returnCallRef(let type): indexed(0x15, type, &bytes)
        case .delegate(let label): indexed(0x18, label, &bytes)
        case .catchAll: bytes.append(0x19)
        case .tryTable(let type, let clauses):
            bytes.append(0x1F)
            encode(type, into: &bytes)
            bytes.appendUnsignedLEB128(UInt64(clauses.count))
            for clause in clauses { encode(clause, into: &bytes) }
        case .brOnNull(let label): indexed(0xD5, label, &bytes)
        case .brOnNonNull(let label): indexed(0xD6, label, &bytes)
        case .refNull(let type): bytes.append(0xD0); type.encode(into: &bytes)
        case .refIsNull: bytes.append(0xD1)
        case .refFunc(let function): indexed(0xD2, function, &bytes)
        case .refAsNonNull: bytes.append(0xD4)
        case .drop: bytes.append(0x1A)
        case .select: bytes.append(0x1B)
        case .typedSelect(let types):
            bytes.append(0x1C)
            bytes.appendUnsignedLEB128(UInt64(types.count))
            for type in types { type.encode(into: &bytes) }
        case .localGet(let index): indexed(0x20, index, &bytes)
        case .localSet(let index): indexed(0x21, index, &bytes)
        case .localTee(let index): indexed(0x22, index, &bytes)
        case .globalGet(let index): indexed(0x23, index, &bytes)
        case .globalSet(let index): indexed(0x24, index, &bytes)
        case .tableGet(let table): indexed(0x25, table, &bytes)
        case .tableSet(let table): indexed(0x26, table, &bytes)
        case .tableInit(let element, let table): prefixed(0xFC, 12, [element, table], &bytes)
        case .elemDrop(let element): prefixed(0xFC, 13, [element], &bytes)
        case .tableCopy(let destination, let source): prefixed(0xFC, 14, [destination, source], &bytes)
        case .tableGrow(let table): prefixed(0xFC, 15, [table], &bytes)
        case .tableSize(let table): prefixed(0xFC, 16, [table], &bytes)
        case .tableFill(let table): prefixed(0xFC, 17, [table], &bytes)
        case .load(let operation, let memarg):
            bytes.append(operation.rawValue)
            encode(memarg, into: &bytes)
        case .store(let operation, let memarg):
            bytes.append(operation.rawValue)
            encode(memarg, into: &bytes)
        case .memorySize(let memory): indexed(0x3F, memory, &bytes)
        case .memoryGrow(let memory): indexed(0x40, memory, &bytes)
        case .memoryInit(let data, let memory): prefixed(0xFC, 8, [data, memory], &bytes)
        case .dataDrop(let data): prefixed(0xFC, 9, [data], &bytes)
        case .memoryCopy(let destination, let source): prefixed(0xFC, 10, [destination, source], &bytes)
        case .memoryFill(let memory): prefixed(0xFC, 11, [memory], &bytes)
        case .i32Const(let value):
            bytes.append(0x41)
            bytes.appendSignedLEB128(Int64(value))
        case .i64Const(let value):
            bytes.append(0x42)
            bytes.appendSignedLEB128(value)
        case .f32Const(let bits):
            bytes.append(0x43)
            appendLittleEndian(UInt64(bits), count: 4, &bytes)
        case .f64Const(let bits):
            bytes.append(0x44)
            appendLittleEndian(bits, count: 8, &bytes)
        case .numeric(let operation):
            if operation.rawValue > 0xFF {
                prefixed(0xFC, UInt32(operation.rawValue & 0xFF), [], &bytes)
            } else {
                bytes.append(UInt8(operation.rawValue))
            }
        case .wideArithmetic(let operation):
            prefixed(0xFC, operation.rawValue, [], &bytes)
        case .v128Const(let value):
            prefixed(0xFD, 12, [], &bytes)
            bytes.append(contentsOf: value.bytes)
        case .i8x16Shuffle(let lanes):
            prefixed(0xFD, 13, [], &bytes)
            bytes.append(contentsOf: lanes.bytes)
        case .simdMemory(let operation, let memarg):
            prefixed(0xFD, operation.rawValue, [], &bytes)
            encode(memarg, into: &bytes)
        case .simdMemoryLane(let operation, let memarg, let lane):
            prefixed(0xFD, operation.rawValue, [], &bytes)
            encode(memarg, into: &bytes)
            bytes.append(lane)
        case .simdLane(let operation, let lane):
            prefixed(0xFD, operation.rawValue, [], &bytes)
            bytes.append(lane)
        case .simd(let operation):
            prefixed(0xFD, operation.rawValue, [], &bytes)
        case .relaxedSIMD(let operation):
            prefixed(0xFD, operation.rawValue, [], &bytes)
        }
    }

    /// Appends a `try_table` clause: its kind byte, the tag (for `catch` and `catch_ref`), the label.
    static func encode(_ clause: CatchClause, into bytes: inout [UInt8]) {
        switch clause {
        case .catch(let tag, let label): prefixed(0x00, tag, [label], &bytes)
        case .catchReference(let tag, let label): prefixed(0x01, tag, [label], &bytes)
        case .catchAll(let label): indexed(0x02, label, &bytes)
        case .catchAllReference(let label): indexed(0x03, label, &bytes)
        }
    }

    /// Appends the encoding of a block type: `0x40`, a value type, or a type index as `s33`.
    public static func encode(_ type: BlockType, into bytes: inout [UInt8]) {
        switch type {
        case .empty: bytes.append(0x40)
        case .value(let valueType): valueType.encode(into: &bytes)
        case .typeIndex(let index): bytes.appendSignedLEB128(Int64(index))
        }
    }

    /// Appends a memory argument: the alignment exponent (plus 64 when a memory index other than
    /// 0 follows), the memory index in that case, then the offset.
    static func encode(_ memarg: MemoryArgument, into bytes: inout [UInt8]) {
        if memarg.memoryIndex == 0 {
            bytes.appendUnsignedLEB128(UInt64(memarg.alignment))
        } else {
            bytes.appendUnsignedLEB128(UInt64(memarg.alignment) + 64)
            bytes.appendUnsignedLEB128(UInt64(memarg.memoryIndex))
        }
        bytes.appendUnsignedLEB128(memarg.offset)
    }

    private static func indexed(_ opcode: UInt8, _ index: UInt32, _ bytes: inout [UInt8]) {
        bytes.append(opcode)
        bytes.appendUnsignedLEB128(UInt64(index))
    }

    private static func prefixed(_ prefix: UInt8, _ subopcode: UInt32, _ immediates: [UInt32], _ bytes: inout [UInt8]) {
        bytes.append(prefix)
        bytes.appendUnsignedLEB128(UInt64(subopcode))
        for immediate in immediates { bytes.appendUnsignedLEB128(UInt64(immediate)) }
    }

    private static func appendLittleEndian(_ value: UInt64, count: Int, _ bytes: inout [UInt8]) {
        for i in 0..<count { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(i)))) }
    }
}
