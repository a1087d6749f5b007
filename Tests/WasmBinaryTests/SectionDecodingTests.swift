import Testing
@testable import WasmBinary

/// The header, the section framing and order, and the type, import, function, table, memory,
/// global, export and start sections.
@Suite struct SectionDecodingTests {
    typealias B = ModuleBytes

    @Test func decodesTheEmptyModule() throws {
        #expect(try ModuleDecoder.decode(B.header) == Module())
    }

    @Test(arguments: [
        ([], DecodeError.Kind.unexpectedEnd, 0),
        ([0x00, 0x61, 0x73], .unexpectedEnd, 3),
        ([0x00, 0x61, 0x73, 0x6E, 0x01, 0x00, 0x00, 0x00], .magicHeaderNotDetected, 0),
        ([0x00, 0x61, 0x73, 0x6D, 0x01, 0x00], .unexpectedEnd, 6),
        ([0x00, 0x61, 0x73, 0x6D, 0x02, 0x00, 0x00, 0x00], .unknownBinaryVersion, 4),
        ([0x00, 0x61, 0x73, 0x6D, 0x0D, 0x00, 0x00, 0x00], .unknownBinaryVersion, 4),
    ] as [([UInt8], DecodeError.Kind, Int)])
    func rejectsBadHeaders(bytes: [UInt8], kind: DecodeError.Kind, offset: Int) {
        #expect(decodeError(bytes) == DecodeError(kind, at: offset))
    }

    @Test(arguments: [
        // id 13 is not a 2.0 section
        (B.header + [0x0D, 0x00], DecodeError.Kind.malformedSectionID, 8),
        // a section id without a size
        (B.header + [0x01], .unexpectedEnd, 9),
        // size 5 with 2 bytes left
        (B.header + [0x01, 0x05, 0x01, 0x60], .lengthOutOfBounds, 9),
        // one type declared in 4 bytes, but the section is 5 long
        (B.header + [0x01, 0x05, 0x01, 0x60, 0x00, 0x00, 0x00], .sectionSizeMismatch, 10),
        // two types declared, one given: the section ends first
        (B.header + [0x01, 0x04, 0x02, 0x60, 0x00, 0x00], .unexpectedEndOfSectionOrFunction, 14),
        // a section size that is an over-long LEB128
        (B.header + [0x01, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00], .integerRepresentationTooLong, 14),
    ] as [([UInt8], DecodeError.Kind, Int)])
    func rejectsBadSectionFraming(bytes: [UInt8], kind: DecodeError.Kind, offset: Int) {
        #expect(decodeError(bytes, features: .webAssembly2) == DecodeError(kind, at: offset))
    }

    @Test func rejectsSectionsOutOfOrderOrTwice() {
        let type = B.section(1, [0x00])
        let importSection = B.section(2, [0x00])
        #expect(decodeError(B.module(importSection, type))?.kind == .unexpectedContentAfterLastSection)
        #expect(decodeError(B.module(type, type))?.kind == .unexpectedContentAfterLastSection)
        // The data count section comes before the code section, not after it.
        let dataCount = B.section(12, [0x00])
        let code = B.section(10, [0x00])
        #expect(decodeError(B.module(dataCount, code)) == nil)
        #expect(decodeError(B.module(code, dataCount))?.kind == .unexpectedContentAfterLastSection)
        // Custom sections may go anywhere, any number of times.
        let custom = B.section(0, B.name("x"))
        #expect(decodeError(B.module(custom, type, custom, importSection, custom)) == nil)
    }

