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
            case 0x02: descriptor = .memory(MemoryType(limits: try r.readLimits()))
            case 0x03: descriptor = .global(try r.readGlobalType())
            default: throw r.error(.malformedImportKind, at: kindIndex)
            }
            return Import(module: moduleName, name: name, descriptor: descriptor)
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
            guard kind <= 0x03 else { throw r.error(.malformedExportKind, at: kindIndex) }
            let index = try r.readVarUInt32()
            let descriptor: ExportDescriptor
            switch kind {
            case 0x00: descriptor = .function(index)
            case 0x01: descriptor = .table(index)
            case 0x02: descriptor = .memory(index)
            default: descriptor = .global(index)
            }
            return Export(name: name, descriptor: descriptor)
        }
    }

    /// Reads a custom section: its name, then the rest of the section as raw bytes. A `name`
    /// section also fills `module.names` when it is well formed.
    mutating func readCustomSection() throws(DecodeError) {
        let name = try reader.readName()
        let bytes = try reader.readBytes(reader.remaining)
        module.customSections.append(CustomSection(name: name, bytes: bytes))
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
            case .block, .loop, .if:
                depth += 1
            case .end:
                if depth == 0 { return ConstantExpression(instructions) }
                depth -= 1
            default:
                break
            }
            instructions.append(instruction)
        }
    }
}
