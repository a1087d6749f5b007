import WasmBinary

/// Imports, functions, tables, memories, globals, exports and the start function.
extension ModuleParser {
    mutating func parseImport() throws(WatError) {
        let importToken = cursor.current
        try checkImportAllowed(at: importToken)
        cursor.advance()
        cursor.advance()
        let moduleName = try cursor.expectName()
        let name = try cursor.expectName()
        try cursor.expectLeftParen()
        let kind = cursor.current
        cursor.advance()
        _ = cursor.takeIdentifier()
        let descriptor: ImportDescriptor
        switch kind.text {
        case "func":
            descriptor = .function(typeIndex: try parseTypeUse().index)
            functionCount += 1
        case "table":
            descriptor = .table(try parseTableType())
            tableCount += 1
        case "memory":
            descriptor = .memory(MemoryType(limits: try cursor.expectLimits()))
            memoryCount += 1
        case "global":
            descriptor = .global(try cursor.expectGlobalType())
            globalCount += 1
        default:
            throw cursor.unexpected(kind)
        }
        try cursor.expectRightParen()
        try cursor.expectRightParen()
        module.imports.append(Import(module: moduleName, name: name, descriptor: descriptor))
    }

    mutating func parseTableType() throws(WatError) -> TableType {
        let limits = try cursor.expectLimits()
        return TableType(elementType: try cursor.expectReferenceType(), limits: limits)
    }

    mutating func parseFunction() throws(WatError) {
        cursor.advance()
        cursor.advance()
        _ = cursor.takeIdentifier()
        let index = functionCount
        functionCount += 1
        try parseInlineExports(.function(index))
        if let (moduleName, name) = try parseInlineImport() {
            let typeIndex = try parseTypeUse().index
            try cursor.expectRightParen()
            module.imports.append(Import(module: moduleName, name: name, descriptor: .function(typeIndex: typeIndex)))
            return
        }
        noteDefinition("function")
        let typeUse = try parseTypeUse()
        var context = FunctionContext()
        for (name, token) in typeUse.names {
            try context.locals.add(name, at: token)
        }
        var locals: [LocalGroup] = []
        while cursor.takeOpen("local") {
            if let token = cursor.current.kind == .identifier ? cursor.advance() : nil {
                try context.locals.add(token.text, at: token)
                appendLocal(try cursor.expectValueType(), to: &locals)
            } else {
                while cursor.current.kind != .rightParen {
                    let token = cursor.current
                    appendLocal(try cursor.expectValueType(), to: &locals)
                    try context.locals.add(nil, at: token)
                }
            }
            try cursor.expectRightParen()
        }
        var instructions: [Instruction] = []
        try parseInstructions(&context, into: &instructions)
        try cursor.expectRightParen()
        instructions.append(.end)
        var code: [UInt8] = []
        for instruction in instructions { InstructionEncoder.encode(instruction, into: &code) }
        module.functionTypeIndices.append(typeUse.index)
        module.codes.append(FunctionBody(locals: locals, code: code))
    }

    /// Adds one local, extending the last group when it has the same type.
    private func appendLocal(_ type: ValueType, to groups: inout [LocalGroup]) {
        if let last = groups.last, last.type == type {
            groups[groups.count - 1].count += 1
        } else {
            groups.append(LocalGroup(count: 1, type: type))
        }
    }

    mutating func parseTable() throws(WatError) {
        cursor.advance()
        cursor.advance()
        _ = cursor.takeIdentifier()
        let index = tableCount
        tableCount += 1
        try parseInlineExports(.table(index))
        if let (moduleName, name) = try parseInlineImport() {
            let type = try parseTableType()
            try cursor.expectRightParen()
            module.imports.append(Import(module: moduleName, name: name, descriptor: .table(type)))
            return
        }
        noteDefinition("table")
        if cursor.isReferenceType {
            // `(table reftype (elem ...))`: a table just large enough for an active segment at 0.
            let type = try cursor.expectReferenceType()
            guard cursor.takeOpen("elem") else { throw cursor.unexpected() }
            let items = try parseElementItems(type: type, allowBareIndices: true)
            try cursor.expectRightParen()
            try cursor.expectRightParen()
            let count = UInt64(items.count)
            module.tables.append(TableType(elementType: type, limits: Limits(min: count, max: count)))
            let offset = ConstantExpression([.i32Const(0)])
            module.elements.append(ElementSegment(type: type, initializers: items, mode: .active(table: index, offset: offset)))
            elementCount += 1
            return
        }
        module.tables.append(try parseTableType())
        try cursor.expectRightParen()
    }

    mutating func parseMemory() throws(WatError) {
        cursor.advance()
        cursor.advance()
        _ = cursor.takeIdentifier()
        let index = memoryCount
        memoryCount += 1
        try parseInlineExports(.memory(index))
        if let (moduleName, name) = try parseInlineImport() {
            let limits = try cursor.expectLimits()
            try cursor.expectRightParen()
            module.imports.append(Import(module: moduleName, name: name, descriptor: .memory(MemoryType(limits: limits))))
            return
        }
        noteDefinition("memory")
        if cursor.takeOpen("data") {
            // `(memory (data ...))`: a memory just large enough for an active segment at 0.
            var bytes: [UInt8] = []
            while cursor.current.kind == .string { bytes += try cursor.expectString() }
            try cursor.expectRightParen()
            try cursor.expectRightParen()
            let pages = (UInt64(bytes.count) + 0xFFFF) / 0x10000
            module.memories.append(MemoryType(limits: Limits(min: pages, max: pages)))
            let offset = ConstantExpression([.i32Const(0)])
            module.data.append(DataSegment(bytes: bytes, mode: .active(memory: index, offset: offset)))
            dataSegmentCount += 1
            return
        }
        module.memories.append(MemoryType(limits: try cursor.expectLimits()))
        try cursor.expectRightParen()
    }

    mutating func parseGlobal() throws(WatError) {
        cursor.advance()
        cursor.advance()
        _ = cursor.takeIdentifier()
        let index = globalCount
        globalCount += 1
        try parseInlineExports(.global(index))
        if let (moduleName, name) = try parseInlineImport() {
            let type = try cursor.expectGlobalType()
            try cursor.expectRightParen()
            module.imports.append(Import(module: moduleName, name: name, descriptor: .global(type)))
            return
        }
        noteDefinition("global")
        let type = try cursor.expectGlobalType()
        let initializer = try parseConstantExpression()
        try cursor.expectRightParen()
        module.globals.append(Global(type: type, initializer: initializer))
    }

    mutating func parseExport() throws(WatError) {
        cursor.advance()
        cursor.advance()
        let name = try cursor.expectName()
        try cursor.expectLeftParen()
        let kind = cursor.advance()
        let descriptor: ExportDescriptor
        switch kind.text {
        case "func": descriptor = .function(try cursor.expectIndex(in: spaces.functions))
        case "table": descriptor = .table(try cursor.expectIndex(in: spaces.tables))
        case "memory": descriptor = .memory(try cursor.expectIndex(in: spaces.memories))
        case "global": descriptor = .global(try cursor.expectIndex(in: spaces.globals))
        default: throw cursor.unexpected(kind)
        }
        try cursor.expectRightParen()
        try cursor.expectRightParen()
        module.exports.append(Export(name: name, descriptor: descriptor))
    }

    mutating func parseStart() throws(WatError) {
        let token = cursor.current
        cursor.advance()
        cursor.advance()
        guard module.start == nil else { throw cursor.error(.other("multiple start sections"), at: token) }
        module.start = try cursor.expectIndex(in: spaces.functions)
        try cursor.expectRightParen()
    }
}
