import Testing
@testable import WasmBinary

/// What WebAssembly 3.0 adds to the binary format: its instructions and immediates, reference
/// and recursive types, 64-bit and custom-page-size limits, tables with initialisers, tags; and
/// that `.webAssembly2` still rejects them.
@Suite struct WebAssembly3DecodingTests {
    typealias B = ModuleBytes

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

    static let nonNullFunction = ValueType.ref(ReferenceType(.concrete(3), isNullable: false))

    @Test(arguments: [
        ([0x12, 0x05], Instruction.returnCall(functionIndex: 5)),
        ([0x13, 0x02, 0x01], .returnCallIndirect(typeIndex: 2, tableIndex: 1)),
        ([0x14, 0x07], .callRef(typeIndex: 7)),
        ([0x15, 0x07], .returnCallRef(typeIndex: 7)),
        ([0xD4], .refAsNonNull),
        ([0xD5, 0x01], .brOnNull(labelIndex: 1)),
        ([0xD6, 0x02], .brOnNonNull(labelIndex: 2)),
        ([0xD0, 0x03], .refNull(.concrete(3))),
        ([0xD0, 0x73], .refNull(.noFunc)),
        ([0xD0, 0x69], .refNull(.exn)),
        ([0x08, 0x01], .throw(tagIndex: 1)),
        ([0x0A], .throwRef),
        ([0x06, 0x40], .try(.empty)),
        ([0x07, 0x02], .catch(tagIndex: 2)),
        ([0x19], .catchAll),
        ([0x18, 0x01], .delegate(labelIndex: 1)),
        ([0x09, 0x00], .rethrow(labelIndex: 0)),
        ([0x1F, 0x40, 0x04, 0x00, 0x01, 0x02, 0x01, 0x03, 0x04, 0x02, 0x05, 0x03, 0x06],
         .tryTable(.empty, [.catch(tagIndex: 1, labelIndex: 2), .catchReference(tagIndex: 3, labelIndex: 4),
                            .catchAll(labelIndex: 5), .catchAllReference(labelIndex: 6)])),
        ([0x02, 0x64, 0x03], .block(.value(nonNullFunction))),
        ([0x1C, 0x01, 0x63, 0x70], .typedSelect([.funcref])),
        ([0x3F, 0x02], .memorySize(memoryIndex: 2)),
        ([0x40, 0x80, 0x00], .memoryGrow(memoryIndex: 0)),
        ([0xFC, 0x08, 0x01, 0x02], .memoryInit(dataIndex: 1, memoryIndex: 2)),
        ([0xFC, 0x0A, 0x01, 0x02], .memoryCopy(destinationMemory: 1, sourceMemory: 2)),
        ([0xFC, 0x0B, 0x03], .memoryFill(memoryIndex: 3)),
        ([0x28, 0x42, 0x01, 0x08], .load(.i32Load, MemoryArgument(alignment: 2, offset: 8, memoryIndex: 1))),
        ([0x29, 0x20, 0x00], .load(.i64Load, MemoryArgument(alignment: 32, offset: 0))),
        ([0x36, 0x02, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01],
         .store(.i32Store, MemoryArgument(alignment: 2, offset: UInt64.max))),
        ([0xFC, 0x13], .wideArithmetic(.i64Add128)),
        ([0xFC, 0x16], .wideArithmetic(.i64MulWideU)),
        ([0xFD, 0x80, 0x02], .relaxedSIMD(.i8x16RelaxedSwizzle)),
        ([0xFD, 0x93, 0x02], .relaxedSIMD(.i32x4RelaxedDotI8x16I7x16AddS)),
        ([0xFD, 0x54, 0x41, 0x01, 0x00, 0x05], .simdMemoryLane(.v128Load8Lane, MemoryArgument(alignment: 1, offset: 0, memoryIndex: 1), lane: 5)),
    ] as [([UInt8], Instruction)])
    func decodesAndReencodesInstructions(bytes: [UInt8], expected: Instruction) throws {
        #expect(try decode(bytes) == expected)
        var encoded: [UInt8] = []
        InstructionEncoder.encode(expected, into: &encoded)
        #expect(try decode(encoded) == expected, "the encoding \(encoded) reads back")
    }

    @Test(arguments: [
        ([0x12, 0x00], DecodeError.Kind.illegalOpcode),
        ([0x14, 0x00], .illegalOpcode),
        ([0xD4], .illegalOpcode),
        ([0x1F, 0x40, 0x00], .illegalOpcode),
        ([0xFC, 0x13], .illegalOpcode),
        ([0xFD, 0x80, 0x02], .illegalOpcode),
        ([0xD0, 0x73], .malformedReferenceType),
        ([0x02, 0x64, 0x00], .malformedValueType),
        ([0x28, 0x41, 0x01, 0x00], .malformedMemoryOperationFlags),
    ] as [([UInt8], DecodeError.Kind)])
    func webAssembly2RejectsWhat3Added(bytes: [UInt8], kind: DecodeError.Kind) {
        #expect(error(bytes, features: .webAssembly2)?.kind == kind)
        #expect(error(bytes) == nil || kind == .malformedValueType, "3.0 reads \(bytes)")
    }

