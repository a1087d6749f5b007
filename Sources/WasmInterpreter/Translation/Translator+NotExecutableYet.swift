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
        case .wideArithmetic(let operation): name = operation.name
        case .relaxedSIMD(let operation): name = operation.name
        default: name = "\(instruction)"
        }
        return .unsupported("\(name) is not executable yet")
    }

    /// Rejects a module whose entities the runtime cannot represent yet: several or 64-bit
    /// memories, other page sizes, 64-bit tables.
    static func checkExecutable(_ module: Module) throws(CompileError) {
        var memories = module.memories
        var tables = module.tables.map(\.type)
        for entry in module.imports {
            switch entry.descriptor {
            case .function, .global, .tag: break
            case .table(let type): tables.append(type)
            case .memory(let type): memories.append(type)
            }
        }
        if memories.count > 1 { throw .unsupported("multiple memories are not executable yet") }
        if memories.contains(where: { $0.addressType == .i64 }) { throw .unsupported("64-bit memories are not executable yet") }
        if memories.contains(where: { $0.pageSizeLog2 != MemoryType.defaultPageSizeLog2 }) {
            throw .unsupported("custom page sizes are not executable yet")
        }
        if tables.contains(where: { $0.addressType == .i64 }) { throw .unsupported("64-bit tables are not executable yet") }
    }
}
