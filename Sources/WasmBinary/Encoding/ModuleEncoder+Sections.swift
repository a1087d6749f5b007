/// The contents of the sections whose layout is more than a vector of one item kind.
extension ModuleEncoder {
    /// The type section: one entry per recursion group (`0x4E` and its sub types), a group of one
    /// as its sub type alone, and a plain final type as its composite type alone.
    static func typeSection(_ module: Module, _ w: inout BinaryWriter) {
        let groupStarts = module.types.filter { $0.positionInGroup == 0 }.count
        w.unsigned(groupStarts)
        for type in module.types {
            if type.positionInGroup == 0 && type.groupSize != 1 {
                w.byte(0x4E)
                w.unsigned(type.groupSize)
            }
            subType(type, &w)
        }
    }

    static func subType(_ type: DefinedType, _ w: inout BinaryWriter) {
        if !type.isFinal || !type.supertypes.isEmpty {
            w.byte(type.isFinal ? 0x4F : 0x50)
            w.unsigned(type.supertypes.count)
            for supertype in type.supertypes { w.unsigned(supertype) }
        }
        switch type.composite {
        case .function(let function):
            w.byte(0x60)
            w.unsigned(function.parameters.count)
            for parameter in function.parameters { w.valueType(parameter) }
            w.unsigned(function.results.count)
            for result in function.results { w.valueType(result) }
        case .struct(let fields):
            w.byte(0x5F)
            w.unsigned(fields.count)
            for field in fields { fieldType(field, &w) }
        case .array(let element):
            w.byte(0x5E)
            fieldType(element, &w)
        }
    }

    static func fieldType(_ field: FieldType, _ w: inout BinaryWriter) {
        switch field.storage {
        case .value(let type): w.valueType(type)
        case .i8: w.byte(0x78)
        case .i16: w.byte(0x77)
        }
        w.byte(field.mutability == .variable ? 0x01 : 0x00)
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
                memoryType(memory, &w)
            case .global(let global):
                w.byte(0x03)
                globalType(global, &w)
            case .tag(let tag):
                w.byte(0x04)
                tagType(tag, &w)
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
            case .tag(let index): w.byte(0x04); w.unsigned(index)
            }
        }
    }

    /// Element segments, each in the most compact encoding: function indices for a `(ref func)`
    /// segment whose items are all `ref.func`, and the short active forms for table 0 when the
    /// type is the one they imply (`(ref func)` for indices, `funcref` for expressions).
    static func elementSection(_ module: Module, _ w: inout BinaryWriter) {
        w.unsigned(module.elements.count)
        for segment in module.elements {
            let functionIndices = segment.type == .functionReference ? segment.initializers.map(functionIndex) : []
            let indicesOnly = segment.type == .functionReference && functionIndices.allSatisfy { $0 != nil }
            let expressionFlag: UInt32 = indicesOnly ? 0 : 4
            switch segment.mode {
            case .active(let table, let offset):
                if table == 0 && segment.type == (indicesOnly ? .functionReference : .funcref) {
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
        if indicesOnly {
            w.byte(0x00)
        } else {
            type.encode(into: &w.bytes)
        }
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

    /// The `name` custom section: module name (0), function names (1), local names (2), tag names (11).
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
        section(11, &w, skipIf: names.tagNames.isEmpty) { s in
            s.unsigned(names.tagNames.count)
            for (index, name) in names.tagNames.sorted(by: { $0.key < $1.key }) {
                s.unsigned(index)
                s.name(name)
            }
        }
    }
}
