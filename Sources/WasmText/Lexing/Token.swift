/// One token of the text format, with where it starts.
struct Token: Sendable {
    enum Kind: Equatable, Sendable {
        case leftParen
        case rightParen
        /// A keyword: idchars starting with a lowercase letter (`module`, `i32.add`, `offset=4`, `nan:0x1`, `inf`).
        case keyword
        /// `$name`.
        case identifier
        /// Idchars not starting with a letter or `$`: a number if it parses as one.
        case number
        case string
        /// Anything else (idchars run into strings, stray characters): always an error where it appears.
        case reserved
        case endOfInput
    }

    var kind: Kind
    /// The token's source text (for strings, with quotes and escapes as written).
    var text: String
    /// A string's bytes after escapes are decoded.
    var bytes: [UInt8] = []
    var line: Int
    var column: Int
    /// Byte offset of the token's first character in the source.
    var offset: Int

    /// The token as an error message shows it.
    var displayText: String {
        kind == .endOfInput ? "end of input" : text
    }
}