    @Test func decodesFunctionTypes() throws {
        let module = try ModuleDecoder.decode(B.module(B.section(1, [
            0x03,
            0x60, 0x00, 0x00,
            0x60, 0x02, 0x7F, 0x7E, 0x01, 0x7D,
            0x60, 0x03, 0x7C, 0x7B, 0x70, 0x02, 0x6F, 0x7F,
        ])))
        #expect(module.types == [
            FunctionType(),
            FunctionType(parameters: [.i32, .i64], results: [.f32]),
            FunctionType(parameters: [.f64, .v128, .funcref], results: [.externref, .i32]),
        ].map(DefinedType.init))
    }

    @Test(arguments: [
        ([0x01, 0x61, 0x00, 0x00], DecodeError.Kind.malformedFunctionType),
        ([0x01, 0x60, 0x01, 0x7A, 0x00], .malformedValueType),
        ([0x01, 0x60, 0x00, 0x01, 0x40], .malformedValueType),
        // 0x60 written as a two-byte signed LEB128: type codes are single bytes
        ([0x01, 0xE0, 0x7F, 0x00, 0x00], .integerRepresentationTooLong),
    ] as [([UInt8], DecodeError.Kind)])
    func rejectsBadTypes(contents: [UInt8], kind: DecodeError.Kind) {
        #expect(decodeError(B.module(B.section(1, contents)))?.kind == kind)
    }

    @Test func decodesEveryImportKind() throws {
        let contents: [UInt8] = [0x04]
            + B.name("env") + B.name("f") + [0x00, 0x00]
            + B.name("env") + B.name("t") + [0x01, 0x70, 0x01, 0x01, 0x0A]
            + B.name("env") + B.name("m") + [0x02, 0x00, 0x02]
            + B.name("env") + B.name("g") + [0x03, 0x7E, 0x01]
        let module = try ModuleDecoder.decode(B.module(B.section(1, [0x01, 0x60, 0x00, 0x00]), B.section(2, contents)))
        #expect(module.imports == [
            Import(module: "env", name: "f", descriptor: .function(typeIndex: 0)),
            Import(module: "env", name: "t", descriptor: .table(TableType(elementType: .funcref, limits: Limits(min: 1, max: 10)))),
            Import(module: "env", name: "m", descriptor: .memory(MemoryType(limits: Limits(min: 2)))),
            Import(module: "env", name: "g", descriptor: .global(GlobalType(valueType: .i64, mutability: .variable))),
        ])
    }

    @Test(arguments: [
        ([0x01] + B.name("a") + B.name("b") + [0x04, 0x00], DecodeError.Kind.malformedImportKind),
        ([0x01] + B.name("a") + B.name("b") + [0x80, 0x00], .malformedImportKind),
        ([0x01] + B.name("a") + B.name("b") + [0x03, 0x7F, 0x02], .malformedMutability),
        ([0x01] + B.name("a") + B.name("b") + [0x01, 0x7F, 0x00, 0x00], .malformedReferenceType),
        // names must be UTF-8: a lone continuation byte, an overlong NUL, a surrogate, beyond U+10FFFF
        ([0x01, 0x01, 0x80] + B.name("b") + [0x00, 0x00], .malformedUTF8),
        ([0x01, 0x02, 0xC0, 0x80] + B.name("b") + [0x00, 0x00], .malformedUTF8),
        ([0x01] + B.name("a") + [0x03, 0xED, 0xA0, 0x80, 0x00, 0x00], .malformedUTF8),
        ([0x01] + B.name("a") + [0x04, 0xF4, 0x90, 0x80, 0x80, 0x00, 0x00], .malformedUTF8),
        // a name longer than the section
        ([0x01, 0x09, 0x61], .unexpectedEndOfSectionOrFunction),
    ] as [([UInt8], DecodeError.Kind)])
    func rejectsBadImports(contents: [UInt8], kind: DecodeError.Kind) {
        #expect(decodeError(B.module(B.section(2, contents)), features: .webAssembly2)?.kind == kind)
    }

    @Test func acceptsMultilingualNames() throws {
        let module = try ModuleDecoder.decode(B.module(B.section(2, [0x01] + B.name("модуль") + B.name("関数😀") + [0x02, 0x00, 0x00])))
        #expect(module.imports.first?.module == "модуль")
        #expect(module.imports.first?.name == "関数😀")
    }

    @Test(arguments: [
        ([0x01, 0x70, 0x00, 0x00], Limits(min: 0)),
        ([0x01, 0x70, 0x01, 0x02, 0x03], Limits(min: 2, max: 3)),
        ([0x01, 0x6F, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F], Limits(min: 4_294_967_295)),
    ] as [([UInt8], Limits)])
    func decodesTableLimits(contents: [UInt8], limits: Limits) throws {
        let module = try ModuleDecoder.decode(B.module(B.section(4, contents)))
        #expect(module.tables.first?.type.limits == limits)
    }

    @Test(arguments: [
        // the limits flag is a one-bit LEB128 integer
        ([0x01, 0x02, 0x00], DecodeError.Kind.integerTooLarge),
        ([0x01, 0x03, 0x00, 0x00], .integerTooLarge),
        ([0x01, 0x81, 0x00, 0x00, 0x00], .integerRepresentationTooLong),
        ([0x01, 0x00, 0x80, 0x80, 0x80, 0x80, 0x10], .integerTooLarge),
        ([0x01, 0x01, 0x00], .unexpectedEndOfSectionOrFunction),
    ] as [([UInt8], DecodeError.Kind)])
    func rejectsBadMemoryLimits(contents: [UInt8], kind: DecodeError.Kind) {
        #expect(decodeError(B.module(B.section(5, contents)), features: .webAssembly2)?.kind == kind)
    }

    @Test func decodesMemories() throws {
        let module = try ModuleDecoder.decode(B.module(B.section(5, [0x01, 0x01, 0x01, 0x80, 0x80, 0x04])))
        #expect(module.memories == [MemoryType(limits: Limits(min: 1, max: 65_536))])
    }

    @Test func decodesGlobalsWithTheirInitialisers() throws {
        let module = try ModuleDecoder.decode(B.module(B.section(6, [
            0x02,
            0x7F, 0x00, 0x41, 0x2A, 0x0B,              // i32 const = 42
            0x70, 0x01, 0xD0, 0x70, 0x0B,              // (mut funcref) = ref.null func
        ])))
        #expect(module.globals == [
            Global(type: GlobalType(valueType: .i32, mutability: .constant), initializer: ConstantExpression([.i32Const(42)])),
            Global(type: GlobalType(valueType: .funcref, mutability: .variable), initializer: ConstantExpression([.refNull(.func)])),
        ])
    }

    @Test func rejectsAGlobalInitialiserWithoutEnd() {
        #expect(decodeError(B.module(B.section(6, [0x01, 0x7F, 0x00, 0x41, 0x00])))?.kind == .unexpectedEndOfSectionOrFunction)
    }

    @Test func decodesExportsAndStart() throws {
        let exports: [UInt8] = [0x04]
            + B.name("f") + [0x00, 0x00] + B.name("t") + [0x01, 0x00]
            + B.name("m") + [0x02, 0x00] + B.name("g") + [0x03, 0x80, 0x01]
        let module = try ModuleDecoder.decode(B.module(B.section(7, exports), B.section(8, [0x05])))
        #expect(module.exports.map(\.descriptor) == [.function(0), .table(0), .memory(0), .global(128)])
        #expect(module.exports.map(\.name) == ["f", "t", "m", "g"])
        #expect(module.start == 5)
    }

    @Test func rejectsABadExportKind() {
        #expect(decodeError(B.module(B.section(7, [0x01] + B.name("x") + [0x04, 0x00])), features: .webAssembly2)?.kind == .malformedExportKind)
        #expect(decodeError(B.module(B.section(7, [0x01] + B.name("x") + [0x05, 0x00])))?.kind == .malformedExportKind)
    }
}
