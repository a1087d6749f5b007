import WasmBinary

/// A first pass over a module's fields that binds every module-level identifier to its index and
/// reads the explicit type definitions (recursion groups included), so the second pass can
/// resolve references to fields defined later in the text.
/// [Identifier contexts](https://webassembly.github.io/spec/core/text/modules.html#text-context)
struct ModuleScanner {
    var spaces = ModuleIndexSpaces()
    /// The module's explicit `(type ...)` definitions, in order, recursion groups flattened.
    var types: [DefinedType] = []

    /// Where a type definition's body starts, and its place in its recursion group.
    private struct PendingType {
        var bodyIndex: Int
        var positionInGroup: UInt32
        var groupSize: UInt32
    }

    /// Scans the fields from the cursor's position up to the closing `)` (or the end of input), and
    /// leaves `cursor` where it was.
    static func scan(_ cursor: TokenCursor) throws(WatError) -> ModuleScanner {
        var scanner = ModuleScanner()
        var pending: [PendingType] = []
        var cursor = cursor
        let origin = cursor.index
        while cursor.current.kind == .leftParen {
            cursor.advance()
            let keyword = cursor.current
            guard keyword.kind == .keyword else { throw cursor.unexpected() }
            cursor.advance()
            switch keyword.text {
            case "type":
                try scanner.spaces.types.add(cursor.takeIdentifier(), at: keyword)
                pending.append(PendingType(bodyIndex: cursor.index, positionInGroup: 0, groupSize: 1))
            case "rec":
                var group: [Int] = []
                while cursor.isOpen("type") {
                    let typeKeyword = cursor.peek(1)
                    cursor.advance()
                    cursor.advance()
                    try scanner.spaces.types.add(cursor.takeIdentifier(), at: typeKeyword)
                    group.append(cursor.index)
                    try cursor.skipToClosingParen()
                }
                for (position, bodyIndex) in group.enumerated() {
                    pending.append(PendingType(bodyIndex: bodyIndex, positionInGroup: UInt32(position), groupSize: UInt32(group.count)))
                }
            case "import":
                _ = try cursor.expectString()
                _ = try cursor.expectString()
                try cursor.expectLeftParen()
                let kind = cursor.current
                cursor.advance()
                try scanner.bind(kind, id: cursor.takeIdentifier())
                try cursor.skipToClosingParen()
            case "func", "table", "memory", "global", "tag":
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
        // Every type name is bound now, so definitions may refer to types defined after them.
        for entry in pending {
            cursor.index = entry.bodyIndex
            var type = try cursor.expectSubType(scanner.spaces.types)
            try cursor.expectRightParen()
            type.positionInGroup = entry.positionInGroup
            type.groupSize = entry.groupSize
            scanner.types.append(type)
        }
        cursor.index = origin
        return scanner
    }

    /// Binds the identifier of a function, table, memory, global or tag definition or import.
    private mutating func bind(_ kind: Token, id: String?) throws(WatError) {
        switch kind.text {
        case "func": try spaces.functions.add(id, at: kind)
        case "table": try spaces.tables.add(id, at: kind)
        case "memory": try spaces.memories.add(id, at: kind)
        case "global": try spaces.globals.add(id, at: kind)
        case "tag": try spaces.tags.add(id, at: kind)
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
