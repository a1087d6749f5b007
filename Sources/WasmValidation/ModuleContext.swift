import WasmBinary

/// Everything function bodies are validated against: the module's types (with their canonical
/// identities for subtyping), its index spaces (imports first) and which functions may be
/// referenced by `ref.func`.
///
/// Creating a context validates every module-level rule (types, limits, constant expressions,
/// segments, start function, exports); only the function bodies are left to `FunctionValidator`.
/// <https://webassembly.github.io/spec/core/valid/modules.html>
public struct ModuleContext: Sendable {
    /// The index spaces, shared by every copy of the context (copying one is a single retain).
    let storage: Storage

    final class Storage: Sendable {
        let definedTypes: [DefinedType]
        /// The function type of each type index (nil for struct and array types).
        let functionTypes: [FunctionType?]
        /// For each type index, an identity shared exactly by the equivalent types (same
        /// structure within an equivalent recursion group).
        let canonicalTypeIDs: [Int]
        let functionTypeIndices: [UInt32]
        let importedFunctionCount: Int
        let tables: [TableType]
        let memories: [MemoryType]
        let globals: [GlobalType]
        let importedGlobalCount: Int
        let tags: [TagType]
        let elementTypes: [ReferenceType]
        let dataCount: UInt32?
        /// For each function index, whether it is in C.refs (may be taken by `ref.func` in a body).
        let declaredReferences: [Bool]
        /// A one-element array for each common value type, so single-result blocks allocate nothing.
        let singleTypeLists: [[ValueType]]
        let features: WasmFeatures

        init(module: Module, canonicalTypeIDs: [Int], spaces: IndexSpaces, features: WasmFeatures) {
            self.features = features
            self.definedTypes = module.types
            self.functionTypes = module.types.map(\.functionType)
            self.canonicalTypeIDs = canonicalTypeIDs
            self.functionTypeIndices = spaces.functionTypeIndices
            self.importedFunctionCount = spaces.importedFunctionCount
            self.tables = spaces.tables
            self.memories = spaces.memories
            self.globals = spaces.globals
            self.importedGlobalCount = spaces.importedGlobalCount
            self.tags = spaces.tags
            self.elementTypes = module.elements.map(\.type)
            self.dataCount = module.dataCount
            self.declaredReferences = ModuleContext.referencedFunctions(in: module, functionCount: spaces.functionTypeIndices.count)
            self.singleTypeLists = ValueType.common.map { [$0] }
        }
    }

    /// The index spaces gathered from imports and definitions, before the context exists.
    struct IndexSpaces {
        var functionTypeIndices: [UInt32] = []
        var importedFunctionCount = 0
        var tables: [TableType] = []
        var memories: [MemoryType] = []
        var globals: [GlobalType] = []
        var importedGlobalCount = 0
        var tags: [TagType] = []
    }

    /// The module's function types, by type index; an empty signature stands for a struct or
    /// array type (which needs garbage collection and is rejected by validation).
    public var types: [FunctionType] { storage.functionTypes.map { $0 ?? FunctionType() } }
    /// The module's types as defined, by type index.
    public var definedTypes: [DefinedType] { storage.definedTypes }
    /// The type index of every function, imported functions first.
    public var functionTypeIndices: [UInt32] { storage.functionTypeIndices }
    /// How many functions are imported (they come first in the function index space).
    public var importedFunctionCount: Int { storage.importedFunctionCount }
    /// Every table, imported tables first.
    public var tables: [TableType] { storage.tables }
    /// Every memory, imported memories first.
    public var memories: [MemoryType] { storage.memories }
    /// Every global's type, imported globals first.
    public var globals: [GlobalType] { storage.globals }
    /// How many globals are imported.
    public var importedGlobalCount: Int { storage.importedGlobalCount }
    /// Every tag, imported tags first.
    public var tags: [TagType] { storage.tags }
    /// The reference type of each element segment.
    public var elementTypes: [ReferenceType] { storage.elementTypes }
    /// The data count section's value, when the module has one.
    public var dataCount: UInt32? { storage.dataCount }

    /// The most types a module may define: an implementation limit (the one JavaScript engines
    /// use), which keeps type indices small enough for the validator's packed operand types.
    public static let maximumTypeCount = 1_000_000

    /// What the context accepts beyond WebAssembly 2.0.
    public var features: WasmFeatures { storage.features }

    /// Gathers the module's index spaces and validates every module-level rule; `features` are
    /// what validation accepts beyond WebAssembly 2.0 (by default all it knows).
    public init(module: Module, features: WasmFeatures = .all) throws(ValidationError) {
        guard module.types.count <= Self.maximumTypeCount else {
            throw ValidationError("implementation limit: \(module.types.count) types, at most \(Self.maximumTypeCount)")
        }
        let canonicalTypeIDs = try Self.validateTypes(module.types)
        var spaces = IndexSpaces()
        spaces.functionTypeIndices.reserveCapacity(module.imports.count + module.functionTypeIndices.count)
        for entry in module.imports {
            switch entry.descriptor {
            case .function(let typeIndex):
                try Self.requireFunctionType(typeIndex, in: module.types)
                spaces.functionTypeIndices.append(typeIndex)
            case .table(let type): spaces.tables.append(type)
            case .memory(let type): spaces.memories.append(type)
            case .global(let type): spaces.globals.append(type)
            case .tag(let type): spaces.tags.append(type)
            }
        }
        spaces.importedFunctionCount = spaces.functionTypeIndices.count
        spaces.importedGlobalCount = spaces.globals.count
        for typeIndex in module.functionTypeIndices {
            try Self.requireFunctionType(typeIndex, in: module.types)
            spaces.functionTypeIndices.append(typeIndex)
        }
        spaces.tables += module.tables.map(\.type)
        spaces.memories += module.memories
        spaces.globals += module.globals.map(\.type)
        spaces.tags += module.tags
        storage = Storage(module: module, canonicalTypeIDs: canonicalTypeIDs, spaces: spaces, features: features)
        try validateModuleRules(module)
    }

