import WasmBinary

/// Everything function bodies are validated against: the module's index spaces (imports first)
/// and which functions may be referenced by `ref.func`.
///
/// Creating a context validates every module-level rule (limits, constant expressions, segments,
/// start function, exports); only the function bodies are left to `FunctionValidator`.
/// <https://webassembly.github.io/spec/core/valid/modules.html>
public struct ModuleContext: Sendable {
    /// The index spaces, shared by every copy of the context (copying one is a single retain).
    let storage: Storage

    final class Storage: Sendable {
        let types: [FunctionType]
        let functionTypeIndices: [UInt32]
        let importedFunctionCount: Int
        let tables: [TableType]
        let memories: [MemoryType]
        let globals: [GlobalType]
        let importedGlobalCount: Int
        let elementTypes: [ReferenceType]
        let dataCount: UInt32?
        /// For each function index, whether it is in C.refs (may be taken by `ref.func` in a body).
        let declaredReferences: [Bool]
        /// A one-element array for each value type, so single-result blocks allocate nothing.
        let singleTypeLists: [[ValueType]]

        init(module: Module, functionTypeIndices: [UInt32], importedFunctionCount: Int, tables: [TableType],
             memories: [MemoryType], globals: [GlobalType], importedGlobalCount: Int) {
            self.types = module.types
            self.functionTypeIndices = functionTypeIndices
            self.importedFunctionCount = importedFunctionCount
            self.tables = tables
            self.memories = memories
            self.globals = globals
            self.importedGlobalCount = importedGlobalCount
            self.elementTypes = module.elements.map(\.type)
            self.dataCount = module.dataCount
            self.declaredReferences = ModuleContext.referencedFunctions(in: module, functionCount: functionTypeIndices.count)
            self.singleTypeLists = ValueType.all.map { [$0] }
        }
    }

    /// The module's function types, by type index.
    public var types: [FunctionType] { storage.types }
    /// The type index of every function, imported functions first.
    public var functionTypeIndices: [UInt32] { storage.functionTypeIndices }
    /// How many functions are imported (they come first in the function index space).
    public var importedFunctionCount: Int { storage.importedFunctionCount }
    /// Every table, imported tables first.
    public var tables: [TableType] { storage.tables }
    /// Every memory, imported memories first (2.0 allows at most one).
    public var memories: [MemoryType] { storage.memories }
    /// Every global's type, imported globals first.
    public var globals: [GlobalType] { storage.globals }
    /// How many globals are imported (the only ones a constant expression may read).
    public var importedGlobalCount: Int { storage.importedGlobalCount }
    /// The reference type of each element segment.
    public var elementTypes: [ReferenceType] { storage.elementTypes }
    /// The data count section's value, when the module has one.
    public var dataCount: UInt32? { storage.dataCount }

    /// Gathers the module's index spaces and validates every module-level rule.
    public init(module: Module) throws(ValidationError) {
        var functionTypeIndices: [UInt32] = []
        var tables: [TableType] = []
        var memories: [MemoryType] = []
        var globals: [GlobalType] = []
        functionTypeIndices.reserveCapacity(module.functionTypeIndices.count)
        for entry in module.imports {
            switch entry.descriptor {
            case .function(let typeIndex):
                guard Int(typeIndex) < module.types.count else { throw ValidationError("unknown type \(typeIndex)") }
                functionTypeIndices.append(typeIndex)
            case .table(let type): tables.append(type)
            case .memory(let type): memories.append(type)
            case .global(let type): globals.append(type)
            }
        }
        let importedFunctionCount = functionTypeIndices.count
        let importedGlobalCount = globals.count
        for typeIndex in module.functionTypeIndices {
            guard Int(typeIndex) < module.types.count else { throw ValidationError("unknown type \(typeIndex)") }
            functionTypeIndices.append(typeIndex)
        }
        tables += module.tables
        memories += module.memories
        globals += module.globals.map(\.type)
        storage = Storage(
            module: module, functionTypeIndices: functionTypeIndices, importedFunctionCount: importedFunctionCount,
            tables: tables, memories: memories, globals: globals, importedGlobalCount: importedGlobalCount)
        try validateModuleRules(module)
    }

    /// The number of functions, imported and defined.
    public var functionCount: Int { storage.functionTypeIndices.count }

    /// The number of memories, imported and defined.
    public var memoryCount: Int { storage.memories.count }

    /// The function type with the given type index, or nil if there is none.
    @inline(__always)
    public func type(at typeIndex: UInt32) -> FunctionType? {
        let types = storage.types
        return Int(typeIndex) < types.count ? types[Int(typeIndex)] : nil
    }

    /// The type of the function with the given (module-wide) index, or nil if there is none.
    @inline(__always)
    public func functionType(at functionIndex: UInt32) -> FunctionType? {
        let indices = storage.functionTypeIndices
        guard Int(functionIndex) < indices.count else { return nil }
        return storage.types[Int(indices[Int(functionIndex)])]
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
        storage.singleTypeLists[type.listIndex]
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
    /// Every value type, in the order of `listIndex`.
    static let all: [ValueType] = [.i32, .i64, .f32, .f64, .v128, .funcref, .externref]

    /// The type's position in `all`.
    var listIndex: Int {
        switch self {
        case .i32: return 0
        case .i64: return 1
        case .f32: return 2
        case .f64: return 3
        case .v128: return 4
        case .ref(.funcref): return 5
        case .ref(.externref): return 6
        }
    }
}
