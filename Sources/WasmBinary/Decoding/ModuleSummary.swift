/// A readable summary of a decoded module, as `wasm dump` prints it: the sections with their
/// offsets and sizes, then types, imports and exports with their types, functions, tables,
/// memories, globals, segments, the start function and custom sections.
public struct ModuleSummary: Sendable {
    /// The decoded module.
    public var module: Module
    /// Where each section lies in the module's bytes, in file order.
    public var sections: [SectionHeader]

    /// A summary of an already decoded module and its section headers.
    public init(module: Module, sections: [SectionHeader]) {
        self.module = module
        self.sections = sections
    }

    /// Decodes `bytes` and summarises the module.
    public init(decoding bytes: [UInt8]) throws(DecodeError) {
        self.init(module: try ModuleDecoder.decode(bytes), sections: try ModuleDecoder.sectionHeaders(bytes))
    }

    /// The summary as lines of text.
    public var text: String {
        var lines: [String] = []
        lines.append("Sections:")
        for section in sections {
            var line = "  \(pad(section.id.description, 9)) start=\(hex(section.contentOffset)) end=\(hex(section.contentOffset + section.size)) (size=\(hex(section.size)))"
            if let name = section.customName { line += " \(quoted(name))" }
            lines.append(line)
        }
        appendTypes(to: &lines)
        appendImports(to: &lines)
        appendFunctions(to: &lines)
        appendTablesMemoriesGlobals(to: &lines)
        appendExports(to: &lines)
        appendSegments(to: &lines)
        return lines.joined(separator: "\n")
    }

    private func appendTypes(to lines: inout [String]) {
        guard !module.types.isEmpty else { return }
        lines.append("Types (\(module.types.count)):")
        for (index, type) in module.types.enumerated() {
            lines.append("  type[\(index)] \(describe(type))")
        }
    }

    private func appendImports(to lines: inout [String]) {
        guard !module.imports.isEmpty else { return }
        lines.append("Imports (\(module.imports.count)):")
        for entry in module.imports {
            lines.append("  \(describe(entry.descriptor)) <- \(quoted(entry.module)).\(quoted(entry.name))")
        }
    }

    private func appendFunctions(to lines: inout [String]) {
        let imported = module.imports.filter { if case .function = $0.descriptor { return true } else { return false } }.count
        lines.append("Functions: \(module.functionTypeIndices.count) defined, \(imported) imported")
        let codeBytes = module.codes.reduce(0) { $0 + $1.code.count }
        if !module.codes.isEmpty {
            lines.append("  code: \(codeBytes) bytes of instructions in \(module.codes.count) bodies")
        }
        if let start = module.start {
            lines.append("Start: func[\(start)]\(functionName(start))")
        }
    }

    private func appendTablesMemoriesGlobals(to lines: inout [String]) {
        for (index, table) in module.tables.enumerated() {
            lines.append("Table[\(index)]: \(describe(table.type))\(table.initializer.map(describe) ?? "")")
        }
        for (index, memory) in module.memories.enumerated() {
            lines.append("Memory[\(index)]: \(describe(memory))")
        }
        for (index, tag) in module.tags.enumerated() {
            lines.append("Tag[\(index)]: \(signature(tag.typeIndex))")
        }
        guard !module.globals.isEmpty else { return }
        lines.append("Globals (\(module.globals.count)):")
        for (index, global) in module.globals.enumerated() {
            lines.append("  global[\(index)] \(describe(global.type))\(describe(global.initializer))")
        }
    }

    private func appendExports(to lines: inout [String]) {
        guard !module.exports.isEmpty else { return }
        lines.append("Exports (\(module.exports.count)):")
        for export in module.exports {
            lines.append("  \(quoted(export.name)) -> \(describe(export.descriptor))")
        }
    }

    private func appendSegments(to lines: inout [String]) {
        if !module.elements.isEmpty {
            let items = module.elements.reduce(0) { $0 + $1.initializers.count }
            let active = module.elements.filter { if case .active = $0.mode { return true } else { return false } }.count
            let passive = module.elements.filter { $0.mode == .passive }.count
            let declarative = module.elements.count - active - passive
            lines.append("Element segments: \(module.elements.count) (\(items) elements; \(active) active, \(passive) passive, \(declarative) declarative)")
        }
        if let dataCount = module.dataCount {
            lines.append("Data count: \(dataCount)")
        }
        if !module.data.isEmpty {
            let bytes = module.data.reduce(0) { $0 + $1.bytes.count }
            let passive = module.data.filter { $0.mode == .passive }.count
            lines.append("Data segments: \(module.data.count) (\(bytes) bytes; \(module.data.count - passive) active, \(passive) passive)")
        }
        if !module.customSections.isEmpty {
            lines.append("Custom sections: " + module.customSections.map { "\(quoted($0.name)) (\($0.bytes.count) bytes)" }.joined(separator: ", "))
        }
        if let names = module.names {
            lines.append("Names: \(names.functionNames.count) functions, locals in \(names.localNames.count)")
        }
    }

