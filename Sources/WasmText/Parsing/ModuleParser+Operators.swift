import WasmBinary

/// Plain (non-block) instructions: the keyword has been read; this reads its immediates.
extension ModuleParser {
    /// Keywords of the module syntax: where an instruction is expected they are out of place, not unknown.
    static let nonInstructionKeywords: Set<String> = [
        "type", "param", "result", "local", "then", "else", "item", "offset", "export", "import", "mut", "func",
        "elem", "data", "table", "memory", "global", "module", "declare", "start", "end",
    ]

    mutating func parsePlain(_ keyword: Token, _ context: inout FunctionContext, into out: inout [Instruction]) throws(WatError) {
        let name = keyword.text
        guard keyword.kind == .keyword else { throw cursor.unexpected(keyword) }
        if let instruction = InstructionNames.plain[name] {
            out.append(instruction)
            return
        }
        if let operation = InstructionNames.loads[name] {
            out.append(.load(operation, try parseMemoryArgument(naturalAlignment: operation.naturalAlignment)))
            return
        }
        if let operation = InstructionNames.stores[name] {
            out.append(.store(operation, try parseMemoryArgument(naturalAlignment: operation.naturalAlignment)))
            return
        }
        if name.hasPrefix("v128.") || name.hasPrefix("i8x16.") || name.hasPrefix("i16x8.") || name.hasPrefix("i32x4.")
            || name.hasPrefix("i64x2.") || name.hasPrefix("f32x4.") || name.hasPrefix("f64x2.") {
            out.append(try parseVectorInstruction(keyword))
            return
        }
        let functions = spaces.functions
        let tables = spaces.tables
        switch name {
        case "br": out.append(.br(labelIndex: try parseLabel(context)))
        case "br_if": out.append(.brIf(labelIndex: try parseLabel(context)))
        case "br_table":
            var labels = [try parseLabel(context)]
            while cursor.isIndex { labels.append(try parseLabel(context)) }
            let defaultLabel = labels.removeLast()
            out.append(.brTable(BranchTable(labelIndices: labels, defaultIndex: defaultLabel)))
        case "call": out.append(.call(functionIndex: try cursor.expectIndex(in: functions)))
        case "call_indirect":
            let table = try cursor.takeIndex(in: tables) ?? 0
            let use = try parseTypeUse(allowNames: false)
            out.append(.callIndirect(typeIndex: use.index, tableIndex: table))
        case "select":
            var types: [ValueType] = []
            var typed = false
            while cursor.takeOpen("result") {
                typed = true
                while cursor.current.kind != .rightParen { types.append(try cursor.expectValueType()) }
                try cursor.expectRightParen()
            }
            out.append(typed ? .typedSelect(types) : .select)
        case "local.get": out.append(.localGet(try cursor.expectIndex(in: context.locals)))
        case "local.set": out.append(.localSet(try cursor.expectIndex(in: context.locals)))
        case "local.tee": out.append(.localTee(try cursor.expectIndex(in: context.locals)))
        case "global.get": out.append(.globalGet(try cursor.expectIndex(in: spaces.globals)))
        case "global.set": out.append(.globalSet(try cursor.expectIndex(in: spaces.globals)))
        case "table.get": out.append(.tableGet(tableIndex: try cursor.takeIndex(in: tables) ?? 0))
        case "table.set": out.append(.tableSet(tableIndex: try cursor.takeIndex(in: tables) ?? 0))
        case "table.size": out.append(.tableSize(tableIndex: try cursor.takeIndex(in: tables) ?? 0))
        case "table.grow": out.append(.tableGrow(tableIndex: try cursor.takeIndex(in: tables) ?? 0))
        case "table.fill": out.append(.tableFill(tableIndex: try cursor.takeIndex(in: tables) ?? 0))
        case "table.copy":
            if cursor.isIndex {
                let destination = try cursor.expectIndex(in: tables)
                out.append(.tableCopy(destinationTable: destination, sourceTable: try cursor.expectIndex(in: tables)))
            } else {
                out.append(.tableCopy(destinationTable: 0, sourceTable: 0))
            }
        case "table.init":
            // `table.init x y` names the table then the segment; `table.init y` uses table 0.
            var table: UInt32 = 0
            if TokenCursor.isIndexToken(cursor.peek(1)) { table = try cursor.expectIndex(in: tables) }
            out.append(.tableInit(elementIndex: try cursor.expectIndex(in: spaces.elements), tableIndex: table))
        case "elem.drop": out.append(.elemDrop(elementIndex: try cursor.expectIndex(in: spaces.elements)))
        case "memory.init":
            usesDataCount = true
            out.append(.memoryInit(dataIndex: try cursor.expectIndex(in: spaces.data)))
        case "data.drop":
            usesDataCount = true
            out.append(.dataDrop(dataIndex: try cursor.expectIndex(in: spaces.data)))
        case "ref.null": out.append(.refNull(try cursor.expectHeapType()))
        case "ref.func": out.append(.refFunc(functionIndex: try cursor.expectIndex(in: functions)))
        case "i32.const": out.append(.i32Const(Int32(truncatingIfNeeded: try parseIntegerConstant(bits: 32))))
        case "i64.const": out.append(.i64Const(Int64(truncatingIfNeeded: try parseIntegerConstant(bits: 64))))
        case "f32.const": out.append(.f32Const(bits: UInt32(truncatingIfNeeded: try parseFloatConstant(.binary32))))
        case "f64.const": out.append(.f64Const(bits: try parseFloatConstant(.binary64)))
        default:
            if Self.nonInstructionKeywords.contains(name) { throw cursor.error(.unexpectedToken(name), at: keyword) }
            throw cursor.error(.unknownOperator(name), at: keyword)
        }
    }
}
