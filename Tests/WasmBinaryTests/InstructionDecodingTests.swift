import Foundation
import Testing
@testable import WasmBinary
import TestSupport

/// Instructions and their immediates, the reserved bytes, unknown opcodes, and `InstructionReader`.
@Suite struct InstructionDecodingTests {
    private func decode(_ bytes: [UInt8], features: WasmFeatures = .all) throws -> Instruction {
        var reader = InstructionReader(code: bytes, features: features)
        let instruction = try reader.next()
        #expect(reader.isAtEnd, "\(bytes) has bytes left after \(instruction)")
        return instruction
    }

    private func error(_ bytes: [UInt8], features: WasmFeatures = .all) -> DecodeError? {
        var reader = InstructionReader(code: bytes, features: features)
        do {
            _ = try reader.next()
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        ([0x02, 0x40], Instruction.block(.empty)),
        ([0x03, 0x7F], .loop(.value(.i32))),
        ([0x04, 0x7B], .if(.value(.v128))),
        ([0x02, 0x05], .block(.typeIndex(5))),
        ([0x02, 0x80, 0x01], .block(.typeIndex(128))),
        ([0x0C, 0x02], .br(labelIndex: 2)),
        ([0x0E, 0x02, 0x00, 0x01, 0x02], .brTable(BranchTable(labelIndices: [0, 1], defaultIndex: 2))),
        ([0x11, 0x03, 0x00], .callIndirect(typeIndex: 3, tableIndex: 0)),
        // call_indirect's table index is an LEB128 index, so a padded zero is fine
        ([0x11, 0x03, 0x80, 0x00], .callIndirect(typeIndex: 3, tableIndex: 0)),
        ([0x11, 0x00, 0x02], .callIndirect(typeIndex: 0, tableIndex: 2)),
        ([0x1C, 0x01, 0x7E], .typedSelect([.i64])),
        ([0x25, 0x01], .tableGet(tableIndex: 1)),
        ([0x28, 0x02, 0x10], .load(.i32Load, MemoryArgument(alignment: 2, offset: 16))),
        ([0x3E, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F], .store(.i64Store32, MemoryArgument(alignment: 0, offset: 0xFFFF_FFFF))),
        ([0x3F, 0x00], .memorySize(memoryIndex: 0)),
        ([0x40, 0x00], .memoryGrow(memoryIndex: 0)),
        ([0x41, 0x7F], .i32Const(-1)),
        ([0x42, 0x80, 0x01], .i64Const(128)),
        ([0x43, 0x00, 0x00, 0xC0, 0x7F], .f32Const(bits: 0x7FC0_0000)),
        ([0x44, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0xF0, 0x7F], .f64Const(bits: 0x7FF0_0000_0000_0001)),
        ([0x6A], .numeric(.i32Add)),
        ([0xC4], .numeric(.i64Extend32S)),
        ([0xD0, 0x6F], .refNull(.extern)),
        ([0xD2, 0x07], .refFunc(functionIndex: 7)),
        ([0xFC, 0x07], .numeric(.i64TruncSatF64U)),
        ([0xFC, 0x08, 0x01, 0x00], .memoryInit(dataIndex: 1, memoryIndex: 0)),
        ([0xFC, 0x0A, 0x00, 0x00], .memoryCopy(destinationMemory: 0, sourceMemory: 0)),
        ([0xFC, 0x0B, 0x00], .memoryFill(memoryIndex: 0)),
        ([0xFC, 0x0C, 0x02, 0x01], .tableInit(elementIndex: 2, tableIndex: 1)),
        ([0xFC, 0x0E, 0x01, 0x02], .tableCopy(destinationTable: 1, sourceTable: 2)),
        ([0xFC, 0x11, 0x00], .tableFill(tableIndex: 0)),
        // the 0xFC subopcode is an LEB128 u32
        ([0xFC, 0x80, 0x00], .numeric(.i32TruncSatF32S)),
    ] as [([UInt8], Instruction)])
    func decodesInstructions(bytes: [UInt8], expected: Instruction) throws {
        #expect(try decode(bytes) == expected)
    }

