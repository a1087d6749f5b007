/// How much of each kind of thing the decoder accepts in one module, so that a small hostile
/// file cannot make the decoder (or the validator and translator after it) allocate gigabytes.
///
/// The defaults are the WebAssembly JS embedding API's "implementation-defined limits", the
/// numbers every browser engine enforces, so any module that runs on the web decodes here:
/// <https://webassembly.github.io/spec/js-api/#limits>. Every count is also checked against the
/// bytes left in its section before anything is reserved for it (each entry takes at least one
/// byte), so even with a limit raised to `Int.max` a count costs no more memory than its bytes.
///
/// Limits the spec itself sets are checked where the spec puts them, not here: memory sizes
/// (65,536 pages, a validation rule) and at most 2^32 - 1 locals ("too many locals" even when
/// `locals` is raised). Table and memory sizes at run time are `ResourceLimits` of a runtime.
public struct DecoderLimits: Sendable, Equatable {
    /// Bytes in the whole module.
    public var moduleSize = 1_073_741_824
    /// Types defined by the type section (the members of recursion groups each count).
    public var types = 1_000_000
    /// Functions defined by the module (entries of the function and code sections).
    public var functions = 1_000_000
    /// Entries of the import section.
    public var imports = 100_000
    /// Entries of the export section.
    public var exports = 100_000
    /// Globals defined by the module.
    public var globals = 1_000_000
    /// Tables defined by the module.
    public var tables = 100_000
    /// Memories defined by the module (WebAssembly 2.0 validation allows one in all).
    public var memories = 100
    /// Tags defined by the module (exceptions).
    public var tags = 1_000_000
    /// Entries of the data section (and the value of the data count section).
    public var dataSegments = 100_000
    /// Entries of the element section.
    public var elementSegments = 10_000_000
    /// References in one element segment (the JS API's largest table).
    public var elementsPerSegment = 10_000_000
    /// Bytes of one function body, its local declarations included.
    public var functionBodySize = 7_654_321
    /// Locals of one function, its parameters included (when its type index is valid).
    public var locals = 50_000
    /// Parameters of one function type.
    public var parameters = 1_000
    /// Results of one function type.
    public var results = 1_000
    /// Fields of one struct type.
    public var structFields = 10_000

    /// The JS embedding API's limits.
    public init() {}

    /// No limit but the bytes of the module: every count is still bounded by the bytes left.
    public static let unlimited: DecoderLimits = {
        var limits = DecoderLimits()
        limits.moduleSize = .max
        limits.types = .max
        limits.functions = .max
        limits.imports = .max
        limits.exports = .max
        limits.globals = .max
        limits.tables = .max
        limits.memories = .max
        limits.tags = .max
        limits.dataSegments = .max
        limits.elementSegments = .max
        limits.elementsPerSegment = .max
        limits.functionBodySize = .max
        limits.locals = .max
        limits.parameters = .max
        limits.results = .max
        limits.structFields = .max
        return limits
    }()

    /// The kinds of thing a limit counts, named in `DecodeError.Kind.limitExceeded`'s message.
    public enum Item: Sendable, Equatable {
        case moduleSize, types, functions, imports, exports, globals, tables, memories, tags
        case dataSegments, elementSegments, elementsPerSegment, functionBodySize
        case locals, parameters, results, structFields

        /// What went over the limit, in words ("too many functions", "function body too large").
        public var words: String {
            switch self {
            case .moduleSize: return "module too large"
            case .types: return "too many types"
            case .functions: return "too many functions"
            case .imports: return "too many imports"
            case .exports: return "too many exports"
            case .globals: return "too many globals"
            case .tables: return "too many tables"
            case .memories: return "too many memories"
            case .tags: return "too many tags"
            case .dataSegments: return "too many data segments"
            case .elementSegments: return "too many element segments"
            case .elementsPerSegment: return "too many elements in a segment"
            case .functionBodySize: return "function body too large"
            case .locals: return "too many locals"
            case .parameters: return "too many parameters"
            case .results: return "too many results"
            case .structFields: return "too many struct fields"
            }
        }

        /// The unit the limit counts in, for the message.
        var unit: String {
            switch self {
            case .moduleSize, .functionBodySize: return "bytes"
            default: return ""
            }
        }
    }

    /// The limit for `item`.
    public subscript(item: Item) -> Int {
        switch item {
        case .moduleSize: return moduleSize
        case .types: return types
        case .functions: return functions
        case .imports: return imports
        case .exports: return exports
        case .globals: return globals
        case .tables: return tables
        case .memories: return memories
        case .tags: return tags
        case .dataSegments: return dataSegments
        case .elementSegments: return elementSegments
        case .elementsPerSegment: return elementsPerSegment
        case .functionBodySize: return functionBodySize
        case .locals: return locals
        case .parameters: return parameters
        case .results: return results
        case .structFields: return structFields
        }
    }
}
