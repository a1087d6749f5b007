/// Decodes WebAssembly 3.0 binary modules into the `Module` model, rejecting malformed ones with
/// a `DecodeError` in the testsuite's words.
/// https://webassembly.github.io/spec/core/binary/modules.html
public enum ModuleDecoder {
    /// Decodes a whole module: every section, and every function body, whose instructions are
    /// read once so that unknown opcodes and bad immediates are rejected here. Types, indices and
    /// constant-ness are left to validation.
    ///
    /// `features` are what the decoder accepts beyond WebAssembly 2.0 (by default all it knows).
    /// Counts and sizes over `limits` are rejected with `DecodeError.Kind.limitExceeded` before
    /// anything is allocated for them.
    public static func decode(_ bytes: [UInt8], features: WasmFeatures = .all,
                              limits: DecoderLimits = DecoderLimits()) throws(DecodeError) -> Module {
        var reader = ModuleReader(bytes: bytes, features: features, limits: limits)
        return try reader.readModule()
    }

    /// Decodes a module but leaves its function bodies' instructions unread: each body's code is
    /// the bytes its size covers. For a compiler that reads every instruction of every body
    /// anyway (and checks that each body ends with its final `end`, and that `memory.init` and
    /// `data.drop` have a data count section). A module this accepts may still be malformed:
    /// when compiling it fails, `decode` tells whether a malformed body is the first error.
    package static func decodeLeavingInstructionsUnread(_ bytes: [UInt8], features: WasmFeatures = .all,
                                                        limits: DecoderLimits = DecoderLimits()) throws(DecodeError) -> Module {
        var reader = ModuleReader(bytes: bytes, features: features, limits: limits)
        reader.readsInstructions = false
        return try reader.readModule()
    }

    /// The module's sections in order, with their offsets and sizes (for tools such as
    /// `wasm dump`). Reads the header and the section headers only, not the contents.
    public static func sectionHeaders(_ bytes: [UInt8]) throws(DecodeError) -> [SectionHeader] {
        var reader = ModuleReader(bytes: bytes)
        return try reader.readSectionHeaders()
    }
}

/// The state of decoding one module: the byte cursor, the module built so far, and what the
/// cross-section rules need to remember.
struct ModuleReader {
    var reader: ByteReader
    /// The implementation limits in force.
    let limits: DecoderLimits
    var module = Module()
    /// `SectionID.order` of the last known section read.
    var lastSectionOrder = 0
    /// The last known section read that left contents in the module, where custom sections read
    /// now stand. (A section without contents, such as a type section of no types, is not
    /// encoded again, so a custom section after it stands where it would be: after the one before.)
    var lastSectionID: SectionID?
    var sawCodeSection = false
    /// False when function bodies are split by their sizes without reading their instructions
    /// (`ModuleDecoder.decodeLeavingInstructionsUnread`).
    var readsInstructions = true
    /// Where the code section's body count was read, for the error when it differs from the
    /// function section's.
    var codeCountOffset = 0
    var sawDataSection = false

    init(bytes: [UInt8], features: WasmFeatures = .all, limits: DecoderLimits = DecoderLimits()) {
        reader = ByteReader(bytes: bytes, features: features)
        self.limits = limits
    }

    static let magic: [UInt8] = [0x00, 0x61, 0x73, 0x6D]
    static let version: [UInt8] = [0x01, 0x00, 0x00, 0x00]

    /// Reads the magic number and the version.
    mutating func readHeader() throws(DecodeError) {
        guard reader.remaining >= 4 else { throw reader.error(.unexpectedEnd, at: reader.limit) }
        guard reader.bytes[0..<4].elementsEqual(Self.magic) else { throw reader.error(.magicHeaderNotDetected, at: 0) }
        guard reader.remaining >= 8 else { throw reader.error(.unexpectedEnd, at: reader.limit) }
        guard reader.bytes[4..<8].elementsEqual(Self.version) else { throw reader.error(.unknownBinaryVersion, at: 4) }
        reader.position = 8
    }

