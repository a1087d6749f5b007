import WasmBinary

/// Reads the commands of a WAST script from its tokens.
struct WastParser {
    let source: [UInt8]
    var cursor: TokenCursor

    init(source: [UInt8], tokens: [Token], annotations: [Annotation] = []) {
        self.source = source
        self.cursor = TokenCursor(tokens, annotations: annotations)
    }

    /// Keywords that start a module field: a script made of them is one inline module.
    static let fieldKeywords: Set<String> = ["type", "import", "func", "table", "memory", "global", "export", "start", "elem", "data"]

    mutating func parseCommands() throws(WatError) -> [WastCommand] {
        if cursor.current.kind == .leftParen && Self.fieldKeywords.contains(cursor.peek(1).text) {
            let line = cursor.current.line
            let module = try WatParser.parseFields(&cursor)
            guard cursor.current.kind == .endOfInput else { throw cursor.unexpected() }
            return [WastCommand(line: line, kind: .module(WastModule(name: nil, line: line, source: .text(module))))]
        }
        var commands: [WastCommand] = []
        while cursor.current.kind != .endOfInput {
            commands.append(try parseCommand())
        }
        return commands
    }

    private mutating func parseCommand() throws(WatError) -> WastCommand {
        let open = cursor.current
        guard open.kind == .leftParen, cursor.peek(1).kind == .keyword else { throw cursor.unexpected() }
        let keyword = cursor.peek(1).text
        if keyword == "module" {
            if cursor.peek(2).kind == .keyword && cursor.peek(2).text == "instance" {
                cursor.advance()
                cursor.advance()
                cursor.advance()
                let instanceName = cursor.takeIdentifier()
                let definitionName = cursor.takeIdentifier()
                try cursor.expectRightParen()
                return WastCommand(line: open.line, kind: .moduleInstance(instanceName: instanceName, definitionName: definitionName))
            }
            let isDefinition = cursor.peek(2).kind == .keyword && cursor.peek(2).text == "definition"
            let module = try parseModule()
            return WastCommand(line: open.line, kind: isDefinition ? .moduleDefinition(module) : .module(module))
        }
        if keyword == "invoke" || keyword == "get" {
            return WastCommand(line: open.line, kind: .action(try parseAction()))
        }
        cursor.advance()
        cursor.advance()
        let kind: WastCommand.Kind
        switch keyword {
        case "register":
            let name = try cursor.expectName()
            kind = .register(name: name, moduleName: cursor.takeIdentifier())
        case "assert_return":
            let action = try parseAction()
            var expected: [WastExpectedValue] = []
            while cursor.current.kind == .leftParen { expected.append(try parseExpectedValue()) }
            kind = .assertReturn(action, expected)
        case "assert_trap":
            if cursor.isOpen("module") {
                let module = try parseModule()
                kind = .assertUninstantiable(module, message: try parseMessage())
            } else {
                let action = try parseAction()
                kind = .assertTrap(action, message: try parseMessage())
            }
        case "assert_exhaustion":
            let action = try parseAction()
            kind = .assertExhaustion(action, message: try parseMessage())
        case "assert_exception":
            kind = .assertException(try parseAction())
        case "assert_invalid":
            let module = try parseModule()
            kind = .assertInvalid(module, message: try parseMessage())
        case "assert_malformed":
            let module = try parseModule(keepingMalformedText: true)
            kind = .assertMalformed(module, message: try parseMessage())
        case "assert_malformed_custom":
            let module = try parseModule(keepingMalformedText: true)
            kind = .assertMalformedCustom(module, message: try parseMessage())
        case "assert_invalid_custom":
            let module = try parseModule(keepingMalformedText: true)
            kind = .assertInvalidCustom(module, message: try parseMessage())
        case "assert_unlinkable":
            let module = try parseModule()
            kind = .assertUnlinkable(module, message: try parseMessage())
        case "assert_uninstantiable":
            let module = try parseModule()
            kind = .assertUninstantiable(module, message: try parseMessage())
        default:
            throw cursor.error(.unknownOperator(keyword), at: cursor.peek(-1))
        }
        try cursor.expectRightParen()
        return WastCommand(line: open.line, kind: kind)
    }

    private mutating func parseMessage() throws(WatError) -> String {
        let bytes = try cursor.expectString()
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `(module definition? $id? field*)`, `(module definition? $id? binary "..."*)` or
    /// `(module definition? $id? quote "..."*)`. With `keepingMalformedText`, a text module that
    /// fails to parse is kept as its source text; so is one that uses something the parser does
    /// not implement (garbage collection), whose commands then fail one by one.
    mutating func parseModule(keepingMalformedText: Bool = false) throws(WatError) -> WastModule {
        let open = cursor.current
        let start = cursor.index
        let line = cursor.peek(1).line
        guard cursor.takeOpen("module") else { throw cursor.unexpected() }
        _ = cursor.takeKeyword("definition")
        let name = cursor.takeIdentifier()
        if cursor.takeKeyword("binary") {
            var bytes: [UInt8] = []
            while cursor.current.kind == .string { bytes += try cursor.expectString() }
            try cursor.expectRightParen()
            return WastModule(name: name, line: line, source: .binary(bytes))
        }
        if cursor.takeKeyword("quote") {
            var bytes: [UInt8] = []
            while cursor.current.kind == .string {
                bytes += try cursor.expectString()
            }
            try cursor.expectRightParen()
            return WastModule(name: name, line: line, source: .quote(bytes))
        }
        do {
            let module = try WatParser.parseFields(&cursor)
            try cursor.expectRightParen()
            return WastModule(name: name, line: line, source: .text(module))
        } catch {
            guard keepingMalformedText || error.isUnsupported else { throw error }
            cursor.index = start + 1
            try cursor.skipToClosingParen()
            let end = cursor.peek(-1).offset + 1
            return WastModule(name: name, line: line, source: .quote(Array(source[open.offset..<end])))
        }
    }

    /// `(invoke $module? "name" constant*)` or `(get $module? "name")`.
    mutating func parseAction() throws(WatError) -> WastAction {
        try cursor.expectLeftParen()
        let keyword = cursor.advance()
        let moduleName = cursor.takeIdentifier()
        let name = try cursor.expectName()
        let action: WastAction
        switch keyword.text {
        case "invoke":
            var arguments: [WastValue] = []
            while cursor.current.kind == .leftParen {
                guard case .value(let value) = try parseExpectedValue() else { throw cursor.unexpected() }
                arguments.append(value)
            }
            action = .invoke(moduleName: moduleName, name: name, arguments: arguments)
        case "get":
            action = .get(moduleName: moduleName, name: name)
        default:
            throw cursor.error(.unknownOperator(keyword.text), at: keyword)
        }
        try cursor.expectRightParen()
        return action
    }
}
