import WasmBinary

/// Reads WebAssembly modules written in the text format.
public enum WatParser {
    /// Parses a module: `(module $id? field*)`, or a bare list of fields.
    public static func parseModule(_ text: String) throws(WatError) -> Module {
        try parseModule(source: Array(text.utf8))
    }

    /// Parses a module from its source bytes (which need not be well-formed UTF-8: a malformed
    /// sequence outside a string is an error where it stands).
    public static func parseModule(source: [UInt8]) throws(WatError) -> Module {
        let (tokens, annotations) = try Lexer.scan(source)
        var cursor = TokenCursor(tokens, annotations: annotations)
        let module = try parseModule(&cursor)
        guard cursor.current.kind == .endOfInput else { throw cursor.unexpected() }
        return module
    }

    /// Parses a module and encodes it in the binary format.
    public static func assemble(_ text: String) throws(WatError) -> [UInt8] {
        ModuleEncoder.encode(try parseModule(text))
    }

    /// Parses a module from its source bytes and encodes it in the binary format.
    public static func assemble(source: [UInt8]) throws(WatError) -> [UInt8] {
        ModuleEncoder.encode(try parseModule(source: source))
    }

    /// A module at the cursor: `(module $id? field*)` or fields up to the end of the tokens.
    static func parseModule(_ cursor: inout TokenCursor) throws(WatError) -> Module {
        if cursor.isOpen("module") {
            cursor.advance()
            cursor.advance()
            _ = cursor.takeKeyword("definition")
            _ = cursor.takeIdentifier()
            let module = try parseFields(&cursor)
            try cursor.expectRightParen()
            return module
        }
        return try parseFields(&cursor)
    }

    /// Module fields from the cursor up to a `)` or the end of input.
    static func parseFields(_ cursor: inout TokenCursor) throws(WatError) -> Module {
        let scanner = try ModuleScanner.scan(cursor)
        var parser = ModuleParser(cursor: cursor, scanner: scanner)
        let module = try parser.parseFields()
        cursor = parser.cursor
        return module
    }
}
