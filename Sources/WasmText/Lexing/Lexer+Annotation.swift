/// Annotations: `(@id ...)` with balanced parentheses, set aside from the token stream.
/// [Annotations](https://webassembly.github.io/annotations/core/text/lexical.html#annotations)
extension Lexer {
    /// Reads an annotation starting at its `(@` and returns it, recorded as preceding token
    /// `tokenIndex`. Its id is idchars or a non-empty well-formed string; its body is any tokens
    /// with balanced parentheses (nested annotations are part of the body).
    mutating func readAnnotation(before tokenIndex: Int) throws(WatError) -> Annotation {
        let startLine = line
        let startColumn = column
        position += 2
        let name: String
        if position < source.count && source[position] == UInt8(ascii: "\"") {
            let bytes: [UInt8]
            do {
                bytes = try readString()
            } catch {
                if error.reason == .malformedUTF8 { throw error }
                throw WatError(.emptyAnnotationID, line: startLine, column: startColumn)
            }
            guard !bytes.isEmpty else { throw WatError(.emptyAnnotationID, line: startLine, column: startColumn) }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw WatError(.malformedUTF8, line: startLine, column: startColumn)
            }
            name = text
        } else {
            let start = position
            while position < source.count && Lexer.isIdChar(source[position]) { position += 1 }
            guard position > start else { throw WatError(.emptyAnnotationID, line: startLine, column: startColumn) }
            name = String(decoding: source[start..<position], as: UTF8.self)
        }
        var body: [Token] = []
        var depth = 1
        while true {
            try skipWhitespaceAndComments()
            let token = try nextToken(inAnnotation: true)
            switch token.kind {
            case .endOfInput:
                throw WatError(.unclosedAnnotation, line: startLine, column: startColumn)
            case .leftParen:
                depth += 1
            case .rightParen:
                depth -= 1
                if depth == 0 {
                    return Annotation(name: name, body: body, tokenIndex: tokenIndex, line: startLine, column: startColumn)
                }
            default:
                break
            }
            body.append(token)
        }
    }
}

/// An annotation `(@name body...)` and where it stood: before the token with index `tokenIndex`.
struct Annotation: Sendable {
    /// The annotation's id without the `@`.
    var name: String
    /// The tokens between the id and the closing parenthesis.
    var body: [Token]
    /// The index of the token the annotation precedes.
    var tokenIndex: Int
    var line: Int
    var column: Int
}
