import Testing
@testable import WasmBinary

/// The element, data, data count, code and custom sections.
@Suite struct SegmentAndCodeDecodingTests {
    typealias B = ModuleBytes

    static let offsetZero = ConstantExpression([.i32Const(0)])
    static let function0 = ConstantExpression([.refFunc(functionIndex: 0)])
    static let nullFunc = ConstantExpression([.refNull(.func)])

    /// All eight element segment encodings, each with the abstract form the 3.0 spec gives it
    /// (function indices are `(ref func)`).
    @Test(arguments: [
        ([0x00, 0x41, 0x00, 0x0B, 0x01, 0x00],
         ElementSegment(type: .functionReference, initializers: [function0], mode: .active(table: 0, offset: offsetZero))),
        ([0x01, 0x00, 0x01, 0x00],
         ElementSegment(type: .functionReference, initializers: [function0], mode: .passive)),
        ([0x02, 0x03, 0x41, 0x00, 0x0B, 0x00, 0x01, 0x00],
         ElementSegment(type: .functionReference, initializers: [function0], mode: .active(table: 3, offset: offsetZero))),
        ([0x03, 0x00, 0x01, 0x00],
         ElementSegment(type: .functionReference, initializers: [function0], mode: .declarative)),
        ([0x04, 0x41, 0x00, 0x0B, 0x02, 0xD2, 0x00, 0x0B, 0xD0, 0x70, 0x0B],
         ElementSegment(type: .funcref, initializers: [function0, nullFunc], mode: .active(table: 0, offset: offsetZero))),
        ([0x05, 0x6F, 0x01, 0xD0, 0x6F, 0x0B],
         ElementSegment(type: .externref, initializers: [ConstantExpression([.refNull(.extern)])], mode: .passive)),
        ([0x06, 0x01, 0x41, 0x00, 0x0B, 0x70, 0x01, 0xD2, 0x00, 0x0B],
         ElementSegment(type: .funcref, initializers: [function0], mode: .active(table: 1, offset: offsetZero))),
        ([0x07, 0x70, 0x01, 0xD2, 0x00, 0x0B],
         ElementSegment(type: .funcref, initializers: [function0], mode: .declarative)),
    ] as [([UInt8], ElementSegment)])
    func decodesElementSegments(segment: [UInt8], expected: ElementSegment) throws {
        let module = try ModuleDecoder.decode(B.module(B.section(9, [0x01] + segment)))
        #expect(module.elements == [expected])
    }

    @Test(arguments: [
        ([0x08, 0x00, 0x00], DecodeError.Kind.malformedElementSegmentKind),
        ([0x01, 0x01, 0x00], .malformedElementKind),
        ([0x05, 0x7F, 0x00], .malformedReferenceType),
        ([0x05, 0x70, 0x01, 0xF3, 0x00, 0x0B], .illegalOpcode),
        ([0x01, 0x00, 0x02, 0x00], .unexpectedEndOfSectionOrFunction),
    ] as [([UInt8], DecodeError.Kind)])
    func rejectsBadElementSegments(segment: [UInt8], kind: DecodeError.Kind) {
        #expect(decodeError(B.module(B.section(9, [0x01] + segment)))?.kind == kind)
    }