    private func describe(_ descriptor: ImportDescriptor) -> String {
        switch descriptor {
        case .function(let typeIndex): return "func \(signature(typeIndex))"
        case .table(let table): return "table \(describe(table))"
        case .memory(let memory): return "memory \(describe(memory))"
        case .global(let global): return "global \(describe(global))"
        case .tag(let tag): return "tag \(signature(tag.typeIndex))"
        }
    }

    private func describe(_ descriptor: ExportDescriptor) -> String {
        switch descriptor {
        case .function(let index):
            return "func[\(index)]\(functionName(index)) \(functionSignature(index))"
        case .table(let index): return "table[\(index)]"
        case .memory(let index): return "memory[\(index)]"
        case .global(let index): return "global[\(index)]"
        case .tag(let index): return "tag[\(index)]"
        }
    }

    /// A function type by its signature alone; other types in the text format's form.
    private func describe(_ type: DefinedType) -> String {
        if type.isPlain, let function = type.functionType { return function.description }
        return type.description
    }

    /// `funcref limits 1..2`, with `i64` first for a 64-bit table.
    private func describe(_ table: TableType) -> String {
        "\(table.addressType == .i64 ? "i64 " : "")\(table.elementType) limits \(table.limits)"
    }

    /// `pages 1..2`, with `i64` first for a 64-bit memory and the page size when it is not 64 KiB.
    private func describe(_ memory: MemoryType) -> String {
        let pageSize = memory.pageSizeLog2 == MemoryType.defaultPageSizeLog2 ? "" : " (page size 2^\(memory.pageSizeLog2))"
        return "\(memory.addressType == .i64 ? "i64 " : "")pages \(memory.limits)\(pageSize)"
    }

    /// ` = value` for an initialiser that is one constant, otherwise nothing.
    private func describe(_ initializer: ConstantExpression) -> String {
        guard initializer.instructions.count == 1, let instruction = initializer.instructions.first else { return "" }
        switch instruction {
        case .i32Const(let value): return " = \(value)"
        case .i64Const(let value): return " = \(value)"
        case .f32Const(let bits): return " = \(Float(bitPattern: bits))"
        case .f64Const(let bits): return " = \(Double(bitPattern: bits))"
        case .refNull: return " = null"
        case .refFunc(let index): return " = func[\(index)]"
        case .globalGet(let index): return " = global[\(index)]"
        default: return ""
        }
    }

    private func describe(_ type: GlobalType) -> String {
        type.mutability == .variable ? "(mut \(type.valueType))" : type.valueType.description
    }

    private func signature(_ typeIndex: UInt32) -> String {
        let index = Int(typeIndex)
        guard index < module.types.count else { return "type[\(typeIndex)] (out of range)" }
        return describe(module.types[index])
    }

    /// The signature of a function by its index in the function index space (imports first).
    private func functionSignature(_ functionIndex: UInt32) -> String {
        var remaining = Int(functionIndex)
        for entry in module.imports {
            if case .function(let typeIndex) = entry.descriptor {
                if remaining == 0 { return signature(typeIndex) }
                remaining -= 1
            }
        }
        guard remaining < module.functionTypeIndices.count else { return "(out of range)" }
        return signature(module.functionTypeIndices[remaining])
    }

    private func functionName(_ index: UInt32) -> String {
        guard let name = module.names?.functionNames[index] else { return "" }
        return " <\(name)>"
    }

    /// A name in double quotes, with quotes, backslashes and invisible characters escaped.
    private func quoted(_ name: String) -> String {
        var text = "\""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            default:
                switch scalar.properties.generalCategory {
                case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator:
                    text += "\\u{\(String(scalar.value, radix: 16))}"
                default:
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        return text + "\""
    }

    private func hex(_ value: Int) -> String {
        "0x" + pad(String(value, radix: 16), 8, with: "0", leading: true)
    }

    private func pad(_ text: String, _ width: Int, with filler: Character = " ", leading: Bool = false) -> String {
        guard text.count < width else { return text }
        let padding = String(repeating: filler, count: width - text.count)
        return leading ? padding + text : text + padding
    }
}