    /// WebAssembly 2.0's rules: reserved zero bytes, alignment exponents below 32, no 3.0 opcodes.
    @Test(arguments: [
        ([0x3F, 0x01], DecodeError.Kind.zeroByteExpected, 1),
        // memory.grow's reserved byte is one byte, not an LEB128 zero
        ([0x40, 0x80, 0x00], .zeroByteExpected, 1),
        ([0xFC, 0x08, 0x00, 0x01], .zeroByteExpected, 3),
        ([0xFC, 0x0A, 0x00, 0x01], .zeroByteExpected, 3),
        ([0xFC, 0x0B, 0x01], .zeroByteExpected, 2),
        ([0x28, 0x20, 0x00], .malformedMemoryOperationFlags, 1),
        ([0x28, 0x40, 0x00], .malformedMemoryOperationFlags, 1),
        ([0x06], .illegalOpcode, 0),
        ([0x27], .illegalOpcode, 0),
        ([0xC5], .illegalOpcode, 0),
        ([0xFF], .illegalOpcode, 0),
        ([0xFC, 0x12], .illegalOpcode, 0),
        ([0xFD, 0x9A, 0x01], .illegalOpcode, 0),   // 154: a hole in the SIMD opcodes
        ([0xFD, 0x80, 0x02], .illegalOpcode, 0),   // 256: past the last
        ([0xFC, 0x87, 0x80, 0x80, 0x80, 0x80, 0x00], .integerRepresentationTooLong, 6),
        ([0xD0, 0x7F], .malformedReferenceType, 1),
        ([0x02, 0x7A], .malformedValueType, 1),
        ([0x02, 0x60], .malformedValueType, 1),
        ([0x44, 0x00, 0x00], .unexpectedEndOfSectionOrFunction, 3),
        ([0x0E, 0x05, 0x00], .unexpectedEndOfSectionOrFunction, 3),
    ] as [([UInt8], DecodeError.Kind, Int)])
    func rejectsMalformedInstructions(bytes: [UInt8], kind: DecodeError.Kind, offset: Int) {
        #expect(error(bytes, features: .webAssembly2) == DecodeError(kind, at: offset))
    }

    @Test func decodesVectorInstructionsWithImmediates() throws {
        let bytes = Array(UInt8(0)...UInt8(15))
        let vector = V128(bytes: bytes)
        #expect(try decode([0xFD, 0x0C] + bytes) == .v128Const(vector))
        #expect(try decode([0xFD, 0x0D] + bytes) == .i8x16Shuffle(lanes: vector))
        #expect(try decode([0xFD, 0x15, 0x0F]) == .simdLane(.i8x16ExtractLaneS, lane: 15))
        #expect(try decode([0xFD, 0x22, 0x01]) == .simdLane(.f64x2ReplaceLane, lane: 1))
        #expect(try decode([0xFD, 0x00, 0x04, 0x08]) == .simdMemory(.v128Load, MemoryArgument(alignment: 4, offset: 8)))
        #expect(try decode([0xFD, 0x5D, 0x03, 0x00]) == .simdMemory(.v128Load64Zero, MemoryArgument(alignment: 3, offset: 0)))
        #expect(try decode([0xFD, 0x54, 0x00, 0x00, 0x0F]) == .simdMemoryLane(.v128Load8Lane, MemoryArgument(alignment: 0, offset: 0), lane: 15))
        #expect(try decode([0xFD, 0x5B, 0x03, 0x02, 0x01]) == .simdMemoryLane(.v128Store64Lane, MemoryArgument(alignment: 3, offset: 2), lane: 1))
    }

