/// Splits WebAssembly text into tokens, skipping whitespace and comments.
/// [Lexical format](https://webassembly.github.io/spec/core/text/lexical.html)
struct Lexer {
    let source: [UInt8]
    var position = 0
    var line = 1
    private var lineStart = 0

    init(_ source: [UInt8]) {
        self.source = source
        if source.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3; lineStart = 3 }
    }

    /// Every token of the source, ending with one `.endOfInput` token.
    static func tokenize(_ text: String) throws(WatError) -> [Token] {
        var lexer = Lexer(Array(text.utf8))
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .endOfInput { return tokens }
        }
    }

    var column: Int { position - lineStart + 1 }

    private func error(_ reason: WatError.Reason) -> WatError {
        WatError(reason, line: line, column: column)
    }

    mutating func next() throws(WatError) -> Token {
        try skipWhitespaceAndComments()
        let start = position
        let startLine = line
        let startColumn = column
        func token(_ kind: Token.Kind, bytes: [UInt8] = []) -> Token {
            Token(kind: kind, text: String(decoding: source[start..<position], as: UTF8.self), bytes: bytes,
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
                stringBytes = try readString()
                stringCount += 1
            } else {
                if Lexer.isIdChar(byte) { idcharCount += 1 } else { hasOther = true }
                position += 1
            }
        }
        if position == start {  // a lone `;` that does not start a comment
            position += 1
            return token(.reserved)
        }
        if hasOther || (stringCount > 0 && (idcharCount > 0 || stringCount > 1)) {
            return token(.reserved)
        }
        if stringCount == 1 { return token(.string, bytes: stringBytes) }
        let first = source[start]
        if first == UInt8(ascii: "$") {
            return token(position - start > 1 ? .identifier : .reserved)
        }
        if first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") { return token(.keyword) }
        return token(.number)
    }

    private mutating func skipWhitespaceAndComments() throws(WatError) {
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
}
