/// The contents of the sections whose layout is more than a vector of one item kind.
extension ModuleEncoder {
    static func typeSection(_ module: Module, _ w: inout BinaryWriter) {
        w.unsigned(module.types.count)
        for type in module.types {
            w.byte(0x60)
            w.unsigned(type.parameters.count)
            for parameter in type.parameters { w.valueType(parameter) }
            w.unsigned(type.results.count)
            for result in type.results { w.valueType(result) }
        }
    }

    static func importSection(_ module: Module, _ w: inout BinaryWriter) {
        w.unsigned(module.imports.count)
        for entry in module.imports {
            w.name(entry.module)
            w.name(entry.name)
            switch entry.descriptor {
            case .function(let typeIndex):
                w.byte(0x00)
                w.unsigned(typeIndex)
            case .table(let table):
                w.byte(0x01)
                tableType(table, &w)
            case .memory(let memory):
                w.byte(0x02)
                limits(memory.limits, &w)
            case .global(let global):
                w.byte(0x03)
                globalType(global, &w)
            }
        }
    }

    static func exportSection(_ module: Module, _ w: inout BinaryWriter) {
        w.unsigned(module.exports.count)
        for export in module.exports {
            w.name(export.name)
            switch export.descriptor {
            case .function(let index): w.byte(0x00); w.unsigned(index)
            case .table(let index): w.byte(0x01); w.unsigned(index)
            case .memory(let index): w.byte(0x02); w.unsigned(index)
            case .global(let index): w.byte(0x03); w.unsigned(index)
            }
        }
    }

    /// Element segments, each in the most compact encoding: function indices when every item is a
    /// `ref.func` of a `funcref` segment, and the short active form for table 0 when it applies.
    static func elementSection(_ module: Module, _ w: inout BinaryWriter) {
        w.unsigned(module.elements.count)
        for segment in module.elements {
            let functionIndices = segment.type == .funcref ? segment.initializers.map(functionIndex) : []
            let indicesOnly = segment.type == .funcref && functionIndices.allSatisfy { $0 != nil }
            let expressionFlag: UInt32 = indicesOnly ? 0 : 4
            switch segment.mode {
            case .active(let table, let offset):
                if table == 0 && segment.type == .funcref {
                    w.unsigned(expressionFlag)
                    constantExpression(offset, &w)
                } else {
                    w.unsigned(expressionFlag | 2)
                    w.unsigned(table)
                    constantExpression(offset, &w)
                    elementKind(segment.type, indicesOnly, &w)
                }
            case .passive:
                w.unsigned(expressionFlag | 1)
                elementKind(segment.type, indicesOnly, &w)
            case .declarative:
                w.unsigned(expressionFlag | 3)
                elementKind(segment.type, indicesOnly, &w)
            }
            w.unsigned(segment.initializers.count)
            if indicesOnly {
                for index in functionIndices { w.unsigned(index ?? 0) }
            } else {
                for initializer in segment.initializers { constantExpression(initializer, &w) }
            }
        }
    }

    /// The function index of an initializer that is exactly `ref.func x`.
    private static func functionIndex(_ initializer: ConstantExpression) -> UInt32? {
        guard initializer.instructions.count == 1, case .refFunc(let index) = initializer.instructions[0] else { return nil }
        return index
    }

    /// `elemkind` (0x00 for function indices) or the reference type of expression items.
    private static func elementKind(_ type: ReferenceType, _ indicesOnly: Bool, _ w: inout BinaryWriter) {
        w.byte(indicesOnly ? 0x00 : type.encodingByte)
    }

    static func codeSection(_ module: Module, _ w: inout BinaryWriter) {
        w.unsigned(module.codes.count)
        for body in module.codes {
            var entry = BinaryWriter()
            entry.unsigned(body.locals.count)
            for group in body.locals {
                entry.unsigned(group.count)
                entry.valueType(group.type)
            }
            entry.append(body.code)
            w.sizedBytes(entry.bytes)
        }
    }

    static func dataSection(_ module: Module, _ w: inout BinaryWriter) {
        w.unsigned(module.data.count)
        for segment in module.data {
            switch segment.mode {
            case .passive:
                w.byte(0x01)
            case .active(let memory, let offset):
                if memory == 0 {
                    w.byte(0x00)
                } else {
                    w.byte(0x02)
                    w.unsigned(memory)
                }
                constantExpression(offset, &w)
            }
            w.sizedBytes(segment.bytes)
        }
    }

    /// The `name` custom section: module name (0), function names (1), local names (2).
    static func nameSection(_ names: NameMap, _ w: inout BinaryWriter) {
        w.name("name")
        if let moduleName = names.moduleName {
            section(0, &w, skipIf: false) { $0.name(moduleName) }
        }
        section(1, &w, skipIf: names.functionNames.isEmpty) { s in
            s.unsigned(names.functionNames.count)
            for (index, name) in names.functionNames.sorted(by: { $0.key < $1.key }) {
                s.unsigned(index)
                s.name(name)
            }
        }
        section(2, &w, skipIf: names.localNames.isEmpty) { s in
            s.unsigned(names.localNames.count)
            for (function, locals) in names.localNames.sorted(by: { $0.key < $1.key }) {
                s.unsigned(function)
                s.unsigned(locals.count)
                for (index, name) in locals.sorted(by: { $0.key < $1.key }) {
                    s.unsigned(index)
                    s.name(name)
                }
            }
        }
    }
}