    /// Every subopcode of WebAssembly 2.0's SIMD is one of the instruction tables, and every
    /// plain operation decodes from its subopcode.
    @Test func coversTheSIMDOpcodeSpace() throws {
        // The spec's 0xFD space up to 255 has 20 unassigned holes.
        let holes: Set<UInt32> = [154, 162, 165, 166, 175, 176, 178, 179, 180, 187, 194, 197, 198, 207, 208, 210, 211, 212, 226, 238]
        for subopcode in UInt32(0)...255 where !holes.contains(subopcode) {
            let tables = [
                SIMDOperation(rawValue: subopcode) != nil,
                SIMDMemoryOperation(rawValue: subopcode) != nil,
                SIMDMemoryLaneOperation(rawValue: subopcode) != nil,
                SIMDLaneOperation(rawValue: subopcode) != nil,
                subopcode == 12 || subopcode == 13,
            ]
            #expect(tables.filter { $0 }.count == 1, "subopcode \(subopcode)")
        }
        // Loads and stores (14), lane loads and stores (8), extract and replace lane (14),
        // v128.const and i8x16.shuffle (2) have immediates; the rest have none.
        #expect(SIMDOperation.allCases.count == 256 - holes.count - 14 - 8 - 14 - 2)
        for operation in SIMDOperation.allCases {
            #expect(try decode([0xFD] + ModuleBytes.leb(UInt64(operation.rawValue))) == .simd(operation))
        }
    }

    @Test func givesSIMDSignatures() {
        #expect(SIMDOperation.i8x16Splat.signature == ([.i32], .v128))
        #expect(SIMDOperation.f64x2Splat.signature == ([.f64], .v128))
        #expect(SIMDOperation.v128AnyTrue.signature == ([.v128], .i32))
        #expect(SIMDOperation.i32x4Bitmask.signature == ([.v128], .i32))
        #expect(SIMDOperation.i64x2ShrU.signature == ([.v128, .i32], .v128))
        #expect(SIMDOperation.v128Bitselect.signature == ([.v128, .v128, .v128], .v128))
        #expect(SIMDOperation.i16x8Q15mulrSatS.signature == ([.v128, .v128], .v128))
        #expect(SIMDOperation.f32x4DemoteF64x2Zero.signature == ([.v128], .v128))
    }

    /// Every SIMD operation's name is used by the testsuite's SIMD scripts.
    @Test(.enabled(if: Testsuite.isPresent, Comment(rawValue: Testsuite.missingMessage)))
    func namesSIMDOperationsAsTheTestsuiteDoes() throws {
        let json = try #require(Testsuite.jsonDirectory, Comment(rawValue: Testsuite.missingMessage))
        let wast = json.deletingLastPathComponent().appendingPathComponent("wast")
        var text = ""
        for file in try FileManager.default.contentsOfDirectory(atPath: wast.path) where file.hasPrefix("simd_") {
            text += try String(contentsOf: wast.appendingPathComponent(file), encoding: .utf8)
        }
        let words = Set(text.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "\n" }).map(String.init))
        for operation in SIMDOperation.allCases {
            #expect(words.contains(operation.name), "\(operation.name)")
        }
    }

    @Test func readsABodyOneInstructionAtATime() throws {
        let code: [UInt8] = [0x41, 0x80, 0x01, 0x20, 0x00, 0x6A, 0x0B]
        var reader = InstructionReader(code: code, baseOffset: 100)
        var seen: [(Int, Instruction)] = []
        while !reader.isAtEnd {
            let offset = reader.offset
            seen.append((offset, try reader.next()))
        }
        #expect(seen.map(\.0) == [100, 103, 105, 106])
        #expect(seen.map(\.1) == [.i32Const(128), .localGet(0), .numeric(.i32Add), .end])
    }

    @Test func reportsModuleOffsetsInErrors() {
        var reader = InstructionReader(code: [0x01, 0x06], baseOffset: 40, features: .webAssembly2)
        #expect(throws: DecodeError(.illegalOpcode, at: 41)) {
            _ = try reader.next()
            _ = try reader.next()
        }
    }

    @Test func readsNestedConstantExpressions() throws {
        var reader = ByteReader(bytes: [0x02, 0x7F, 0x41, 0x01, 0x0B, 0x0B, 0xFF])
        let expression = try reader.readConstantExpression()
        #expect(expression.instructions == [.block(.value(.i32)), .i32Const(1), .end])
        #expect(reader.position == 6)
    }
}
