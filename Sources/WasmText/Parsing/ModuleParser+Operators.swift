import WasmBinary

/// Plain (non-block) instructions: the keyword has been read; this reads its immediates.
extension ModuleParser {
    /// Keywords of the module syntax: where an instruction is expected they are out of place, not unknown.
    static let nonInstructionKeywords: Set<String> = [
        "type", "param", "result", "local", "then", "else", "item", "offset", "export", "import", "mut", "func",
        "elem", "data", "table", "memory", "global", "module", "declare", "start", "end", "tag", "rec", "do",
        "catch", "catch_ref", "catch_all", "catch_all_ref", "delegate",
    ]

    /// The garbage-collection instructions, which this engine does not implement: reading one is
    /// `WatError.unsupported`, not a syntax error.
    static let garbageCollectionInstructions: Set<String> = [
        "struct.new", "struct.new_default", "struct.get", "struct.get_s", "struct.get_u", "struct.set",
        "array.new", "array.new_default", "array.new_fixed", "array.new_data", "array.new_elem", "array.get",
        "array.get_s", "array.get_u", "array.set", "array.len", "array.fill", "array.copy", "array.init_data",
        "array.init_elem", "ref.i31", "i31.get_s", "i31.get_u", "ref.test", "ref.cast", "br_on_cast",
        "br_on_cast_fail", "any.convert_extern", "extern.convert_any", "ref.eq",
    ]

    mutating func parsePlain(_ keyword: Token, _ context: inout FunctionContext, into out: inout [Instruction]) throws(WatError) {
        let name = keyword.text
        guard keyword.kind == .keyword else { throw cursor.unexpected(keyword) }
        if let instruction = InstructionNames.plain[name] {
            out.append(instruction)
            return
        }
        if let operation = InstructionNames.loads[name] {
            let memory = try takeMemoryIndex()
            out.append(.load(operation, try parseMemoryArgument(naturalAlignment: operation.naturalAlignment, memory: memory)))
            return
        }
        if let operation = InstructionNames.stores[name] {
            let memory = try takeMemoryIndex()
            out.append(.store(operation, try parseMemoryArgument(naturalAlignment: operation.naturalAlignment, memory: memory)))
            return
        }
        if name.hasPrefix("v128.") || name.hasPrefix("i8x16.") || name.hasPrefix("i16x8.") || name.hasPrefix("i32x4.")
            || name.hasPrefix("i64x2.") || name.hasPrefix("f32x4.") || name.hasPrefix("f64x2.") {
            out.append(try parseVectorInstruction(keyword))
            return
        }
        if Self.garbageCollectionInstructions.contains(name) {
            throw cursor.error(.unsupported("\(name) needs garbage collection"), at: keyword)
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
        case "br_on_null": out.append(.brOnNull(labelIndex: try parseLabel(context)))
        case "br_on_non_null": out.append(.brOnNonNull(labelIndex: try parseLabel(context)))
        case "call": out.append(.call(functionIndex: try cursor.expectIndex(in: functions)))
        case "return_call": out.append(.returnCall(functionIndex: try cursor.expectIndex(in: functions)))
        case "call_indirect", "return_call_indirect":
            let table = try cursor.takeIndex(in: tables) ?? 0
            let use = try parseTypeUse(allowNames: false)
            out.append(name == "call_indirect" ? .callIndirect(typeIndex: use.index, tableIndex: table)
                : .returnCallIndirect(typeIndex: use.index, tableIndex: table))
        case "call_ref": out.append(.callRef(typeIndex: try cursor.expectIndex(in: spaces.types)))
        case "return_call_ref": out.append(.returnCallRef(typeIndex: try cursor.expectIndex(in: spaces.types)))
        case "throw": out.append(.throw(tagIndex: try cursor.expectIndex(in: spaces.tags)))
        case "rethrow": out.append(.rethrow(labelIndex: try parseLabel(context)))
        case "select":
            var types: [ValueType] = []
            var typed = false
            while cursor.takeOpen("result") {
                typed = true
                while cursor.current.kind != .rightParen { types.append(try cursor.expectValueType(spaces.types)) }
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
        case "memory.size": out.append(.memorySize(memoryIndex: try cursor.takeIndex(in: spaces.memories) ?? 0))
        case "memory.grow": out.append(.memoryGrow(memoryIndex: try cursor.takeIndex(in: spaces.memories) ?? 0))
        case "memory.fill": out.append(.memoryFill(memoryIndex: try cursor.takeIndex(in: spaces.memories) ?? 0))
        case "memory.copy":
            if cursor.isIndex {
                let destination = try cursor.expectIndex(in: spaces.memories)
                out.append(.memoryCopy(destinationMemory: destination, sourceMemory: try cursor.expectIndex(in: spaces.memories)))
            } else {
                out.append(.memoryCopy(destinationMemory: 0, sourceMemory: 0))
            }
        case "memory.init":
            // `memory.init x y` names the memory then the segment; `memory.init y` uses memory 0.
            usesDataCount = true
            var memory: UInt32 = 0
            if TokenCursor.isIndexToken(cursor.peek(1)) { memory = try cursor.expectIndex(in: spaces.memories) }
            out.append(.memoryInit(dataIndex: try cursor.expectIndex(in: spaces.data), memoryIndex: memory))
        case "data.drop":
            usesDataCount = true
            out.append(.dataDrop(dataIndex: try cursor.expectIndex(in: spaces.data)))
        case "ref.null": out.append(.refNull(try cursor.expectHeapType(spaces.types)))
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
