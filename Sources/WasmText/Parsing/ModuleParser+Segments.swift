import WasmBinary

/// Element and data segments, and the constant expressions they and globals use.
/// [Element segments](https://webassembly.github.io/spec/core/text/modules.html#element-segments)
extension ModuleParser {
    mutating func parseElementSegment() throws(WatError) {
        cursor.advance()
        cursor.advance()
        _ = cursor.takeIdentifier()
        elementCount += 1
        if cursor.takeKeyword("declare") {
            let (type, items) = try parseElementList(allowBareIndices: false)
            module.elements.append(ElementSegment(type: type, initializers: items, mode: .declarative))
            try cursor.expectRightParen()
            return
        }
        var table: UInt32?
        if cursor.takeOpen("table") {
            table = try cursor.expectIndex(in: spaces.tables)
            try cursor.expectRightParen()
        } else if cursor.isIndex {
            // The 1.0 form `(elem x (offset ...) ...)` naming the table by index.
            table = try cursor.expectIndex(in: spaces.tables)
        }
        if table != nil || (cursor.current.kind == .leftParen && !cursor.isOpen("ref")) {
            let offset = try parseOffset()
            let (type, items) = try parseElementList(allowBareIndices: true)
            module.elements.append(ElementSegment(type: type, initializers: items, mode: .active(table: table ?? 0, offset: offset)))
        } else {
            let (type, items) = try parseElementList(allowBareIndices: false)
            module.elements.append(ElementSegment(type: type, initializers: items, mode: .passive))
        }
        try cursor.expectRightParen()
    }

    /// `func x*`, `reftype item*`, or (after an offset) just `x*`. A list of function indices has
    /// type `(ref func)`.
    mutating func parseElementList(allowBareIndices: Bool) throws(WatError) -> (ReferenceType, [ConstantExpression]) {
        if cursor.takeKeyword("func") {
            return (.functionReference, try parseFunctionIndexItems())
        }
        if cursor.isReferenceType {
            let type = try cursor.expectReferenceType(spaces.types)
            return (type, try parseElementItems(allowBareIndices: false))
        }
        guard allowBareIndices else { throw cursor.unexpected() }
        return (.functionReference, try parseFunctionIndexItems())
    }

    /// Items of an element list: `(item instr*)` or one folded instruction each; or function
    /// indices when `allowBareIndices` and the list starts with one.
    mutating func parseElementItems(allowBareIndices: Bool) throws(WatError) -> [ConstantExpression] {
        if allowBareIndices && cursor.isIndex { return try parseFunctionIndexItems() }
        var items: [ConstantExpression] = []
        while cursor.current.kind == .leftParen {
            if cursor.takeOpen("item") {
                var context = FunctionContext()
                var instructions: [Instruction] = []
                try parseInstructions(&context, into: &instructions)
                try cursor.expectRightParen()
                items.append(ConstantExpression(instructions))
            } else {
                items.append(try parseFoldedConstant())
            }
        }
        return items
    }

    private mutating func parseFunctionIndexItems() throws(WatError) -> [ConstantExpression] {
        var items: [ConstantExpression] = []
        while cursor.isIndex {
            items.append(ConstantExpression([.refFunc(functionIndex: try cursor.expectIndex(in: spaces.functions))]))
        }
        return items
    }

    /// `(offset instr*)` or a single folded instruction.
    mutating func parseOffset() throws(WatError) -> ConstantExpression {
        if cursor.takeOpen("offset") {
            var context = FunctionContext()
            var instructions: [Instruction] = []
            try parseInstructions(&context, into: &instructions)
            try cursor.expectRightParen()
            return ConstantExpression(instructions)
        }
        guard cursor.current.kind == .leftParen else { throw cursor.unexpected() }
        return try parseFoldedConstant()
    }

    /// One folded instruction as a constant expression.
    private mutating func parseFoldedConstant() throws(WatError) -> ConstantExpression {
        var context = FunctionContext()
        var instructions: [Instruction] = []
        try parseFolded(&context, into: &instructions)
        return ConstantExpression(instructions)
    }

    /// Instructions up to the closing `)` of a global.
    mutating func parseConstantExpression() throws(WatError) -> ConstantExpression {
        var context = FunctionContext()
        var instructions: [Instruction] = []
        try parseInstructions(&context, into: &instructions)
        return ConstantExpression(instructions)
    }

    mutating func parseDataSegment() throws(WatError) {
        cursor.advance()
        cursor.advance()
        _ = cursor.takeIdentifier()
        dataSegmentCount += 1
        var memory: UInt32?
        if cursor.takeOpen("memory") {
            memory = try cursor.expectIndex(in: spaces.memories)
            try cursor.expectRightParen()
        } else if cursor.isIndex {
            memory = try cursor.expectIndex(in: spaces.memories)
        }
        var mode = DataMode.passive
        if memory != nil || cursor.current.kind == .leftParen {
            mode = .active(memory: memory ?? 0, offset: try parseOffset())
        }
        var bytes: [UInt8] = []
        while cursor.current.kind == .string { bytes += try cursor.expectString() }
        try cursor.expectRightParen()
        module.data.append(DataSegment(bytes: bytes, mode: mode))
    }
}
