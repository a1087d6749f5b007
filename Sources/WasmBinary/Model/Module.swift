/// A decoded WebAssembly module: every section of the 3.0 binary format, in the spec's abstract form.
public struct Module: Equatable, Sendable {
    /// The types of the type section by type index, recursion groups flattened.
    public var types: [DefinedType] = []
    /// The imports, in order; imported entities come first in each index space.
    public var imports: [Import] = []
    /// Type indices of the functions defined by the module (the function section).
    public var functionTypeIndices: [UInt32] = []
    /// Tables defined by the module (imported ones are in `imports`).
    public var tables: [TableDefinition] = []
    /// Memories defined by the module (imported ones are in `imports`).
    public var memories: [MemoryType] = []
    /// Exception tags defined by the module (imported ones are in `imports`).
    public var tags: [TagType] = []
    /// Globals defined by the module, with their initialisers.
    public var globals: [Global] = []
    /// The exports, in order.
    public var exports: [Export] = []
    /// The function index of the start function, run at instantiation; nil when there is none.
    public var start: UInt32?
    /// The element segments, in order.
    public var elements: [ElementSegment] = []
    /// The data count section's value, when the section is present.
    public var dataCount: UInt32?
    /// Bodies of the functions defined by the module, in the order of `functionTypeIndices`.
    public var codes: [FunctionBody] = []
    /// The data segments, in order.
    public var data: [DataSegment] = []
    /// Custom sections in the order they appear.
    public var customSections: [CustomSection] = []
    /// Function and local names from a well-formed `name` custom section.
    public var names: NameMap?

    public init() {}

    /// The function type with the given type index, or nil when there is no such type or it is
    /// not a function type.
    @inline(__always)
    public func functionType(at typeIndex: UInt32) -> FunctionType? {
        Int(typeIndex) < types.count ? types[Int(typeIndex)].functionType : nil
    }
}

/// A table defined by the module: its type and what its elements start as.
public struct TableDefinition: Equatable, Sendable {
    /// The table's type.
    public var type: TableType
    /// The constant expression every element starts as; nil for null (the only choice before
    /// WebAssembly 3.0, and the only one for a nullable element type without an initialiser).
    public var initializer: ConstantExpression?

    /// A table of `type` whose elements start as `initializer` (null when nil).
    public init(type: TableType, initializer: ConstantExpression? = nil) {
        self.type = type
        self.initializer = initializer
    }
}

/// An imported function, table, memory, global or tag.
public struct Import: Equatable, Sendable {
    /// The name of the module the import comes from.
    public var module: String
    /// The entity's name within that module.
    public var name: String
    /// The kind of entity imported and the type it must have.
    public var descriptor: ImportDescriptor

    /// An import of `module`'s entity `name`.
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
    case tag(TagType)
}

/// An exported entity and the name it is exported under.
public struct Export: Equatable, Sendable {
    /// The name the entity is exported under; unique within a module.
    public var name: String
    /// The kind and index of the exported entity.
    public var descriptor: ExportDescriptor

    /// An export of the entity `descriptor` names, under `name`.
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
    case tag(UInt32)
}

/// A global defined by the module, with its initial value.
public struct Global: Equatable, Sendable {
    /// The global's value type and mutability.
    public var type: GlobalType
    /// The constant expression that computes the global's initial value.
    public var initializer: ConstantExpression

    /// A global of `type` initialised by `initializer`.
    public init(type: GlobalType, initializer: ConstantExpression) {
        self.type = type
        self.initializer = initializer
    }
}

/// A constant expression (global initialisers, segment offsets, element items), without its final `end`.
public struct ConstantExpression: Equatable, Sendable {
    /// Almost every expression is one instruction (an element segment may hold millions of
    /// `ref.func`s), which is kept inline rather than in an array of its own: a decoded element
    /// costs the size of one instruction instead of a heap allocation.
    private enum Storage: Equatable, Sendable {
        case one(Instruction)
        case many([Instruction])
    }

    private var storage: Storage

    /// The expression's instructions, in order.
    public var instructions: [Instruction] {
        get {
            switch storage {
            case .one(let instruction): return [instruction]
            case .many(let instructions): return instructions
            }
        }
        set { storage = Self.storage(for: newValue) }
    }

    /// The expression's only instruction, when it has exactly one.
    public var singleInstruction: Instruction? {
        if case .one(let instruction) = storage { return instruction }
        return nil
    }

    /// An expression of these instructions (without the final `end`).
    public init(_ instructions: [Instruction]) {
        storage = Self.storage(for: instructions)
    }

    private static func storage(for instructions: [Instruction]) -> Storage {
        instructions.count == 1 ? .one(instructions[0]) : .many(instructions)
    }
}

/// An element segment: references to initialise a table with.
public struct ElementSegment: Equatable, Sendable {
    /// The type of the references the segment holds.
    public var type: ReferenceType
    /// One constant expression per element (function indices become `ref.func`).
    public var initializers: [ConstantExpression]
    /// Whether the segment is active, passive or declarative.
    public var mode: ElementMode

    /// A segment of `type` references, one per initialiser, used as `mode` says.
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
    /// The bytes the segment holds.
    public var bytes: [UInt8]
    /// Whether the segment is active or passive.
    public var mode: DataMode

    /// A segment of `bytes`, used as `mode` says.
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
    /// How many locals the group declares.
    public var count: UInt32
    /// The type of each of them.
    public var type: ValueType

    /// A group of `count` locals of `type`.
    public init(count: UInt32, type: ValueType) {
        self.count = count
        self.type = type
    }
}

/// A function's declared locals and its encoded instruction sequence.
public struct FunctionBody: Equatable, Sendable {
    /// The declared locals in groups, after the parameters.
    public var locals: [LocalGroup]
    /// The body's instructions in the binary encoding, up to and including the final `end`.
    public var code: [UInt8]
    /// Offset of `code[0]` in the module's bytes (0 for a module that was not decoded from bytes).
    public var codeOffset: Int

    /// A body with these locals and encoded instructions, whose code starts at byte `codeOffset` of
    /// the module.
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

/// A custom section's name, raw contents, and where it stands among the other sections.
public struct CustomSection: Equatable, Sendable {
    /// The section's name.
    public var name: String
    /// The section's contents after the name.
    public var bytes: [UInt8]
    /// Where the encoder writes the section.
    public var placement: CustomSectionPlacement

    /// A custom section called `name` with these contents, placed as `placement` says (by
    /// default after every other section).
    public init(name: String, bytes: [UInt8], placement: CustomSectionPlacement = .last) {
        self.name = name
        self.bytes = bytes
        self.placement = placement
    }
}

/// Where a custom section stands relative to the known sections. Custom sections with the same
/// placement keep their order.
public enum CustomSectionPlacement: Hashable, Sendable {
    /// Before every known section.
    case first
    /// Right before the section with this id (or where it would be).
    case before(SectionID)
    /// Right after the section with this id (or where it would be).
    case after(SectionID)
    /// After every known section.
    case last
}

/// Names from the `name` custom section.
public struct NameMap: Equatable, Sendable {
    /// The module's own name, when the section gives one.
    public var moduleName: String?
    /// Function names by function index (imports included).
    public var functionNames: [UInt32: String] = [:]
    /// Local names by function index, then local index.
    public var localNames: [UInt32: [UInt32: String]] = [:]
    /// Tag names by tag index (imports included).
    public var tagNames: [UInt32: String] = [:]

    public init() {}
}
