import WasmBinary

/// Instruction sequences: flat and folded forms, structured blocks and their labels.
/// [Instructions](https://webassembly.github.io/spec/core/text/instructions.html)
extension ModuleParser {
    /// Instructions until a `)`, `end` or `else` (which are left for the caller).
    mutating func parseInstructions(_ context: inout FunctionContext, into out: inout [Instruction]) throws(WatError) {
        while true {
            switch cursor.current.kind {
            case .leftParen:
                try parseFolded(&context, into: &out)
            case .keyword:
                if cursor.isKeyword("end") || cursor.isKeyword("else") { return }
                try parseFlat(&context, into: &out)
            case .rightParen, .endOfInput:
                return
            default:
                throw cursor.unexpected()
            }
        }
    }

    /// One flat instruction; a block instruction includes its body up to `end`.
    mutating func parseFlat(_ context: inout FunctionContext, into out: inout [Instruction]) throws(WatError) {
        let keyword = cursor.advance()
        switch keyword.text {
        case "block", "loop", "if":
            try context.enter(at: keyword)
            defer { context.depth -= 1 }
            let label = cursor.takeIdentifier()
            let type = try parseBlockType()
            out.append(keyword.text == "block" ? .block(type) : keyword.text == "loop" ? .loop(type) : .if(type))
            context.labels.append(label)
            try parseInstructions(&context, into: &out)
            if keyword.text == "if" && cursor.takeKeyword("else") {
                try checkClosingLabel(label)
                try parseElseBranch(&context, into: &out)
            }
            try cursor.expectKeyword("end")
            try checkClosingLabel(label)
            context.labels.removeLast()
            out.append(.end)
        default:
            try parsePlain(keyword, &context, into: &out)
        }
    }

    /// The instructions of an `else` branch; an empty branch is left out, as wabt does.
    private mutating func parseElseBranch(_ context: inout FunctionContext, into out: inout [Instruction]) throws(WatError) {
        var branch: [Instruction] = []
        try parseInstructions(&context, into: &branch)
        if !branch.isEmpty { out.append(.else) }
        out += branch
    }

    /// The optional identifier after `end` or `else` must repeat the block's label.
    private mutating func checkClosingLabel(_ label: String?) throws(WatError) {
        let token = cursor.current
        guard let closing = cursor.takeIdentifier() else { return }
        if closing != label { throw cursor.error(.mismatchingLabel, at: token) }
    }

    /// One folded instruction `( ... )`: operands first, then the operator.
    mutating func parseFolded(_ context: inout FunctionContext, into out: inout [Instruction]) throws(WatError) {
        try cursor.expectLeftParen()
        let keyword = cursor.current
        guard keyword.kind == .keyword else { throw cursor.unexpected() }
        try context.enter(at: keyword)
        defer { context.depth -= 1 }
        cursor.advance()
        switch keyword.text {
        case "block", "loop":
            let label = cursor.takeIdentifier()
            let type = try parseBlockType()
            out.append(keyword.text == "block" ? .block(type) : .loop(type))
            context.labels.append(label)
            try parseInstructions(&context, into: &out)
            context.labels.removeLast()
            out.append(.end)
        case "if":
            let label = cursor.takeIdentifier()
            let type = try parseBlockType()
            while cursor.current.kind == .leftParen && !cursor.isOpen("then") {
                try parseFolded(&context, into: &out)
            }
            out.append(.if(type))
            context.labels.append(label)
            guard cursor.takeOpen("then") else { throw cursor.error(.unexpectedToken(cursor.current.displayText)) }
            try parseInstructions(&context, into: &out)
            try cursor.expectRightParen()
            if cursor.takeOpen("else") {
                try parseElseBranch(&context, into: &out)
                try cursor.expectRightParen()
            }
            context.labels.removeLast()
            out.append(.end)
        default:
            var instruction: [Instruction] = []
            try parsePlain(keyword, &context, into: &instruction)
            while cursor.current.kind == .leftParen {
                try parseFolded(&context, into: &out)
            }
            out += instruction
        }
        try cursor.expectRightParen()
    }

    /// A block type: a type use, encoded inline when it has no parameters and at most one result.
    mutating func parseBlockType() throws(WatError) -> BlockType {
        if cursor.isOpen("type") {
            let use = try parseTypeUse(allowNames: false)
            return inlineBlockType(use.type) ?? .typeIndex(use.index)
        }
        let signature = try cursor.parseSignature(allowNames: false)
        if let inline = inlineBlockType(signature.type) { return inline }
        return .typeIndex(typeIndex(of: signature.type))
    }

    private func inlineBlockType(_ type: FunctionType) -> BlockType? {
        guard type.parameters.isEmpty, type.results.count <= 1 else { return nil }
        return type.results.first.map { .value($0) } ?? .empty
    }

    /// A label reference: an index, or the depth of the innermost enclosing block with that name.
    mutating func parseLabel(_ context: FunctionContext) throws(WatError) -> UInt32 {
        let token = cursor.current
        if token.kind == .identifier {
            cursor.advance()
            guard let position = context.labels.lastIndex(where: { $0 == token.text }) else {
                throw cursor.error(.unknownLabel(token.text), at: token)
            }
            return UInt32(context.labels.count - 1 - position)
        }
        return try cursor.expectU32()
    }
}
