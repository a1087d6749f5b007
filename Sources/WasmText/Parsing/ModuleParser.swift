import WasmBinary

/// Parses a module's fields into a `Module`, resolving identifiers and expanding the text format's
/// abbreviations, after `ModuleScanner` has bound the module-level names.
/// [Modules](https://webassembly.github.io/spec/core/text/modules.html)
struct ModuleParser {
    var cursor: TokenCursor
    var spaces: ModuleIndexSpaces
    var module = Module()

    /// How many entries of each index space have been defined so far.
    var functionCount: UInt32 = 0
    var tableCount: UInt32 = 0
    var memoryCount: UInt32 = 0
    var globalCount: UInt32 = 0
    var tagCount: UInt32 = 0
    var elementCount: UInt32 = 0
    var dataSegmentCount: UInt32 = 0

    /// The kind of the last non-import function, table, memory or global definition: imports may not follow one.
    var lastDefinitionKind: String?
    /// Set when a body uses `memory.init` or `data.drop`, which need the data count section.
    var usesDataCount = false
    /// The annotations this parser has interpreted (`@custom`, `@name`, branch hints), by index
    /// into `cursor.annotations`; any other of those is misplaced.
    var usedAnnotations = Set<Int>()
    /// Names from `@name` annotations.
    var names = NameMap()

    init(cursor: TokenCursor, scanner: ModuleScanner) {
        self.cursor = cursor
        self.spaces = scanner.spaces
        self.module.types = scanner.types
    }

    /// Parses the fields from the cursor's position up to (not including) a `)` or the end of input.
    mutating func parseFields() throws(WatError) -> Module {
        let firstToken = cursor.index
        try parseModuleName(at: firstToken)
        while cursor.current.kind == .leftParen {
            try parseCustomAnnotations(at: cursor.index)
            let keyword = cursor.peek(1)
            switch keyword.text {
            case "type", "rec":
                cursor.advance()
                cursor.advance()
                try cursor.skipToClosingParen()
            case "import": try parseImport()
            case "func": try parseFunction()
            case "table": try parseTable()
            case "memory": try parseMemory()
            case "global": try parseGlobal()
            case "tag": try parseTag()
            case "export": try parseExport()
            case "start": try parseStart()
            case "elem": try parseElementSegment()
            case "data": try parseDataSegment()
            default: throw cursor.unexpected(keyword)
            }
        }
        try parseCustomAnnotations(at: cursor.index)
        try checkAnnotationsUsed(from: firstToken, to: cursor.index)
        if usesDataCount { module.dataCount = UInt32(module.data.count) }
        if names != NameMap() { module.names = names }
        return module
    }

    /// Records a definition (not an import) of a function, table, memory or global.
    mutating func noteDefinition(_ kind: String) {
        lastDefinitionKind = kind
    }

    /// Imports must precede every function, table, memory and global definition.
    func checkImportAllowed(at token: Token) throws(WatError) {
        if let kind = lastDefinitionKind {
            throw cursor.error(.importAfterDefinition(kind), at: token)
        }
    }

    /// Inline `(export "name")` abbreviations for the entity just defined.
    mutating func parseInlineExports(_ descriptor: ExportDescriptor) throws(WatError) {
        while cursor.takeOpen("export") {
            let name = try cursor.expectName()
            try cursor.expectRightParen()
            module.exports.append(Export(name: name, descriptor: descriptor))
        }
    }

    /// An inline `(import "module" "name")`, when one comes next.
    mutating func parseInlineImport() throws(WatError) -> (String, String)? {
        let token = cursor.current
        guard cursor.takeOpen("import") else { return nil }
        try checkImportAllowed(at: token)
        let moduleName = try cursor.expectName()
        let name = try cursor.expectName()
        try cursor.expectRightParen()
        return (moduleName, name)
    }

    /// The index of the first plain function type equal to `type` in the type section, appending
    /// one when there is none yet.
    mutating func typeIndex(of type: FunctionType) -> UInt32 {
        let defined = DefinedType(type)
        if let index = module.types.firstIndex(of: defined) { return UInt32(index) }
        module.types.append(defined)
        return UInt32(module.types.count - 1)
    }

    /// A type use: `(type x)?` then inline parameters and results, which must match `x` when both
    /// are given; without `(type x)` the signature's type is found or appended.
    /// [Type uses](https://webassembly.github.io/spec/core/text/modules.html#type-uses)
    mutating func parseTypeUse(allowNames: Bool = true) throws(WatError) -> (index: UInt32, type: FunctionType, names: [(String?, Token)]) {
        let start = cursor.current
        var explicit: UInt32?
        if cursor.takeOpen("type") {
            explicit = try cursor.expectIndex(in: spaces.types)
            try cursor.expectRightParen()
        }
        let signature = try cursor.parseSignature(spaces.types, allowNames: allowNames)
        guard let explicit else {
            return (typeIndex(of: signature.type), signature.type, signature.parameterNames)
        }
        let hasInline = !signature.type.parameters.isEmpty || !signature.type.results.isEmpty
        guard Int(explicit) < module.types.count else {
            // An index past the type section is a validation error, not a syntax error, unless an
            // inline signature must be checked against it.
            if hasInline { throw cursor.error(.unknownType(String(explicit)), at: start) }
            return (explicit, signature.type, signature.parameterNames)
        }
        // A struct or array type stands as an empty signature here; validation rejects its use.
        let type = module.types[Int(explicit)].functionType ?? FunctionType()
        if hasInline && signature.type != type { throw cursor.error(.inlineFunctionType, at: start) }
        return (explicit, type, hasInline ? signature.parameterNames : type.parameters.map { _ in (nil, start) })
    }
}
