import Testing
@testable import WasmText

struct LexerTests {
    @Test(arguments: [
        (#""plain""#, Array("plain".utf8)),
        (#""\t\n\r\"\'\\""#, [0x09, 0x0A, 0x0D, 0x22, 0x27, 0x5C]),
        (#""\00\ff\7F""#, [0x00, 0xFF, 0x7F]),
        (#""\u{41}\u{263a}\u{1F600}""#, [0x41, 0xE2, 0x98, 0xBA, 0xF0, 0x9F, 0x98, 0x80]),
        (#""héllo""#, [0x68, 0xC3, 0xA9, 0x6C, 0x6C, 0x6F]),
    ] as [(String, [UInt8])])
    func stringEscapes(source: String, bytes: [UInt8]) throws {
        let tokens = try Lexer.tokenize(source)
        #expect(tokens.map(\.kind) == [.string, .endOfInput])
        #expect(tokens.first?.bytes == bytes)
    }

    @Test(arguments: [#""\q""#, #""\u{110000}""#, #""\u{d800}""#, #""\u{}""#, #""\f""#, "\"unterminated", "\"tab\tinside\""])
    func malformedStrings(source: String) {
        #expect(throws: WatError.self) { try Lexer.tokenize(source) }
    }

    @Test func commentsNestAndSeparateTokens() throws {
        let tokens = try Lexer.tokenize("(module(; a (; nested ;) b ;)$m;;line\n\"s\")")
        #expect(tokens.map(\.kind) == [.leftParen, .keyword, .identifier, .string, .rightParen, .endOfInput])
        #expect(tokens[2].text == "$m")
        #expect(tokens[3].line == 2 && tokens[3].column == 1)
    }

    @Test(arguments: ["0drop", "$l\"a\"", "\"a\"\"b\"", "a,b"])
    func runTogetherTokensAreReserved(source: String) throws {
        let tokens = try Lexer.tokenize(source)
        #expect(tokens.contains { $0.kind == .reserved } || tokens.first?.kind == .number)
    }

    @Test func classifiesAtoms() throws {
        let tokens = try Lexer.tokenize("i32.const -0x1p3 $x offset=4 nan:0x1")
        #expect(tokens.map(\.kind) == [.keyword, .number, .identifier, .keyword, .keyword, .endOfInput])
    }

    /// `$` needs a name: idchars or a non-empty well-formed string (3.0's `$"..."` identifiers).
    @Test func identifiersAreIdcharsOrStrings() throws {
        let tokens = try Lexer.tokenize(#"$fh $"fh" $"a b""#)
        #expect(tokens.map(\.kind) == [.identifier, .identifier, .identifier, .endOfInput])
        #expect(tokens.map(\.text).prefix(3) == ["$fh", "$fh", "$a b"])
        for source in ["$", "$ x", #"$"""#, "$(x)"] {
            #expect(throws: WatError(.emptyIdentifier, line: 1, column: 1)) { try Lexer.tokenize(source) }
        }
    }

    /// Annotations are set aside with the index of the token they precede; their bodies may hold
    /// any balanced tokens.
    @Test func annotationsAreSetAside() throws {
        let (tokens, annotations) = try Lexer.scan(#"(module (@a x (y) $ "s") (@"b c") func)"#)
        #expect(tokens.map(\.kind) == [.leftParen, .keyword, .keyword, .rightParen, .endOfInput])
        #expect(annotations.map(\.name) == ["a", "b c"])
        #expect(annotations.map(\.tokenIndex) == [2, 2])
        #expect(annotations[0].body.map(\.kind) == [.keyword, .leftParen, .keyword, .rightParen, .reserved, .string])
    }

    @Test(arguments: [
        ("(@)", "empty annotation id"), ("(@ x)", "empty annotation id"), ("(@x (y)", "unclosed annotation"),
        ("(@x \"", "unclosed string"), ("(@a \u{7})", "illegal character"), ("(func \u{e9})", "illegal character"),
    ])
    func lexicalErrors(source: String, message: String) {
        #expect { try Lexer.tokenize(source) } throws: { ($0 as? WatError)?.message == message }
    }
}
