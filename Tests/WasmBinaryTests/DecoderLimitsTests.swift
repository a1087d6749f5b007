import Testing
@testable import WasmBinary

/// The decoder's implementation limits: counts over a limit are refused at the count, before any
/// entry is read (so before anything is reserved for them), with the byte offset of the count.
@Suite struct DecoderLimitsTests {
    typealias B = ModuleBytes

    /// What decoding `bytes` under `limits` throws, or nil when it decodes.
    func decodingError(_ bytes: [UInt8], _ limits: DecoderLimits = DecoderLimits()) -> DecodeError? {
        do {
            _ = try ModuleDecoder.decode(bytes, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    @Test func defaultsAreTheJSEmbeddingLimits() {
        let limits = DecoderLimits()
        #expect(limits.types == 1_000_000)
        #expect(limits.functions == 1_000_000)
        #expect(limits.imports == 100_000)
        #expect(limits.exports == 100_000)
        #expect(limits.globals == 1_000_000)
        #expect(limits.dataSegments == 100_000)
        #expect(limits.elementSegments == 10_000_000)
        #expect(limits.tables == 100_000)
        #expect(limits.functionBodySize == 7_654_321)
        #expect(limits.locals == 50_000)
        #expect(limits.parameters == 1_000)
        #expect(limits.results == 1_000)
        #expect(limits.tags == 1_000_000)
        #expect(limits.structFields == 10_000)
        #expect(limits.moduleSize == 1 << 30)
    }

    /// A 15-byte module whose function section claims 2^32 - 1 functions.
    static let fourBillionFunctions = B.module(B.section(3, [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]))

    @Test func fourBillionFunctionsAreRefusedAtTheCount() throws {
        let bytes = Self.fourBillionFunctions
        #expect(bytes.count <= 20)
        let error = try #require(decodingError(bytes))
        #expect(error.kind == .limitExceeded(.functions, limit: 1_000_000))
        #expect(error.offset == 10)  // the count, after the header and the section's id and size
        #expect(error.description == "0xa: too many functions (this engine's limit is 1000000)")
        // Without the limit the count is still refused before anything is reserved: it is
        // larger than the bytes left in the section.
        #expect(decodingError(bytes, .unlimited)?.kind == .unexpectedEndOfSectionOrFunction)
    }

    @Test func fourBillionLocalsAreRefusedAtTheirDeclaration() throws {
        // One local group of 2^32 - 1 i32s.
        let bytes = B.function(locals: [0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x7F], code: [0x0B])
        #expect(bytes.count <= 30)
        let error = try #require(decodingError(bytes))
        #expect(error.kind == .limitExceeded(.locals, limit: 50_000))
        #expect(error.message.contains("too many locals"))
        // Without a limit, the spec's own rule (at most 2^32 - 1 in all) still holds.
        let overflowing = B.function(locals: [0x02, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x7F, 0x01, 0x7E], code: [0x0B])
        #expect(decodingError(overflowing, .unlimited)?.kind == .tooManyLocals)
    }

    @Test func localsCountTheParameters() throws {
        var limits = DecoderLimits()
        limits.locals = 3
        // (param i32 i32) plus two locals: four in all.
        let module = B.module(
            B.section(1, [0x01, 0x60, 0x02, 0x7F, 0x7F, 0x00]), B.section(3, [0x01, 0x00]),
            B.section(10, [0x01, 0x04, 0x01, 0x02, 0x7F, 0x0B]))
        #expect(decodingError(module, limits)?.kind == .limitExceeded(.locals, limit: 3))
        limits.locals = 4
        #expect(decodingError(module, limits) == nil)
    }

    /// One case per limit: the limit set to 1, a module with two entries, where the error is.
    static let overLimit: [(DecoderLimits.Item, [UInt8], offset: Int)] = [
        (.types, B.module(B.section(1, [0x02, 0x60, 0x00, 0x00, 0x60, 0x00, 0x00])), 10),
        (.parameters, B.module(B.section(1, [0x01, 0x60, 0x02, 0x7F, 0x7F, 0x00])), 12),
        (.results, B.module(B.section(1, [0x01, 0x60, 0x00, 0x02, 0x7F, 0x7F])), 13),
        (.functions, B.module(B.section(3, [0x02, 0x00, 0x00])), 10),
        (.imports, B.module(B.section(2, [0x02] + B.name("m") + B.name("a") + [0x03, 0x7F, 0x00]
                                       + B.name("m") + B.name("b") + [0x03, 0x7F, 0x00])), 10),
        (.tables, B.module(B.section(4, [0x02, 0x70, 0x00, 0x00, 0x70, 0x00, 0x00])), 10),
        (.memories, B.module(B.section(5, [0x02, 0x00, 0x00, 0x00, 0x00])), 10),
        (.tags, B.module(B.section(13, [0x02, 0x00, 0x00, 0x00, 0x00])), 10),
        (.structFields, B.module(B.section(1, [0x01, 0x5F, 0x02, 0x7F, 0x00, 0x7F, 0x00])), 12),
        // A recursion group's members count as types: two in one entry.
        (.types, B.module(B.section(1, [0x01, 0x4E, 0x02, 0x60, 0x00, 0x00, 0x60, 0x00, 0x00])), 12),
        (.globals, B.module(B.section(6, [0x02, 0x7F, 0x00, 0x41, 0x00, 0x0B, 0x7F, 0x00, 0x41, 0x00, 0x0B])), 10),
        (.exports, B.module(B.section(7, [0x02] + B.name("a") + [0x00, 0x00] + B.name("b") + [0x00, 0x00])), 10),
        (.elementSegments, B.module(B.section(9, [0x02, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00])), 10),
        (.elementsPerSegment, B.module(B.section(9, [0x01, 0x01, 0x00, 0x02, 0x00, 0x00])), 13),
        (.dataSegments, B.module(B.section(11, [0x02, 0x01, 0x00, 0x01, 0x00])), 10),
        (.dataSegments, B.module(B.section(12, [0x02])), 10),
        (.functionBodySize, B.function(code: [0x01, 0x0B]), 21),
        (.moduleSize, B.module(B.section(0, B.name("c"))), 0),
    ]

    @Test(arguments: overLimit)
    func countsOverALimitAreRefused(item: DecoderLimits.Item, bytes: [UInt8], offset: Int) throws {
        var limits = DecoderLimits.unlimited
        switch item {
        case .types: limits.types = 1
        case .parameters: limits.parameters = 1
        case .results: limits.results = 1
        case .functions: limits.functions = 1
        case .imports: limits.imports = 1
        case .tables: limits.tables = 1
        case .memories: limits.memories = 1
        case .tags: limits.tags = 1
        case .structFields: limits.structFields = 1
        case .globals: limits.globals = 1
        case .exports: limits.exports = 1
        case .elementSegments: limits.elementSegments = 1
        case .elementsPerSegment: limits.elementsPerSegment = 1
        case .dataSegments: limits.dataSegments = 1
        case .functionBodySize: limits.functionBodySize = 2
        case .moduleSize: limits.moduleSize = 10
        case .locals: limits.locals = 1
        }
        let error = try #require(decodingError(bytes, limits))
        #expect(error.kind == .limitExceeded(item, limit: limits[item]))
        #expect(error.offset == offset)
        #expect(error.message.hasPrefix(item.words))
        // The same module decodes (or fails for another reason) without the limit.
        #expect(decodingError(bytes, .unlimited)?.kind != .limitExceeded(item, limit: limits[item]))
    }
}
