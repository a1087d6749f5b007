/// A decoded WebAssembly module: every section of the 2.0 binary format, in the spec's abstract form.
public struct Module: Equatable, Sendable {
    public var types: [FunctionType] = []
    public var imports: [Import] = []
    /// Type indices of the functions defined by the module (the function section).
    public var functionTypeIndices: [UInt32] = []
    public var tables: [TableType] = []
    public var memories: [MemoryType] = []
    public var globals: [Global] = []
    public var exports: [Export] = []
    public var start: UInt32?
    public var elements: [ElementSegment] = []
    /// The data count section's value, when the section is present.
    public var dataCount: UInt32?
    /// Bodies of the functions defined by the module, in the order of `functionTypeIndices`.
    public var codes: [FunctionBody] = []
    public var data: [DataSegment] = []
    /// Custom sections in the order they appear.
    public var customSections: [CustomSection] = []
    /// Function and local names from a well-formed `name` custom section.
    public var names: NameMap?

    public init() {}
}

/// An imported function, table, memory or global.
public struct Import: Equatable, Sendable {
    public var module: String
    public var name: String
    public var descriptor: ImportDescriptor

    public init(module: String, name: String, descriptor: ImportDescriptor) {
        self.module = module
        self.name = name
        self.descriptor = descriptor
    }
}

/// What an import brings in, with the type it must have.
public enum ImportDescriptor: Equatable, Sendable {
    case function(typeIndex: UInt32)
    case table(TableType)
    case memory(MemoryType)
    case global(GlobalType)
}

/// An exported entity and the name it is exported under.
public struct Export: Equatable, Sendable {
    public var name: String
    public var descriptor: ExportDescriptor

    public init(name: String, descriptor: ExportDescriptor) {
        self.name = name
        self.descriptor = descriptor
    }
}

/// The kind and index of an exported entity.
public enum ExportDescriptor: Hashable, Sendable {
    case function(UInt32)
    case table(UInt32)
    case memory(UInt32)
    case global(UInt32)
}

/// A global defined by the module, with its initial value.
public struct Global: Equatable, Sendable {
    public var type: GlobalType
    public var initializer: ConstantExpression

    public init(type: GlobalType, initializer: ConstantExpression) {
        self.type = type
        self.initializer = initializer
    }
}

/// A constant expression (global initialisers, segment offsets, element items), without its final `end`.
public struct ConstantExpression: Equatable, Sendable {
    public var instructions: [Instruction]

    public init(_ instructions: [Instruction]) {
        self.instructions = instructions
    }
}

/// An element segment: references to initialise a table with.
public struct ElementSegment: Equatable, Sendable {
    public var type: ReferenceType
    /// One constant expression per element (function indices become `ref.func`).
    public var initializers: [ConstantExpression]
    public var mode: ElementMode

    public init(type: ReferenceType, initializers: [ConstantExpression], mode: ElementMode) {
        self.type = type
        self.initializers = initializers
        self.mode = mode
    }
}

/// When an element segment is used.
public enum ElementMode: Equatable, Sendable {
    case passive
    case active(table: UInt32, offset: ConstantExpression)
    case declarative
}

/// A data segment: bytes to initialise memory with.
public struct DataSegment: Equatable, Sendable {
    public var bytes: [UInt8]
    public var mode: DataMode

    public init(bytes: [UInt8], mode: DataMode) {
        self.bytes = bytes
        self.mode = mode
    }
}

/// When a data segment is used.
public enum DataMode: Equatable, Sendable {
    case passive
    case active(memory: UInt32, offset: ConstantExpression)
}

/// A run of locals of one type, as the code section declares them.
public struct LocalGroup: Equatable, Sendable {
    public var count: UInt32
    public var type: ValueType

    public init(count: UInt32, type: ValueType) {
        self.count = count
        self.type = type
    }
}

/// A function's declared locals and its encoded instruction sequence.
public struct FunctionBody: Equatable, Sendable {
    public var locals: [LocalGroup]
    /// The body's instructions in the binary encoding, up to and including the final `end`.
    public var code: [UInt8]
    /// Offset of `code[0]` in the module's bytes (0 for a module that was not decoded from bytes).
    public var codeOffset: Int

    public init(locals: [LocalGroup], code: [UInt8], codeOffset: Int = 0) {
        self.locals = locals
        self.code = code
        self.codeOffset = codeOffset
    }

    /// Compares locals and code, not where the code was found.
    public static func == (lhs: FunctionBody, rhs: FunctionBody) -> Bool {
        lhs.locals == rhs.locals && lhs.code == rhs.code
    }
}

/// A custom section's name and raw contents.
public struct CustomSection: Equatable, Sendable {
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}

/// Names from the `name` custom section.
public struct NameMap: Equatable, Sendable {
    public var moduleName: String?
    public var functionNames: [UInt32: String] = [:]
    /// Local names by function index, then local index.
    public var localNames: [UInt32: [UInt32: String]] = [:]

    public init() {}
}
