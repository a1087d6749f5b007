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
                if Self.blockEndKeywords.contains(cursor.current.text) { return }
                try parseFlat(&context, into: &out)
            case .rightParen, .endOfInput:
                return
            default:
                throw cursor.unexpected()
            }
        }
    }

    /// The keywords that end (or divide) a flat block's instruction sequence.
    static let blockEndKeywords: Set<String> = ["end", "else", "catch", "catch_all", "delegate"]

    /// One flat instruction; a block instruction includes its body up to `end`.
    mutating func parseFlat(_ context: inout FunctionContext, into out: inout [Instruction]) throws(WatError) {
        if !cursor.annotations.isEmpty { try checkBranchHint(at: cursor.index, isBranch: cursor.isKeyword("if") || cursor.isKeyword("br_if")) }
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
        case "try_table":
            try context.enter(at: keyword)
            defer { context.depth -= 1 }
            try parseFlatTryTable(&context, into: &out)
        case "try":
            try context.enter(at: keyword)
            defer { context.depth -= 1 }
            try parseFlatTry(&context, into: &out)
        default:
            try parsePlain(keyword, &context, into: &out)
        }
    }

    /// Flat `try_table $l? bt catch* instr* end $l?`, after the keyword.
    @inline(never)
    private mutating func parseFlatTryTable(_ context: inout FunctionContext, into out: inout [Instruction]) throws(WatError) {
        let label = cursor.takeIdentifier()
        let type = try parseBlockType()
        out.append(.tryTable(type, try parseCatchClauses(context)))
        context.labels.append(label)
        try parseInstructions(&context, into: &out)
        try cursor.expectKeyword("end")
        try checkClosingLabel(label)
        context.labels.removeLast()
        out.append(.end)
    }

    /// Flat `try $l? bt instr* (catch x instr*)* (catch_all instr*)? end $l?`, or
    /// `try $l? bt instr* delegate l`, after the keyword.
    @inline(never)
    private mutating func parseFlatTry(_ context: inout FunctionContext, into out: inout [Instruction]) throws(WatError) {
        let label = cursor.takeIdentifier()
        out.append(.try(try parseBlockType()))
        context.labels.append(label)
        try parseInstructions(&context, into: &out)
        if cursor.takeKeyword("delegate") {
            context.labels.removeLast()
            out.append(.delegate(labelIndex: try parseLabel(context)))
            return
        }
        while cursor.takeKeyword("catch") {
            out.append(.catch(tagIndex: try cursor.expectIndex(in: spaces.tags)))
            try parseInstructions(&context, into: &out)
        }
        if cursor.takeKeyword("catch_all") {
            out.append(.catchAll)
            try parseInstructions(&context, into: &out)
        }
        try cursor.expectKeyword("end")
        try checkClosingLabel(label)
        context.labels.removeLast()
        out.append(.end)
    }

    /// `try_table`'s clauses: `(catch x l)`, `(catch_ref x l)`, `(catch_all l)`, `(catch_all_ref l)`,
    /// their labels counted from outside the `try_table`.
    mutating func parseCatchClauses(_ context: FunctionContext) throws(WatError) -> [CatchClause] {
        var clauses: [CatchClause] = []
        while true {
            if cursor.takeOpen("catch") {
                let tag = try cursor.expectIndex(in: spaces.tags)
                clauses.append(.catch(tagIndex: tag, labelIndex: try parseLabel(context)))
            } else if cursor.takeOpen("catch_ref") {
                let tag = try cursor.expectIndex(in: spaces.tags)
                clauses.append(.catchReference(tagIndex: tag, labelIndex: try parseLabel(context)))
            } else if cursor.takeOpen("catch_all") {
                clauses.append(.catchAll(labelIndex: try parseLabel(context)))
            } else if cursor.takeOpen("catch_all_ref") {
                clauses.append(.catchAllReference(labelIndex: try parseLabel(context)))
            } else {
                return clauses
            }
            try cursor.expectRightParen()
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

    /// One folded instruction `( ... )`: operands first, then the operator. Each form is parsed
    /// by its own function, so that the frames of this recursion stay small (nesting is bounded
    /// by `FunctionContext.maximumDepth`, which a thread's stack must hold even in debug builds).
    mutating func parseFolded(_ context: inout FunctionContext, into out: inout [Instruction]) throws(WatError) {
        if !cursor.annotations.isEmpty { try checkBranchHint(at: cursor.index, isBranch: cursor.isOpen("if") || cursor.isOpen("br_if")) }
        try cursor.expectLeftParen()
        let keyword = cursor.current
        guard keyword.kind == .keyword else { throw cursor.unexpected() }
        try context.enter(at: keyword)
        defer { context.depth -= 1 }
        cursor.advance()
        switch keyword.text {
        case "block": try parseFoldedBlock(isLoop: false, &context, into: &out)
        case "loop": try parseFoldedBlock(isLoop: true, &context, into: &out)
        case "if": try parseFoldedIf(&context, into: &out)
        case "try_table": try parseFoldedTryTable(&context, into: &out)
        case "try": try parseFoldedTry(&context, into: &out)
        default: try parseFoldedPlain(keyword, &context, into: &out)
        }
        try cursor.expectRightParen()
    }

    /// `(block $l? bt instr*)` or `(loop $l? bt instr*)`, after the keyword.
    @inline(never)
    private mutating func parseFoldedBlock(isLoop: Bool, _ context: inout FunctionContext, into out: inout [Instruction]) throws(WatError) {
        let label = cursor.takeIdentifier()
        let type = try parseBlockType()
        out.append(isLoop ? .loop(type) : .block(type))
        context.labels.append(label)
        try parseInstructions(&context, into: &out)
        context.labels.removeLast()
        out.append(.end)
    }

    /// `(if $l? bt folded* (then instr*) (else instr*)?)`, after the keyword.
    @inline(never)
    private mutating func parseFoldedIf(_ context: inout FunctionContext, into out: inout [Instruction]) throws(WatError) {
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
    }

    /// `(op immediates* folded*)`: the operands' code, then the operator's.
    @inline(never)
    private mutating func parseFoldedPlain(_ keyword: Token, _ context: inout FunctionContext, into out: inout [Instruction]) throws(WatError) {
        var instruction: [Instruction] = []
        try parsePlain(keyword, &context, into: &instruction)
        while cursor.current.kind == .leftParen {
            try parseFolded(&context, into: &out)
        }
        out += instruction
    }

    /// `(try_table $l? bt catch* instr*)`, after the keyword.
    @inline(never)
    private mutating func parseFoldedTryTable(_ context: inout FunctionContext, into out: inout [Instruction]) throws(WatError) {
        let label = cursor.takeIdentifier()
        let type = try parseBlockType()
        out.append(.tryTable(type, try parseCatchClauses(context)))
        context.labels.append(label)
        try parseInstructions(&context, into: &out)
        context.labels.removeLast()
        out.append(.end)
    }

    /// `(try $l? bt (do instr*) (catch x instr*)* (catch_all instr*)?)` or
    /// `(try $l? bt (do instr*) (delegate l))`, after the `try` keyword.
    @inline(never)
    private mutating func parseFoldedTry(_ context: inout FunctionContext, into out: inout [Instruction]) throws(WatError) {
        let label = cursor.takeIdentifier()
        out.append(.try(try parseBlockType()))
        context.labels.append(label)
        guard cursor.takeOpen("do") else { throw cursor.error(.unexpectedToken(cursor.current.displayText)) }
        try parseInstructions(&context, into: &out)
        try cursor.expectRightParen()
        if cursor.takeOpen("delegate") {
            context.labels.removeLast()
            out.append(.delegate(labelIndex: try parseLabel(context)))
            try cursor.expectRightParen()
            return
        }
        while cursor.isOpen("catch") {
            cursor.advance()
            cursor.advance()
            out.append(.catch(tagIndex: try cursor.expectIndex(in: spaces.tags)))
            try parseInstructions(&context, into: &out)
            try cursor.expectRightParen()
        }
        if cursor.takeOpen("catch_all") {
            out.append(.catchAll)
            try parseInstructions(&context, into: &out)
            try cursor.expectRightParen()
        }
        context.labels.removeLast()
        out.append(.end)
    }

    /// A block type: a type use, encoded inline when it has no parameters and at most one result.
    mutating func parseBlockType() throws(WatError) -> BlockType {
        if cursor.isOpen("type") {
            let use = try parseTypeUse(allowNames: false)
            return inlineBlockType(use.type) ?? .typeIndex(use.index)
        }
        let signature = try cursor.parseSignature(spaces.types, allowNames: false)
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
