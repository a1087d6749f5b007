import WasmBinary

/// Reading a token array front to back: looking ahead, consuming expected tokens, and building
/// errors located at a token.
struct TokenCursor {
    let tokens: [Token]
    var index = 0
    /// The annotations set aside by the lexer, each knowing the token it precedes.
    let annotations: [Annotation]

    init(_ tokens: [Token], annotations: [Annotation] = []) {
        self.tokens = tokens
        self.annotations = annotations
    }

    /// Indices (into `annotations`) of the annotations called `name` that precede token `tokenIndex`.
    func annotations(named name: String, before tokenIndex: Int) -> [Int] {
        guard !annotations.isEmpty else { return [] }
        return annotations.indices.filter { annotations[$0].tokenIndex == tokenIndex && annotations[$0].name == name }
    }

    var current: Token { tokens[index] }

    func peek(_ distance: Int = 0) -> Token {
        tokens[max(0, min(index + distance, tokens.count - 1))]
    }

    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    func error(_ reason: WatError.Reason, at token: Token? = nil) -> WatError {
        let token = token ?? current
        return WatError(reason, line: token.line, column: token.column)
    }

    /// The error for a token the grammar did not expect here.
    func unexpected(_ token: Token? = nil) -> WatError {
        let token = token ?? current
        switch token.kind {
        case .endOfInput: return error(.unexpectedEnd, at: token)
        case .reserved, .keyword: return error(.unknownOperator(token.text), at: token)
        case .number where IntegerLiteral.components(token.text) == nil && FloatLiteral.bits(token.text, .binary64).isInvalid:
            return error(.unknownOperator(token.text), at: token)
        default: return error(.unexpectedToken(token.text), at: token)
        }
    }

    /// True when the current token is `(` followed by `keyword`.
    func isOpen(_ keyword: String) -> Bool {
        current.kind == .leftParen && peek(1).kind == .keyword && peek(1).text == keyword
    }

    /// Consumes `(` `keyword` when they come next.
    mutating func takeOpen(_ keyword: String) -> Bool {
        guard isOpen(keyword) else { return false }
        index += 2
        return true
    }

    func isKeyword(_ keyword: String) -> Bool {
        current.kind == .keyword && current.text == keyword
    }

    mutating func takeKeyword(_ keyword: String) -> Bool {
        guard isKeyword(keyword) else { return false }
        advance()
        return true
    }

    mutating func expectKeyword(_ keyword: String) throws(WatError) {
        guard takeKeyword(keyword) else { throw unexpected() }
    }

    mutating func expectLeftParen() throws(WatError) {
        guard current.kind == .leftParen else { throw unexpected() }
        advance()
    }

    mutating func expectRightParen() throws(WatError) {
        guard current.kind == .rightParen else { throw unexpected() }
        advance()
    }

    mutating func takeIdentifier() -> String? {
        guard current.kind == .identifier else { return nil }
        return advance().text
    }

    /// A string's bytes.
    mutating func expectString() throws(WatError) -> [UInt8] {
        guard current.kind == .string else { throw unexpected() }
        return advance().bytes
    }

    /// A string that must be valid UTF-8 (import and export names).
    mutating func expectName() throws(WatError) -> String {
        let token = current
        let bytes = try expectString()
        guard let name = String(validating: bytes, as: UTF8.self) else { throw error(.malformedUTF8, at: token) }
        return name
    }

    /// An unsigned 32-bit literal (indices, lane counts).
    mutating func expectU32() throws(WatError) -> UInt32 {
        UInt32(truncatingIfNeeded: try expectUnsigned(bits: 32))
    }

    mutating func expectUnsigned(bits: Int) throws(WatError) -> UInt64 {
        let token = current
        guard token.kind == .number else { throw unexpected() }
        switch IntegerLiteral.unsigned(token.text, bits: bits) {
        case .value(let value):
            advance()
            return value
        case .outOfRange: throw error(.immediateOutOfRange(bits: bits), at: token)
        case .invalid: throw unexpected()
        }
    }

    /// True when the current token is an unsigned integer literal.
    var isUnsignedNumber: Bool {
        guard current.kind == .number, let parts = IntegerLiteral.components(current.text) else { return false }
        return !parts.hasSign
    }

    /// Skips to just after the `)` that closes the list whose `(` was already consumed.
    mutating func skipToClosingParen() throws(WatError) {
        var depth = 1
        while depth > 0 {
            switch current.kind {
            case .leftParen: depth += 1
            case .rightParen: depth -= 1
            case .endOfInput: throw unexpected()
            default: break
            }
            advance()
        }
    }
}