    /// A function type index must name a function type.
    static func requireFunctionType(_ typeIndex: UInt32, in types: [DefinedType]) throws(ValidationError) {
        guard Int(typeIndex) < types.count else { throw ValidationError("unknown type \(typeIndex)") }
        guard types[Int(typeIndex)].functionType != nil else {
            throw ValidationError("type mismatch: type \(typeIndex) is not a function type")
        }
    }

    /// The number of functions, imported and defined.
    public var functionCount: Int { storage.functionTypeIndices.count }

    /// The number of memories, imported and defined.
    public var memoryCount: Int { storage.memories.count }

    /// The number of types.
    public var typeCount: Int { storage.definedTypes.count }

    /// The function type with the given type index, or nil if there is none (or it is a struct
    /// or array type).
    @inline(__always)
    public func type(at typeIndex: UInt32) -> FunctionType? {
        let types = storage.functionTypes
        return Int(typeIndex) < types.count ? types[Int(typeIndex)] : nil
    }

    /// The type of the function with the given (module-wide) index, or nil if there is none.
    @inline(__always)
    public func functionType(at functionIndex: UInt32) -> FunctionType? {
        let indices = storage.functionTypeIndices
        guard Int(functionIndex) < indices.count else { return nil }
        return storage.functionTypes[Int(indices[Int(functionIndex)])]
    }

    /// The type of the global with the given index, or nil if there is none.
    @inline(__always)
    public func globalType(at globalIndex: UInt32) -> GlobalType? {
        let globals = storage.globals
        return Int(globalIndex) < globals.count ? globals[Int(globalIndex)] : nil
    }

    /// The type of the table with the given index, or nil if there is none.
    @inline(__always)
    public func tableType(at tableIndex: UInt32) -> TableType? {
        let tables = storage.tables
        return Int(tableIndex) < tables.count ? tables[Int(tableIndex)] : nil
    }

    /// The type of the memory with the given index, or nil if there is none.
    @inline(__always)
    public func memoryType(at memoryIndex: UInt32) -> MemoryType? {
        let memories = storage.memories
        return Int(memoryIndex) < memories.count ? memories[Int(memoryIndex)] : nil
    }

    /// The function type of the tag with the given index, or nil if there is none.
    @inline(__always)
    public func tagType(at tagIndex: UInt32) -> FunctionType? {
        let tags = storage.tags
        guard Int(tagIndex) < tags.count else { return nil }
        return type(at: tags[Int(tagIndex)].typeIndex)
    }

    /// The reference type of the element segment with the given index, or nil if there is none.
    @inline(__always)
    public func elementType(at elementIndex: UInt32) -> ReferenceType? {
        let elementTypes = storage.elementTypes
        return Int(elementIndex) < elementTypes.count ? elementTypes[Int(elementIndex)] : nil
    }

    /// True if the function occurs outside function bodies (in an export, an element segment or a
    /// global initialiser), so bodies may take a reference to it with `ref.func`.
    @inline(__always)
    public func isDeclaredReference(_ functionIndex: UInt32) -> Bool {
        let declared = storage.declaredReferences
        return Int(functionIndex) < declared.count && declared[Int(functionIndex)]
    }

    /// The result list of a block whose type is one value type.
    @inline(__always)
    func singleTypeList(_ type: ValueType) -> [ValueType] {
        if let index = type.commonIndex { return storage.singleTypeLists[index] }
        return [type]
    }

    /// C.refs: every function index that occurs in the module outside function bodies and the start
    /// function. <https://webassembly.github.io/spec/core/valid/modules.html#valid-module>
    fileprivate static func referencedFunctions(in module: Module, functionCount: Int) -> [Bool] {
        var referenced = [Bool](repeating: false, count: functionCount)
        func mark(_ index: UInt32) {
            if Int(index) < functionCount { referenced[Int(index)] = true }
        }
        func mark(_ expression: ConstantExpression) {
            if let instruction = expression.singleInstruction {
                if case .refFunc(let index) = instruction { mark(index) }
                return
            }
            for case .refFunc(let index) in expression.instructions { mark(index) }
        }
        for global in module.globals { mark(global.initializer) }
        for table in module.tables {
            if let initializer = table.initializer { mark(initializer) }
        }
        for element in module.elements {
            element.initializers.forEach(mark)
            if case .active(_, let offset) = element.mode { mark(offset) }
        }
        for segment in module.data {
            if case .active(_, let offset) = segment.mode { mark(offset) }
        }
        for export in module.exports {
            if case .function(let index) = export.descriptor { mark(index) }
        }
        return referenced
    }
}

extension ValueType {
    /// The value types of 2.0, which most blocks have, in the order of `commonIndex`.
    static let common: [ValueType] = [.i32, .i64, .f32, .f64, .v128, .funcref, .externref]

    /// The type's position in `common`, or nil.
    @inline(__always)
    var commonIndex: Int? {
        switch self {
        case .i32: return 0
        case .i64: return 1
        case .f32: return 2
        case .f64: return 3
        case .v128: return 4
        case .ref(let reference):
            if reference == .funcref { return 5 }
            if reference == .externref { return 6 }
            return nil
        }
    }
}
