import WasmBinary

/// The names bound in one index space (functions, tables, types, locals, ...), and how many
/// entries it has.
struct IndexSpace {
    /// The space's name in error messages: "func", "table", "local", ...
    let kind: String
    private(set) var names: [String: UInt32] = [:]
    private(set) var count: UInt32 = 0

    init(kind: String) {
        self.kind = kind
    }

    /// Adds an entry, binding `name` to its index when given; a name bound twice is an error.
    @discardableResult
    mutating func add(_ name: String?, at token: Token) throws(WatError) -> UInt32 {
        let index = count
        if let name {
            guard names[name] == nil else {
                throw WatError(.duplicateIdentifier(kind: kind, name: name), line: token.line, column: token.column)
            }
            names[name] = index
        }
        count += 1
        return index
    }

    func lookup(_ name: String) -> UInt32? {
        names[name]
    }
}

/// Every module-level index space, filled by `ModuleScanner` before the fields are parsed.
struct ModuleIndexSpaces {
    var types = IndexSpace(kind: "type")
    var functions = IndexSpace(kind: "func")
    var tables = IndexSpace(kind: "table")
    var memories = IndexSpace(kind: "memory")
    var globals = IndexSpace(kind: "global")
    var tags = IndexSpace(kind: "tag")
    var elements = IndexSpace(kind: "elem")
    var data = IndexSpace(kind: "data")
}

extension TokenCursor {
    /// An index: a `u32` literal or an identifier bound in `space`.
    mutating func expectIndex(in space: IndexSpace) throws(WatError) -> UInt32 {
        let token = current
        if token.kind == .identifier {
            advance()
            guard let index = space.lookup(token.text) else {
                if space.kind == "type" { throw error(.unknownType(token.text), at: token) }
                throw error(.unknownIdentifier(kind: space.kind, name: token.text), at: token)
            }
            return index
        }
        return try expectU32()
    }

    /// True when an index (literal or identifier) comes next.
    var isIndex: Bool {
        TokenCursor.isIndexToken(current)
    }

    /// True for an identifier or an unsigned integer literal.
    static func isIndexToken(_ token: Token) -> Bool {
        if token.kind == .identifier { return true }
        guard token.kind == .number, let parts = IntegerLiteral.components(token.text) else { return false }
        return !parts.hasSign
    }

    /// An optional index, when one comes next.
    mutating func takeIndex(in space: IndexSpace) throws(WatError) -> UInt32? {
        isIndex ? try expectIndex(in: space) : nil
    }
}
