import WasmBinary

/// A first pass over a module's fields that binds every module-level identifier to its index and
/// reads the explicit type definitions, so the second pass can resolve references to fields
/// defined later in the text.
/// [Identifier contexts](https://webassembly.github.io/spec/core/text/modules.html#text-context)
struct ModuleScanner {
    var spaces = ModuleIndexSpaces()
    /// The module's explicit `(type ...)` definitions, in order.
    var types: [FunctionType] = []

    /// Scans the fields from the cursor's position up to the closing `)` (or the end of input), and
    /// leaves `cursor` where it was.
    static func scan(_ cursor: TokenCursor) throws(WatError) -> ModuleScanner {
        var scanner = ModuleScanner()
        var cursor = cursor
        while cursor.current.kind == .leftParen {
            cursor.advance()
            let keyword = cursor.current
            guard keyword.kind == .keyword else { throw cursor.unexpected() }
            cursor.advance()
            switch keyword.text {
            case "type":
                let id = cursor.takeIdentifier()
                try scanner.spaces.types.add(id, at: keyword)
                scanner.types.append(try cursor.expectFunctionType())
            case "import":
                _ = try cursor.expectString()
                _ = try cursor.expectString()
                try cursor.expectLeftParen()
                let kind = cursor.current
                cursor.advance()
                try scanner.bind(kind, id: cursor.takeIdentifier())
                try cursor.skipToClosingParen()
            case "func", "table", "memory", "global":
                try scanner.bind(keyword, id: cursor.takeIdentifier())
                if keyword.text == "table" || keyword.text == "memory" {
                    try scanner.scanInlineSegment(cursor, isTable: keyword.text == "table")
                }
            case "elem":
                try scanner.spaces.elements.add(cursor.takeIdentifier(), at: keyword)
            case "data":
                try scanner.spaces.data.add(cursor.takeIdentifier(), at: keyword)
            case "export", "start":
                break
            default:
                throw cursor.error(.unknownOperator(keyword.text), at: keyword)
            }
            try cursor.skipToClosingParen()
        }
        return scanner
    }

    /// Binds the identifier of a function, table, memory or global definition or import.
    private mutating func bind(_ kind: Token, id: String?) throws(WatError) {
        switch kind.text {
        case "func": try spaces.functions.add(id, at: kind)
        case "table": try spaces.tables.add(id, at: kind)
        case "memory": try spaces.memories.add(id, at: kind)
        case "global": try spaces.globals.add(id, at: kind)
        default: throw WatError(.unknownOperator(kind.text), line: kind.line, column: kind.column)
        }
    }

    /// A table with inline `(elem ...)` or a memory with inline `(data ...)` also defines a segment.
    private mutating func scanInlineSegment(_ cursor: TokenCursor, isTable: Bool) throws(WatError) {
        var cursor = cursor
        while cursor.current.kind != .rightParen && cursor.current.kind != .endOfInput {
            if cursor.current.kind == .leftParen {
                let keyword = cursor.peek(1)
                if isTable && cursor.isOpen("elem") { try spaces.elements.add(nil, at: keyword) }
                if !isTable && cursor.isOpen("data") { try spaces.data.add(nil, at: keyword) }
                cursor.advance()
                try cursor.skipToClosingParen()
            } else {
                cursor.advance()
            }
        }
    }
}
