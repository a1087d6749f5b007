import WasmBinary

/// Imports, functions, tables, memories, globals, tags, exports and the start function.
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
            if let functionName = try takeNameAnnotation(at: cursor.index) { names.functionNames[functionCount] = functionName }
            descriptor = .function(typeIndex: try parseTypeUse().index)
            functionCount += 1
        case "table":
            descriptor = .table(try parseTableType())
            tableCount += 1
        case "memory":
            descriptor = .memory(try cursor.expectMemoryType())
            memoryCount += 1
        case "global":
            descriptor = .global(try cursor.expectGlobalType(spaces.types))
            globalCount += 1
        case "tag":
            if let tagName = try takeNameAnnotation(at: cursor.index) { names.tagNames[tagCount] = tagName }
            descriptor = .tag(TagType(typeIndex: try parseTypeUse().index))
            tagCount += 1
        default:
            throw cursor.unexpected(kind)
        }
        try cursor.expectRightParen()
        try cursor.expectRightParen()
        module.imports.append(Import(module: moduleName, name: name, descriptor: descriptor))
    }

    /// `i64? min max? reftype`.
    mutating func parseTableType() throws(WatError) -> TableType {
        let addressType = cursor.takeAddressType()
        let limits = try cursor.expectLimits()
        return TableType(elementType: try cursor.expectReferenceType(spaces.types), limits: limits, addressType: addressType)
    }

    mutating func parseFunction() throws(WatError) {
        cursor.advance()
        cursor.advance()
        _ = cursor.takeIdentifier()
        let index = functionCount
        functionCount += 1
        if let functionName = try takeNameAnnotation(at: cursor.index) { names.functionNames[index] = functionName }
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
                appendLocal(try cursor.expectValueType(spaces.types), to: &locals)
            } else {
                while cursor.current.kind != .rightParen {
                    let token = cursor.current
                    appendLocal(try cursor.expectValueType(spaces.types), to: &locals)
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

    /// `(table id? export* import? ...)`: a table type with an optional initialiser expression, or
    /// `i64? reftype (elem ...)`, a table just large enough for an active segment at 0.
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
        var lookahead = cursor
        let addressType = lookahead.takeAddressType()
        if lookahead.isReferenceType {
            cursor = lookahead
            let type = try cursor.expectReferenceType(spaces.types)
            guard cursor.takeOpen("elem") else { throw cursor.unexpected() }
            // The segment has the table's type, whether its items are expressions or function indices.
            let segmentType = type
            let items = try parseElementItems(allowBareIndices: true)
            try cursor.expectRightParen()
            try cursor.expectRightParen()
            let count = UInt64(items.count)
            module.tables.append(TableDefinition(type: TableType(elementType: type, limits: Limits(min: count, max: count), addressType: addressType)))
            let offset = ConstantExpression([addressType == .i64 ? .i64Const(0) : .i32Const(0)])
            module.elements.append(ElementSegment(type: segmentType, initializers: items, mode: .active(table: index, offset: offset)))
            elementCount += 1
            return
        }
        let type = try parseTableType()
        var initializer: ConstantExpression?
        if cursor.current.kind != .rightParen { initializer = try parseConstantExpression() }
        try cursor.expectRightParen()
        module.tables.append(TableDefinition(type: type, initializer: initializer))
    }

    /// `(memory id? export* import? ...)`: a memory type, or `i64? (pagesize n)? (data ...)`, a
    /// memory just large enough for an active segment at 0.
    mutating func parseMemory() throws(WatError) {
        cursor.advance()
        cursor.advance()
        _ = cursor.takeIdentifier()
        let index = memoryCount
        memoryCount += 1
        try parseInlineExports(.memory(index))
        if let (moduleName, name) = try parseInlineImport() {
            let type = try cursor.expectMemoryType()
            try cursor.expectRightParen()
            module.imports.append(Import(module: moduleName, name: name, descriptor: .memory(type)))
            return
        }
        noteDefinition("memory")
        var lookahead = cursor
        let addressType = lookahead.takeAddressType()
        let pageSizeLog2 = try lookahead.takePageSize()
        if lookahead.takeOpen("data") {
            cursor = lookahead
            var bytes: [UInt8] = []
            while cursor.current.kind == .string { bytes += try cursor.expectString() }
            try cursor.expectRightParen()
            try cursor.expectRightParen()
            let pageSize = UInt64(1) << UInt64(pageSizeLog2)
            let pages = (UInt64(bytes.count) + pageSize - 1) / pageSize
            module.memories.append(MemoryType(limits: Limits(min: pages, max: pages), addressType: addressType, pageSizeLog2: pageSizeLog2))
            let offset = ConstantExpression([addressType == .i64 ? .i64Const(0) : .i32Const(0)])
            module.data.append(DataSegment(bytes: bytes, mode: .active(memory: index, offset: offset)))
            dataSegmentCount += 1
            return
        }
        module.memories.append(try cursor.expectMemoryType())
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
            let type = try cursor.expectGlobalType(spaces.types)
            try cursor.expectRightParen()
            module.imports.append(Import(module: moduleName, name: name, descriptor: .global(type)))
            return
        }
        noteDefinition("global")
        let type = try cursor.expectGlobalType(spaces.types)
        let initializer = try parseConstantExpression()
        try cursor.expectRightParen()
        module.globals.append(Global(type: type, initializer: initializer))
    }

    /// `(tag id? export* import? typeuse)`: an exception tag whose type's parameters are its values.
    mutating func parseTag() throws(WatError) {
        cursor.advance()
        cursor.advance()
        _ = cursor.takeIdentifier()
        let index = tagCount
        tagCount += 1
        if let tagName = try takeNameAnnotation(at: cursor.index) { names.tagNames[index] = tagName }
        try parseInlineExports(.tag(index))
        if let (moduleName, name) = try parseInlineImport() {
            let type = TagType(typeIndex: try parseTypeUse().index)
            try cursor.expectRightParen()
            module.imports.append(Import(module: moduleName, name: name, descriptor: .tag(type)))
            return
        }
        noteDefinition("tag")
        module.tags.append(TagType(typeIndex: try parseTypeUse().index))
        try cursor.expectRightParen()
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
        case "tag": descriptor = .tag(try cursor.expectIndex(in: spaces.tags))
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
