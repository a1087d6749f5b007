import WasmBinary

extension ModuleContext {
    /// The largest memory size 2.0 allows, in 64 KiB pages (4 GiB).
    static let maximumMemoryPages: UInt64 = 65536
    /// The largest table size 2.0 allows, in elements.
    static let maximumTableSize: UInt64 = 0xFFFF_FFFF

    /// Validates the rules that concern the module as a whole rather than a function body.
    /// <https://webassembly.github.io/spec/core/valid/modules.html#valid-module>
    func validateModuleRules(_ module: Module) throws(ValidationError) {
        guard module.codes.count == module.functionTypeIndices.count else {
            throw ValidationError("function and code section have inconsistent lengths")
        }
        if let dataCount, Int(dataCount) != module.data.count {
            throw ValidationError("data count and data section have inconsistent lengths")
        }
        for table in tables {
            try Self.validate(table.limits, range: Self.maximumTableSize, message: "table size must be at most 2^32-1")
        }
        for memory in memories {
            try Self.validate(memory.limits, range: Self.maximumMemoryPages, message: "memory size must be at most 65536 pages (4GiB)")
        }
        guard memories.count <= 1 else { throw ValidationError("multiple memories") }
        for global in module.globals {
            try validateConstant(global.initializer, type: global.type.valueType)
        }
        for element in module.elements { try validate(element) }
        for segment in module.data { try validate(segment) }
        if let start = module.start { try validateStart(start) }
        try validateExports(module.exports)
    }

    /// Limits are valid when both bounds are within `range` and the minimum is not above the maximum.
    /// <https://webassembly.github.io/spec/core/valid/types.html#limits>
    static func validate(_ limits: Limits, range: UInt64, message: String) throws(ValidationError) {
        guard limits.min <= range else { throw ValidationError(message) }
        guard let max = limits.max else { return }
        guard max <= range else { throw ValidationError(message) }
        guard limits.min <= max else { throw ValidationError("size minimum must not be greater than maximum") }
    }

    /// An element segment's items are constant references of its type; an active segment's table
    /// holds that type and its offset is a constant `i32`.
    /// <https://webassembly.github.io/spec/core/valid/modules.html#element-segments>
    func validate(_ element: ElementSegment) throws(ValidationError) {
        for item in element.initializers {
            try validateConstant(item, type: .ref(element.type))
        }
        if case .active(let tableIndex, let offset) = element.mode {
            guard let table = tableType(at: tableIndex) else { throw ValidationError("unknown table \(tableIndex)") }
            guard table.elementType == element.type else {
                throw ValidationError("type mismatch: element segment of \(element.type) for a table of \(table.elementType)")
            }
            try validateConstant(offset, type: .i32)
        }
    }

    /// An active data segment's memory exists and its offset is a constant `i32`.
    /// <https://webassembly.github.io/spec/core/valid/modules.html#data-segments>
    func validate(_ segment: DataSegment) throws(ValidationError) {
        if case .active(let memoryIndex, let offset) = segment.mode {
            guard memoryType(at: memoryIndex) != nil else { throw ValidationError("unknown memory \(memoryIndex)") }
            try validateConstant(offset, type: .i32)
        }
    }

    /// The start function exists and has type `[] -> []`.
    /// <https://webassembly.github.io/spec/core/valid/modules.html#start-function>
    func validateStart(_ functionIndex: UInt32) throws(ValidationError) {
        guard let type = functionType(at: functionIndex) else { throw ValidationError("unknown function \(functionIndex)") }
        guard type.parameters.isEmpty, type.results.isEmpty else {
            throw ValidationError("start function must have type [] -> [], not \(type)")
        }
    }

    /// Every export names an existing entity, and no two exports share a name.
    /// <https://webassembly.github.io/spec/core/valid/modules.html#exports>
    func validateExports(_ exports: [Export]) throws(ValidationError) {
        // Names are compared as code point sequences, not by Swift's canonical equivalence
        // ("\u{C5}" and "A\u{30A}" are different names).
        var names = Set<[Unicode.Scalar]>()
        names.reserveCapacity(exports.count)
        for export in exports {
            switch export.descriptor {
            case .function(let index):
                guard functionType(at: index) != nil else { throw ValidationError("unknown function \(index)") }
            case .table(let index):
                guard tableType(at: index) != nil else { throw ValidationError("unknown table \(index)") }
            case .memory(let index):
                guard memoryType(at: index) != nil else { throw ValidationError("unknown memory \(index)") }
            case .global(let index):
                guard globalType(at: index) != nil else { throw ValidationError("unknown global \(index)") }
            }
            guard names.insert(Array(export.name.unicodeScalars)).inserted else {
                throw ValidationError("duplicate export name \"\(export.name)\"")
            }
        }
    }
}
