import WasmBinary

/// What of WebAssembly 3.0 the interpreter cannot run yet: the decoder, validator and text format
/// accept these, and compiling a module that uses one ends in `CompileError.unsupported` naming it.
/// Everything the interpreter is not ready for is listed here, so that executing it is one list to
/// empty.
extension Translator {
    /// The error for an instruction the interpreter does not execute yet.
    static func notExecutableYet(_ instruction: Instruction) -> CompileError {
        let name: String
        switch instruction {
        case .returnCall: name = "return_call"
        case .returnCallIndirect: name = "return_call_indirect"
        case .callRef: name = "call_ref"
        case .returnCallRef: name = "return_call_ref"
        case .brOnNull: name = "br_on_null"
        case .brOnNonNull: name = "br_on_non_null"
        case .refAsNonNull: name = "ref.as_non_null"
        case .throw: name = "throw"
        case .throwRef: name = "throw_ref"
        case .tryTable: name = "try_table"
        case .try: name = "try"
        case .catch: name = "catch"
        case .catchAll: name = "catch_all"
        case .delegate: name = "delegate"
        case .rethrow: name = "rethrow"
        case .wideArithmetic(let operation): name = operation.name
        case .relaxedSIMD(let operation): name = operation.name
        default: name = "\(instruction)"
        }
        return .unsupported("\(name) is not executable yet")
    }

    /// Rejects a module whose entities the runtime cannot represent yet: several or 64-bit
    /// memories, other page sizes, 64-bit tables, tags, recursive or sub types, and concrete
    /// reference types in signatures, tables and globals (which need canonical type identities
    /// across modules to link and to check `call_indirect`).
    static func checkExecutable(_ module: Module) throws(CompileError) {
        var memories = module.memories
        var tables = module.tables.map(\.type)
        var globals = module.globals.map(\.type)
        var hasTags = !module.tags.isEmpty
        for entry in module.imports {
            switch entry.descriptor {
            case .function: break
            case .table(let type): tables.append(type)
            case .memory(let type): memories.append(type)
            case .global(let type): globals.append(type)
            case .tag: hasTags = true
            }
        }
        if memories.count > 1 { throw .unsupported("multiple memories are not executable yet") }
        if memories.contains(where: { $0.addressType == .i64 }) { throw .unsupported("64-bit memories are not executable yet") }
        if memories.contains(where: { $0.pageSizeLog2 != MemoryType.defaultPageSizeLog2 }) {
            throw .unsupported("custom page sizes are not executable yet")
        }
        if tables.contains(where: { $0.addressType == .i64 }) { throw .unsupported("64-bit tables are not executable yet") }
        if hasTags { throw .unsupported("exception tags are not executable yet") }
        for (index, type) in module.types.enumerated() {
            guard type.isPlain, let function = type.functionType else {
                throw .unsupported("type \(index): recursive and sub types are not executable yet")
            }
            if (function.parameters + function.results).contains(where: \.hasConcreteHeapType) {
                throw .unsupported("type \(index): typed function references in signatures are not executable yet")
            }
        }
        if tables.contains(where: { ValueType.ref($0.elementType).hasConcreteHeapType }) {
            throw .unsupported("tables of typed function references are not executable yet")
        }
        if globals.contains(where: \.valueType.hasConcreteHeapType) {
            throw .unsupported("globals of typed function references are not executable yet")
        }
    }
}

extension ValueType {
    /// True for a reference to a type index.
    var hasConcreteHeapType: Bool {
        if case .ref(let reference) = self, case .concrete = reference.heapType { return true }
        return false
    }
}
