/// Encodes a `Module` in the WebAssembly binary format.
///
/// Sections appear in the spec's order and only when they have contents; element segments use the
/// most compact of the eight encodings that expresses them; the data count section is written when
/// `module.dataCount` is set. Custom sections (and the `name` section made from `names`, when
/// `names` is set and no custom section is called `name`) follow the data section.
public enum ModuleEncoder {
    /// The module's bytes, starting with the magic number and version.
    public static func encode(_ module: Module) -> [UInt8] {
        var out = BinaryWriter()
        out.append([0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00])
        section(1, &out, skipIf: module.types.isEmpty) { typeSection(module, &$0) }
        section(2, &out, skipIf: module.imports.isEmpty) { importSection(module, &$0) }
        section(3, &out, skipIf: module.functionTypeIndices.isEmpty) { w in
            w.unsigned(module.functionTypeIndices.count)
            for index in module.functionTypeIndices { w.unsigned(index) }
        }
        section(4, &out, skipIf: module.tables.isEmpty) { w in
            w.unsigned(module.tables.count)
            for table in module.tables { tableType(table, &w) }
        }
        section(5, &out, skipIf: module.memories.isEmpty) { w in
            w.unsigned(module.memories.count)
            for memory in module.memories { limits(memory.limits, &w) }
        }
        section(6, &out, skipIf: module.globals.isEmpty) { w in
            w.unsigned(module.globals.count)
            for global in module.globals {
                globalType(global.type, &w)
                constantExpression(global.initializer, &w)
            }
        }
        section(7, &out, skipIf: module.exports.isEmpty) { exportSection(module, &$0) }
        if let start = module.start {
            section(8, &out, skipIf: false) { $0.unsigned(start) }
        }
        section(9, &out, skipIf: module.elements.isEmpty) { elementSection(module, &$0) }
        if let dataCount = module.dataCount {
            section(12, &out, skipIf: false) { $0.unsigned(dataCount) }
        }
        section(10, &out, skipIf: module.codes.isEmpty) { codeSection(module, &$0) }
        section(11, &out, skipIf: module.data.isEmpty) { dataSection(module, &$0) }
        for custom in module.customSections {
            section(0, &out, skipIf: false) { w in
                w.name(custom.name)
                w.append(custom.bytes)
            }
        }
        // A decoded module keeps its `name` section both as raw bytes and as `names`: the raw
        // section (with any subsections `names` does not model) is written, `names` only when
        // there is none.
        if let names = module.names, !module.customSections.contains(where: { $0.name == "name" }) {
            section(0, &out, skipIf: false) { nameSection(names, &$0) }
        }
        return out.bytes
    }

    /// Writes one section: its id, its size, then what `body` writes.
    static func section(_ id: UInt8, _ out: inout BinaryWriter, skipIf skip: Bool, _ body: (inout BinaryWriter) -> Void) {
        if skip { return }
        var contents = BinaryWriter()
        body(&contents)
        out.byte(id)
        out.sizedBytes(contents.bytes)
    }

    static func limits(_ limits: Limits, _ w: inout BinaryWriter) {
        if let max = limits.max {
            w.byte(0x01)
            w.unsigned(limits.min)
            w.unsigned(max)
        } else {
            w.byte(0x00)
            w.unsigned(limits.min)
        }
    }

    static func tableType(_ table: TableType, _ w: inout BinaryWriter) {
        w.byte(table.elementType.encodingByte)
        limits(table.limits, &w)
    }

    static func globalType(_ type: GlobalType, _ w: inout BinaryWriter) {
        w.valueType(type.valueType)
        w.byte(type.mutability == .variable ? 0x01 : 0x00)
    }

    static func constantExpression(_ expression: ConstantExpression, _ w: inout BinaryWriter) {
        for instruction in expression.instructions {
            InstructionEncoder.encode(instruction, into: &w.bytes)
        }
        w.byte(0x0B)
    }
}
