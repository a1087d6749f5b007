/// Splits WebAssembly text into tokens, skipping whitespace and comments and setting annotations
/// (`(@id ...)`) aside.
/// [Lexical format](https://webassembly.github.io/spec/core/text/lexical.html)
struct Lexer {
    let source: [UInt8]
    var position = 0
    var line = 1
    private var lineStart = 0
    /// The annotations read so far, each with the index of the token it precedes.
    var annotations: [Annotation] = []

    init(_ source: [UInt8]) {
        self.source = source
        if source.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3; lineStart = 3 }
    }

    /// Every token of the source, ending with one `.endOfInput` token (annotations left out).
    static func tokenize(_ text: String) throws(WatError) -> [Token] {
        try scan(text).tokens
    }

    /// Every token of the source, ending with one `.endOfInput` token, and the annotations found
    /// between them.
    static func scan(_ text: String) throws(WatError) -> (tokens: [Token], annotations: [Annotation]) {
        try scan(Array(text.utf8))
    }

    /// `scan` over source bytes.
    static func scan(_ source: [UInt8]) throws(WatError) -> (tokens: [Token], annotations: [Annotation]) {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next(tokenIndex: tokens.count)
            tokens.append(token)
            if token.kind == .endOfInput { return (tokens, lexer.annotations) }
        }
    }

    var column: Int { position - lineStart + 1 }

    private func error(_ reason: WatError.Reason) -> WatError {
        WatError(reason, line: line, column: column)
    }

    /// The next token; annotations before it are recorded as preceding token `tokenIndex`.
    mutating func next(tokenIndex: Int) throws(WatError) -> Token {
        while true {
            try skipWhitespaceAndComments()
            if position + 1 < source.count && source[position] == UInt8(ascii: "(") && source[position + 1] == UInt8(ascii: "@") {
                annotations.append(try readAnnotation(before: tokenIndex))
                continue
            }
            return try nextToken(inAnnotation: false)
        }
    }

    /// The next token, where whitespace and comments have been skipped. Inside an annotation a
    /// lone `$` is an ordinary (reserved) token.
    mutating func nextToken(inAnnotation: Bool) throws(WatError) -> Token {
        let start = position
        let startLine = line
        let startColumn = column
        func token(_ kind: Token.Kind, bytes: [UInt8] = [], text: String? = nil) -> Token {
            Token(kind: kind, text: text ?? String(decoding: source[start..<position], as: UTF8.self), bytes: bytes,
                  line: startLine, column: startColumn, offset: start)
        }
        guard position < source.count else { return token(.endOfInput) }
        switch source[position] {
        case UInt8(ascii: "("):
            position += 1
            return token(.leftParen)
        case UInt8(ascii: ")"):
            position += 1
            return token(.rightParen)
        default:
            break
        }
        var stringCount = 0
        var idcharCount = 0
        var hasOther = false
        var stringBytes: [UInt8] = []
        while position < source.count {
            let byte = source[position]
            if byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: ";") || Lexer.isWhitespace(byte) {
                break
            }
            if byte == UInt8(ascii: "\"") {
                let isIdentifierString = !inAnnotation && stringCount == 0 && idcharCount == 1 && !hasOther
                    && source[start] == UInt8(ascii: "$")
                do {
                    stringBytes = try readString()
                } catch {
                    // `$"..."` whose string is not well formed is a `$` without a name.
                    if isIdentifierString, error.reason != .malformedUTF8 { throw WatError(.emptyIdentifier, line: startLine, column: startColumn) }
                    throw error
                }
                stringCount += 1
            } else if Lexer.isIdChar(byte) {
                idcharCount += 1
                position += 1
            } else if Lexer.isReservedPunctuation(byte) {
                hasOther = true
                position += 1
            } else {
                throw illegalCharacter(at: position)
            }
        }
        if position == start {  // a lone `;` that does not start a comment
            position += 1
            return token(.reserved)
        }
        let first = source[start]
        if first == UInt8(ascii: "$") && !inAnnotation && !hasOther {
            if stringCount == 0 && idcharCount > 1 { return token(.identifier) }
            if stringCount == 1 && idcharCount == 1 {
                guard !stringBytes.isEmpty else { throw WatError(.emptyIdentifier, line: startLine, column: startColumn) }
                guard let name = String(validating: stringBytes, as: UTF8.self) else {
                    throw WatError(.malformedUTF8, line: startLine, column: startColumn)
                }
                return token(.identifier, text: "$" + name)
            }
            if stringCount == 0 && idcharCount == 1 { throw WatError(.emptyIdentifier, line: startLine, column: startColumn) }
        }
        if hasOther || (stringCount > 0 && (idcharCount > 0 || stringCount > 1)) {
            return token(.reserved)
        }
        if stringCount == 1 { return token(.string, bytes: stringBytes) }
        if first == UInt8(ascii: "$") {
            return token(position - start > 1 ? .identifier : .reserved)
        }
        if first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") { return token(.keyword) }
        return token(.number)
    }

    /// The error for a byte that may not appear outside strings and comments: a control
    /// character or any non-ASCII character ("malformed UTF-8 encoding" when it is not even that).
    private func illegalCharacter(at index: Int) -> WatError {
        let byte = source[index]
        if byte >= 0x80 && Lexer.utf8SequenceLength(source, at: index) == 0 {
            return WatError(.malformedUTF8, line: line, column: index - lineStart + 1)
        }
        return WatError(.illegalCharacter, line: line, column: index - lineStart + 1)
    }

    mutating func skipWhitespaceAndComments() throws(WatError) {
        while position < source.count {
            let byte = source[position]
            if byte == UInt8(ascii: "\n") {
                position += 1
                line += 1
                lineStart = position
            } else if Lexer.isWhitespace(byte) {
                position += 1
            } else if byte == UInt8(ascii: ";") && peek(1) == UInt8(ascii: ";") {
                while position < source.count && source[position] != UInt8(ascii: "\n") && source[position] != UInt8(ascii: "\r") {
                    position += 1
                }
            } else if byte == UInt8(ascii: "(") && peek(1) == UInt8(ascii: ";") {
                try skipBlockComment()
            } else {
                return
            }
        }
    }

    private mutating func skipBlockComment() throws(WatError) {
        let startLine = line
        let startColumn = column
        var depth = 0
        while position < source.count {
            if source[position] == UInt8(ascii: "(") && peek(1) == UInt8(ascii: ";") {
                depth += 1
                position += 2
            } else if source[position] == UInt8(ascii: ";") && peek(1) == UInt8(ascii: ")") {
                depth -= 1
                position += 2
                if depth == 0 { return }
            } else {
                if source[position] == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = position + 1
                }
                position += 1
            }
        }
        throw WatError(.unclosedComment, line: startLine, column: startColumn)
    }

    private func peek(_ distance: Int) -> UInt8? {
        position + distance < source.count ? source[position + distance] : nil
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Characters allowed in keywords, identifiers and numbers.
    static func isIdChar(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return true
        default:
            return "!#$%&'*+-./:<=>?@\\^_`|~".utf8.contains(byte)
        }
    }

    /// Characters that may appear in reserved tokens besides idchars and strings.
    static func isReservedPunctuation(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
            || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
    }
}