    @Test func decodesTheThreeDataSegmentEncodings() throws {
        let module = try ModuleDecoder.decode(B.module(B.section(11, [
            0x03,
            0x00, 0x41, 0x10, 0x0B, 0x02, 0xAA, 0xBB,
            0x01, 0x01, 0xCC,
            0x02, 0x00, 0x41, 0x00, 0x0B, 0x00,
        ])))
        #expect(module.data == [
            DataSegment(bytes: [0xAA, 0xBB], mode: .active(memory: 0, offset: ConstantExpression([.i32Const(16)]))),
            DataSegment(bytes: [0xCC], mode: .passive),
            DataSegment(bytes: [], mode: .active(memory: 0, offset: Self.offsetZero)),
        ])
    }

    @Test func rejectsBadDataSegments() {
        #expect(decodeError(B.module(B.section(11, [0x01, 0x03, 0x00])))?.kind == .malformedDataSegmentKind)
        // seven bytes declared, six given
        #expect(decodeError(B.module(B.section(11, [0x01, 0x01, 0x07, 1, 2, 3, 4, 5, 6])))?.kind == .unexpectedEndOfSectionOrFunction)
    }

    @Test func checksTheDataCount() throws {
        let passive = B.section(11, [0x01, 0x01, 0x00])
        #expect(try ModuleDecoder.decode(B.module(B.section(12, [0x01]), passive)).dataCount == 1)
        #expect(decodeError(B.module(B.section(12, [0x02]), passive))?.kind == .dataCountAndDataInconsistentLengths)
        #expect(decodeError(B.module(B.section(12, [0x01])))?.kind == .dataCountAndDataInconsistentLengths)
        #expect(decodeError(B.module(B.section(12, [0x00]))) == nil)
    }

    @Test func requiresADataCountForMemoryInitAndDataDrop() {
        let memoryInit: [UInt8] = [0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x08, 0x00, 0x00, 0x0B]
        let dataDrop: [UInt8] = [0xFC, 0x09, 0x00, 0x0B]
        #expect(decodeError(B.function(code: memoryInit))?.kind == .dataCountSectionRequired)
        #expect(decodeError(B.function(code: dataDrop))?.kind == .dataCountSectionRequired)
        #expect(decodeError(B.function(code: dataDrop, before: B.section(12, [0x00]))) == nil)
    }

    @Test func decodesLocalsAndKeepsTheBodyBytes() throws {
        let code: [UInt8] = [0x20, 0x00, 0x1A, 0x0B]
        let bytes = B.function(locals: [0x02, 0x03, 0x7F, 0x01, 0x7B], code: code)
        let module = try ModuleDecoder.decode(bytes)
        let body = try #require(module.codes.first)
        #expect(body.locals == [LocalGroup(count: 3, type: .i32), LocalGroup(count: 1, type: .v128)])
        #expect(body.code == code)
        #expect(Array(bytes[body.codeOffset..<body.codeOffset + code.count]) == code)
    }

    @Test(arguments: [
        // The binary format allows 2^32 - 1 locals in total, one more is malformed (the
        // decoder's default limits refuse far fewer: DecoderLimitsTests)
        ([0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x7F], nil),
        ([0x02, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x7F, 0x01, 0x7E], DecodeError.Kind.tooManyLocals),
        ([0x01, 0x01, 0x40], .malformedValueType),
    ] as [([UInt8], DecodeError.Kind?)])
    func checksLocalDeclarations(locals: [UInt8], kind: DecodeError.Kind?) {
        var error: DecodeError?
        do {
            _ = try ModuleDecoder.decode(B.function(locals: locals, code: [0x0B]), limits: .unlimited)
        } catch let thrown {
            error = thrown
        }
        #expect(error?.kind == kind)
    }

    @Test(arguments: [
        // no final end
        ([0x41, 0x01, 0x1A], DecodeError.Kind.unexpectedEndOfSectionOrFunction),
        // a block left open
        ([0x02, 0x40, 0x0B], .unexpectedEndOfSectionOrFunction),
        // bytes after the function's end
        ([0x0B, 0x01], .sectionSizeMismatch),
        // an immediate cut by the body's end
        ([0x41], .unexpectedEndOfSectionOrFunction),
    ] as [([UInt8], DecodeError.Kind)])
    func rejectsBodiesThatDoNotEndAtTheirEnd(code: [UInt8], kind: DecodeError.Kind) {
        #expect(decodeError(B.function(code: code))?.kind == kind)
    }

    @Test func checksFunctionAndCodeCounts() {
        let type = B.section(1, [0x01, 0x60, 0x00, 0x00])
        let twoFunctions = B.section(3, [0x02, 0x00, 0x00])
        let oneBody = B.section(10, [0x01, 0x02, 0x00, 0x0B])
        #expect(decodeError(B.module(type, twoFunctions, oneBody))?.kind == .functionAndCodeInconsistentLengths)
        #expect(decodeError(B.module(type, twoFunctions))?.kind == .functionAndCodeInconsistentLengths)
        #expect(decodeError(B.module(type, oneBody))?.kind == .functionAndCodeInconsistentLengths)
        #expect(decodeError(B.module(type, B.section(3, [0x00]))) == nil)
    }

    @Test func rejectsABodyLongerThanItsSection() {
        let bytes = B.module(B.section(1, [0x01, 0x60, 0x00, 0x00]), B.section(3, [0x01, 0x00]), B.section(10, [0x01, 0x09, 0x00, 0x0B]))
        #expect(decodeError(bytes)?.kind == .lengthOutOfBounds)
    }

    @Test func keepsCustomSections() throws {
        let module = try ModuleDecoder.decode(B.module(B.section(0, B.name("meta") + [1, 2, 3]), B.section(0, B.name(""))))
        #expect(module.customSections == [
            CustomSection(name: "meta", bytes: [1, 2, 3], placement: .first), CustomSection(name: "", bytes: [], placement: .first),
        ])
        let placed = try ModuleDecoder.decode(B.module(B.section(1, [0x01, 0x60, 0x00, 0x00]), B.section(0, B.name("after types"))))
        #expect(placed.customSections.map(\.placement) == [.after(.type)])
        // An empty section is not encoded again: a custom section after it stands after the one before.
        let afterEmpty = try ModuleDecoder.decode(B.module(B.section(1, [0x00]), B.section(0, B.name("after no types"))))
        #expect(afterEmpty.customSections.map(\.placement) == [.first])
        #expect(decodeError(B.module(B.section(0, [0x01, 0xFF])))?.kind == .malformedUTF8)
        #expect(decodeError(B.module(B.section(0, [])))?.kind == .unexpectedEndOfSectionOrFunction)
    }

    @Test func decodesTheNameSection() throws {
        // Subsections are framed like sections: an id, a size, the contents.
        let moduleName = B.section(0, B.name("demo"))
        let functionNames = B.section(1, [0x02, 0x00] + B.name("main") + [0x03] + B.name("add"))
        let localNames = B.section(2, [0x01, 0x03, 0x02, 0x00] + B.name("a") + [0x01] + B.name("b"))
        let module = try ModuleDecoder.decode(B.module(B.section(0, B.name("name") + moduleName + functionNames + localNames)))
        let names = try #require(module.names)
        #expect(names.moduleName == "demo")
        #expect(names.functionNames == [0: "main", 3: "add"])
        #expect(names.localNames == [3: [0: "a", 1: "b"]])
    }

    @Test(arguments: [
        [0x01, 0x05, 0x01, 0x00, 0x02, 0x61],              // a name cut short
        [0x01, 0x03, 0x01, 0x00, 0x00, 0x00],              // a subsection longer than its contents
        [0x01, 0x01, 0x00, 0x01, 0x01, 0x00],              // function names twice
        [0x01, 0x04, 0x01, 0x00, 0x01, 0xFF],              // a name that is not UTF-8
    ] as [[UInt8]])
    func ignoresAMalformedNameSection(contents: [UInt8]) throws {
        let module = try ModuleDecoder.decode(B.module(B.section(0, B.name("name") + contents)))
        #expect(module.names == nil)
        #expect(module.customSections.count == 1)
    }
}