    @Test(arguments: [
        ([0x28, 0x80, 0x01, 0x00], DecodeError.Kind.malformedMemoryOperationFlags),
        ([0x1F, 0x40, 0x01, 0x04, 0x00], .malformedCatchClause),
        ([0xD0, 0x40], .malformedHeapType),
        ([0xFB, 0x00, 0x00], .garbageCollectionInstruction),
        ([0xD3], .garbageCollectionInstruction),
    ] as [([UInt8], DecodeError.Kind)])
    func rejectsMalformed30Instructions(bytes: [UInt8], kind: DecodeError.Kind) {
        #expect(error(bytes)?.kind == kind)
    }

    @Test func decodesRecursiveAndSubTypes() throws {
        let module = try ModuleDecoder.decode(B.module(B.section(1, [
            0x02,
            0x4E, 0x02,
            0x50, 0x00, 0x60, 0x01, 0x64, 0x01, 0x00,   // (sub (func (param (ref 1))))
            0x4F, 0x01, 0x00, 0x60, 0x00, 0x00,         // (sub final 0 (func))
            0x5F, 0x02, 0x78, 0x01, 0x7F, 0x00,         // (struct (field (mut i8)) (field i32))
        ])))
        #expect(module.types == [
            DefinedType(.function(FunctionType(parameters: [.ref(ReferenceType(.concrete(1), isNullable: false))])),
                        isFinal: false, positionInGroup: 0, groupSize: 2),
            DefinedType(.function(FunctionType()), isFinal: true, supertypes: [0], positionInGroup: 1, groupSize: 2),
            DefinedType(.struct([FieldType(.i8, mutability: .variable), FieldType(.value(.i32), mutability: .constant)])),
        ])
        #expect(try ModuleDecoder.decode(ModuleEncoder.encode(module)) == module)
        #expect(decodeError(B.module(B.section(1, [0x01, 0x4E, 0x00])), features: .webAssembly2)?.kind == .malformedFunctionType)
    }

    @Test func decodesLimitsOfEveryKind() throws {
        let module = try ModuleDecoder.decode(B.module(B.section(5, [
            0x03,
            0x04, 0x80, 0x80, 0x80, 0x80, 0x10,   // i64, min 2^32
            0x05, 0x00, 0x01,                     // i64, 0..1
            0x09, 0x00, 0x20, 0x00,               // custom page size 1 byte, 0..32
        ])))
        #expect(module.memories == [
            MemoryType(limits: Limits(min: 1 << 32), addressType: .i64),
            MemoryType(limits: Limits(min: 0, max: 1), addressType: .i64),
            MemoryType(limits: Limits(min: 0, max: 32), pageSizeLog2: 0),
        ])
        #expect(try ModuleDecoder.decode(ModuleEncoder.encode(module)) == module)
        #expect(decodeError(B.module(B.section(5, [0x01, 0x10, 0x00])))?.kind == .malformedLimitsFlags)
        #expect(decodeError(B.module(B.section(5, [0x01, 0x02, 0x00, 0x00])))?.kind == .malformedLimitsFlags)
        #expect(decodeError(B.module(B.section(5, [0x01, 0x08, 0x00, 0x41])))?.kind == .invalidCustomPageSize)
        #expect(decodeError(B.module(B.section(4, [0x01, 0x70, 0x08, 0x00])))?.kind == .malformedLimitsFlags)
    }

    @Test func decodesTablesWithInitializersAndTags() throws {
        let module = try ModuleDecoder.decode(B.module(
            B.section(1, [0x01, 0x60, 0x01, 0x7F, 0x00]),
            B.section(2, [0x01] + B.name("m") + B.name("t") + [0x04, 0x00, 0x00]),
            B.section(4, [0x01, 0x40, 0x00, 0x64, 0x70, 0x04, 0x02, 0xD2, 0x00, 0x0B]),
            B.section(13, [0x01, 0x00, 0x00]),
            B.section(7, [0x01] + B.name("e") + [0x04, 0x01])))
        #expect(module.imports.map(\.descriptor) == [.tag(TagType(typeIndex: 0))])
        #expect(module.tables == [TableDefinition(
            type: TableType(elementType: .functionReference, limits: Limits(min: 2), addressType: .i64),
            initializer: ConstantExpression([.refFunc(functionIndex: 0)]))])
        #expect(module.tags == [TagType(typeIndex: 0)])
        #expect(module.exports == [Export(name: "e", descriptor: .tag(1))])
        #expect(try ModuleDecoder.decode(ModuleEncoder.encode(module)) == module)
    }

    @Test func checksSectionOrderWithTags() {
        let tags = B.section(13, [0x00])
        #expect(decodeError(B.module(B.section(5, [0x00]), tags, B.section(6, [0x00]))) == nil)
        #expect(decodeError(B.module(B.section(6, [0x00]), tags))?.kind == .unexpectedContentAfterLastSection)
        #expect(decodeError(B.module(tags), features: .webAssembly2)?.kind == .malformedSectionID)
    }

    /// A code section with too few bodies is reported after every section is read, so that a
    /// second code section is "unexpected content" first.
    @Test func reportsSectionOrderBeforeBodyCounts() {
        let bodies = B.section(10, [0x01, 0x02, 0x00, 0x0B])
        let bytes = B.module(B.section(1, [0x01, 0x60, 0x00, 0x00]), B.section(3, [0x02, 0x00, 0x00]), bodies, bodies)
        #expect(decodeError(bytes)?.kind == .unexpectedContentAfterLastSection)
    }
}
