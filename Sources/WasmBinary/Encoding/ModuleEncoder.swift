/// Encodes a `Module` in the WebAssembly binary format.
///
/// Sections appear in the spec's order (the tag section between memories and globals) and only
/// when they have contents; element segments use the most compact of the eight encodings that
/// expresses them; the data count section is written when `module.dataCount` is set. Custom
/// sections stand where their placement says (by default after the data section); the `name`
/// section made from `names`, when `names` is set and no custom section is called `name`, comes
/// last.
public enum ModuleEncoder {
    /// The module's bytes, starting with the magic number and version.
    public static func encode(_ module: Module) -> [UInt8] {
        var out = BinaryWriter()
        out.append([0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00])
        customSections(module, .first, &out)
        for id in SectionID.allCases.sorted(by: { $0.order < $1.order }) where id != .custom {
            customSections(module, .before(id), &out)
            knownSection(id, module, &out)
            customSections(module, .after(id), &out)
        }
        customSections(module, .last, &out)
        // A decoded module keeps its `name` section both as raw bytes and as `names`: the raw
        // section (with any subsections `names` does not model) is written, `names` only when
        // there is none.
        if let names = module.names, !module.customSections.contains(where: { $0.name == "name" }) {
            section(0, &out, skipIf: false) { nameSection(names, &$0) }
        }
        return out.bytes
    }

    /// Writes the custom sections placed at `placement`, in order.
    static func customSections(_ module: Module, _ placement: CustomSectionPlacement, _ out: inout BinaryWriter) {
        for custom in module.customSections where custom.placement == placement {
            section(0, &out, skipIf: false) { w in
                w.name(custom.name)
                w.append(custom.bytes)
            }
        }
    }

    /// Writes one known section when the module has contents for it (`Module.hasContents(in:)`).
    static func knownSection(_ id: SectionID, _ module: Module, _ out: inout BinaryWriter) {
        guard module.hasContents(in: id) else { return }
        switch id {
        case .custom: break
        case .type: section(1, &out, skipIf: module.types.isEmpty) { typeSection(module, &$0) }
        case .import: section(2, &out, skipIf: module.imports.isEmpty) { importSection(module, &$0) }
        case .function:
            section(3, &out, skipIf: module.functionTypeIndices.isEmpty) { w in
                w.unsigned(module.functionTypeIndices.count)
                for index in module.functionTypeIndices { w.unsigned(index) }
            }
        case .table:
            section(4, &out, skipIf: module.tables.isEmpty) { w in
                w.unsigned(module.tables.count)
                for table in module.tables {
                    if let initializer = table.initializer {
                        w.append([0x40, 0x00])
                        tableType(table.type, &w)
                        constantExpression(initializer, &w)
                    } else {
                        tableType(table.type, &w)
                    }
                }
            }
        case .memory:
            section(5, &out, skipIf: module.memories.isEmpty) { w in
                w.unsigned(module.memories.count)
                for memory in module.memories { memoryType(memory, &w) }
            }
        case .tag:
            section(13, &out, skipIf: module.tags.isEmpty) { w in
                w.unsigned(module.tags.count)
                for tag in module.tags { tagType(tag, &w) }
            }
        case .global:
            section(6, &out, skipIf: module.globals.isEmpty) { w in
                w.unsigned(module.globals.count)
                for global in module.globals {
                    globalType(global.type, &w)
                    constantExpression(global.initializer, &w)
                }
            }
        case .export: section(7, &out, skipIf: module.exports.isEmpty) { exportSection(module, &$0) }
        case .start:
            if let start = module.start {
                section(8, &out, skipIf: false) { $0.unsigned(start) }
            }
        case .element: section(9, &out, skipIf: module.elements.isEmpty) { elementSection(module, &$0) }
        case .dataCount:
            if let dataCount = module.dataCount {
                section(12, &out, skipIf: false) { $0.unsigned(dataCount) }
            }
        case .code: section(10, &out, skipIf: module.codes.isEmpty) { codeSection(module, &$0) }
        case .data: section(11, &out, skipIf: module.data.isEmpty) { dataSection(module, &$0) }
        }
    }

    /// Writes one section: its id, its size, then what `body` writes.
    static func section(_ id: UInt8, _ out: inout BinaryWriter, skipIf skip: Bool, _ body: (inout BinaryWriter) -> Void) {
        if skip { return }
        var contents = BinaryWriter()
        body(&contents)
        out.byte(id)
        out.sizedBytes(contents.bytes)
    }

    /// Limits: the flags (bit 0 a maximum, bit 2 64-bit, bit 3 a page size follows), the bounds,
    /// then the page size exponent when `pageSizeLog2` is given.
    static func limits(_ limits: Limits, addressType: AddressType, pageSizeLog2: UInt32? = nil, _ w: inout BinaryWriter) {
        var flags: UInt8 = limits.max == nil ? 0x00 : 0x01
        if addressType == .i64 { flags |= 0x04 }
        if pageSizeLog2 != nil { flags |= 0x08 }
        w.byte(flags)
        w.unsigned(limits.min)
        if let max = limits.max { w.unsigned(max) }
        if let pageSizeLog2 { w.unsigned(pageSizeLog2) }
    }

    static func tableType(_ table: TableType, _ w: inout BinaryWriter) {
        table.elementType.encode(into: &w.bytes)
        limits(table.limits, addressType: table.addressType, &w)
    }

    /// A memory type; the page size is written only when it is not the default.
    static func memoryType(_ memory: MemoryType, _ w: inout BinaryWriter) {
        let pageSize = memory.pageSizeLog2 == MemoryType.defaultPageSizeLog2 ? nil : memory.pageSizeLog2
        limits(memory.limits, addressType: memory.addressType, pageSizeLog2: pageSize, &w)
    }

    static func tagType(_ tag: TagType, _ w: inout BinaryWriter) {
        w.byte(0x00)
        w.unsigned(tag.typeIndex)
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

extension Module {
    /// True when the module has contents for the known section `id`: the encoder writes exactly
    /// those sections, and the decoder places a custom section after the last of them read.
    public func hasContents(in id: SectionID) -> Bool {
        switch id {
        case .custom: return false
        case .type: return !types.isEmpty
        case .import: return !imports.isEmpty
        case .function: return !functionTypeIndices.isEmpty
        case .table: return !tables.isEmpty
        case .memory: return !memories.isEmpty
        case .tag: return !tags.isEmpty
        case .global: return !globals.isEmpty
        case .export: return !exports.isEmpty
        case .start: return start != nil
        case .element: return !elements.isEmpty
        case .dataCount: return dataCount != nil
        case .code: return !codes.isEmpty
        case .data: return !data.isEmpty
        }
    }
}