    /// Reads a section's id and size and narrows the reader to its contents. Returns the
    /// header and the limit to restore afterwards.
    mutating func readSectionStart() throws(DecodeError) -> (header: SectionHeader, outerLimit: Int) {
        let idOffset = reader.position
        guard let id = SectionID(rawValue: try reader.readByte()), id != .tag || reader.features.contains(.exceptions) else {
            throw reader.error(.malformedSectionID, at: idOffset)
        }
        let outerLimit = try reader.beginSizedRegion()
        let header = SectionHeader(id: id, offset: idOffset, contentOffset: reader.position, size: reader.limit - reader.position)
        reader.isInsideSection = true
        return (header, outerLimit)
    }

    /// Checks the section was read exactly to its end and widens the reader back to the module.
    mutating func finishSection(_ header: SectionHeader, outerLimit: Int) throws(DecodeError) {
        try reader.endSizedRegion(restoring: outerLimit, regionStart: header.contentOffset)
        reader.isInsideSection = false
    }

    /// Reads the whole module and checks the rules that span sections.
    mutating func readModule() throws(DecodeError) -> Module {
        guard reader.bytes.count <= limits.moduleSize else {
            throw reader.error(.limitExceeded(.moduleSize, limit: limits.moduleSize), at: 0)
        }
        try readHeader()
        while !reader.isAtEnd {
            let (header, outerLimit) = try readSectionStart()
            if header.id != .custom {
                guard header.id.order > lastSectionOrder else {
                    throw reader.error(.unexpectedContentAfterLastSection, at: header.offset)
                }
                lastSectionOrder = header.id.order
            }
            try readSectionContents(header)
            if header.id != .custom, module.hasContents(in: header.id) { lastSectionID = header.id }
            try finishSection(header, outerLimit: outerLimit)
        }
        if !sawCodeSection && !module.functionTypeIndices.isEmpty {
            throw reader.error(.functionAndCodeInconsistentLengths, at: reader.limit)
        }
        if sawCodeSection && module.codes.count != module.functionTypeIndices.count {
            throw reader.error(.functionAndCodeInconsistentLengths, at: codeCountOffset)
        }
        if !sawDataSection, let dataCount = module.dataCount, dataCount != 0 {
            throw reader.error(.dataCountAndDataInconsistentLengths, at: reader.limit)
        }
        return module
    }

    /// Reads one section's contents into `module`.
    mutating func readSectionContents(_ header: SectionHeader) throws(DecodeError) {
        switch header.id {
        case .custom: try readCustomSection()
        case .type: module.types = try reader.readTypeSection(limits: limits)
        case .import: try readImportSection()
        case .function: module.functionTypeIndices = try readVector(.functions) { (r: inout ByteReader) throws(DecodeError) in try r.readVarUInt32() }
        case .table: try readTableSection()
        case .memory: module.memories = try readVector(.memories) { (r: inout ByteReader) throws(DecodeError) in try r.readMemoryType() }
        case .tag: module.tags = try readVector(.tags) { (r: inout ByteReader) throws(DecodeError) in try r.readTagType() }
        case .global: try readGlobalSection()
        case .export: try readExportSection()
        case .start: module.start = try reader.readVarUInt32()
        case .element: try readElementSection()
        case .dataCount:
            let countIndex = reader.position
            let count = try reader.readVarUInt32()
            guard Int(count) <= limits.dataSegments else {
                throw reader.error(.limitExceeded(.dataSegments, limit: limits.dataSegments), at: countIndex)
            }
            module.dataCount = count
        case .code: try readCodeSection()
        case .data: try readDataSection()
        }
    }

    /// Reads a vector of at most the `item` limit's count of elements, which `element` reads.
    mutating func readVector<T>(_ item: DecoderLimits.Item, _ element: (inout ByteReader) throws(DecodeError) -> T) throws(DecodeError) -> [T] {
        let count = try reader.readVectorCount(maximum: limits[item], item: item)
        var items: [T] = []
        items.reserveCapacity(count)
        for _ in 0..<count { items.append(try element(&reader)) }
        return items
    }

    /// Reads the header and the section headers, skipping the contents.
    mutating func readSectionHeaders() throws(DecodeError) -> [SectionHeader] {
        try readHeader()
        var headers: [SectionHeader] = []
        while !reader.isAtEnd {
            var (header, outerLimit) = try readSectionStart()
            if header.id == .custom { header.customName = try reader.readName() }
            reader.position = reader.limit
            try finishSection(header, outerLimit: outerLimit)
            headers.append(header)
        }
        return headers
    }
}
