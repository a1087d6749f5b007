/// The import, global, export and custom sections, and constant expressions.
/// https://webassembly.github.io/spec/core/binary/modules.html
extension ModuleReader {
    /// Reads the import section: module name, item name, and a descriptor by kind byte.
    mutating func readImportSection() throws(DecodeError) {
        module.imports = try readVector(.imports) { (r: inout ByteReader) throws(DecodeError) -> Import in
            let moduleName = try r.readName()
            let name = try r.readName()
            let kindIndex = r.position
            let descriptor: ImportDescriptor
            switch try r.readByte() {
            case 0x00: descriptor = .function(typeIndex: try r.readVarUInt32())
            case 0x01: descriptor = .table(try r.readTableType())
            case 0x02: descriptor = .memory(try r.readMemoryType())
            case 0x03: descriptor = .global(try r.readGlobalType())
            case 0x04 where r.features.contains(.exceptions): descriptor = .tag(try r.readTagType())
            default: throw r.error(.malformedImportKind, at: kindIndex)
            }
            return Import(module: moduleName, name: name, descriptor: descriptor)
        }
    }

    /// Reads the table section: a table type each, or `0x40 0x00`, a table type and an
    /// initialiser expression for its elements.
    mutating func readTableSection() throws(DecodeError) {
        module.tables = try readVector(.tables) { (r: inout ByteReader) throws(DecodeError) -> TableDefinition in
            guard try r.peekByte() == 0x40, r.features.contains(.typedFunctionReferences) else {
                return TableDefinition(type: try r.readTableType())
            }
            r.position &+= 1
            let reservedIndex = r.position
            guard try r.readByte() == 0x00 else { throw r.error(.zeroByteExpected, at: reservedIndex) }
            let type = try r.readTableType()
            return TableDefinition(type: type, initializer: try r.readConstantExpression())
        }
    }

    /// Reads the global section: a global type and an initialiser each.
    mutating func readGlobalSection() throws(DecodeError) {
        module.globals = try readVector(.globals) { (r: inout ByteReader) throws(DecodeError) -> Global in
            let type = try r.readGlobalType()
            return Global(type: type, initializer: try r.readConstantExpression())
        }
    }

    /// Reads the export section: a name, a kind byte and an index each.
    mutating func readExportSection() throws(DecodeError) {
        module.exports = try readVector(.exports) { (r: inout ByteReader) throws(DecodeError) -> Export in
            let name = try r.readName()
            let kindIndex = r.position
            let kind = try r.readByte()
            guard kind <= 0x03 || (kind == 0x04 && r.features.contains(.exceptions)) else {
                throw r.error(.malformedExportKind, at: kindIndex)
            }
            let index = try r.readVarUInt32()
            let descriptor: ExportDescriptor
            switch kind {
            case 0x00: descriptor = .function(index)
            case 0x01: descriptor = .table(index)
            case 0x02: descriptor = .memory(index)
            case 0x03: descriptor = .global(index)
            default: descriptor = .tag(index)
            }
            return Export(name: name, descriptor: descriptor)
        }
    }

    /// Reads a custom section: its name, then the rest of the section as raw bytes. A `name`
    /// section also fills `module.names` when it is well formed.
    mutating func readCustomSection() throws(DecodeError) {
        let name = try reader.readName()
        let bytes = try reader.readBytes(reader.remaining)
        let placement: CustomSectionPlacement = lastSectionID.map { .after($0) } ?? .first
        module.customSections.append(CustomSection(name: name, bytes: bytes, placement: placement))
        if name == "name", module.names == nil {
            module.names = NameSectionReader.names(from: bytes)
        }
    }
}

extension ByteReader {
    /// Reads a constant expression up to its final `end` (not included). Any instruction is
    /// accepted; validation decides which are constant. Nested blocks are followed so that
    /// only the `end` that closes the expression ends it.
    public mutating func readConstantExpression() throws(DecodeError) -> ConstantExpression {
        var instructions: [Instruction] = []
        var depth = 0
        while true {
            let instruction = try readInstruction()
            switch instruction {
            case .block, .loop, .if, .try, .tryTable:
                depth += 1
            case .end, .delegate:
                if depth == 0 {
                    guard case .end = instruction else { throw error(.illegalOpcode) }
                    return ConstantExpression(instructions)
                }
                depth -= 1
            default:
                break
            }
            instructions.append(instruction)
        }
    }
}
