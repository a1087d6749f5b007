/// The `name` custom section: the module name (subsection 0), function names (1), local
/// names (2) and tag names (11). Other subsections are skipped. A malformed name section is ignored, never an error.
/// https://webassembly.github.io/spec/core/appendix/custom.html#name-section
enum NameSectionReader {
    /// The names in a `name` section's contents (after the section's own name), or nil when the
    /// contents are malformed.
    static func names(from bytes: [UInt8]) -> NameMap? {
        var reader = ByteReader(bytes: bytes, isInsideSection: true)
        return try? readNames(&reader)
    }

    static func readNames(_ reader: inout ByteReader) throws(DecodeError) -> NameMap {
        var names = NameMap()
        var lastID = -1
        while !reader.isAtEnd {
            let id = Int(try reader.readByte())
            // Subsections appear at most once, in increasing order of id.
            guard id > lastID else { throw reader.error(.unexpectedContentAfterLastSection) }
            lastID = id
            let outerLimit = try reader.beginSizedRegion()
            let start = reader.position
            switch id {
            case 0:
                names.moduleName = try reader.readName()
            case 1:
                names.functionNames = try readNameMap(&reader)
            case 2:
                let count = try reader.readVectorCount()
                for _ in 0..<count {
                    let function = try reader.readVarUInt32()
                    names.localNames[function] = try readNameMap(&reader)
                }
            case 11:
                names.tagNames = try readNameMap(&reader)
            default:
                reader.position = reader.limit
            }
            try reader.endSizedRegion(restoring: outerLimit, regionStart: start)
        }
        return names
    }

    /// Reads a name map: index and name pairs.
    static func readNameMap(_ reader: inout ByteReader) throws(DecodeError) -> [UInt32: String] {
        let count = try reader.readVectorCount()
        var map: [UInt32: String] = [:]
        map.reserveCapacity(count)
        for _ in 0..<count {
            let index = try reader.readVarUInt32()
            map[index] = try reader.readName()
        }
        return map
    }
}
