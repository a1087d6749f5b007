import WasmBinary

extension ModuleContext {
    /// The largest table size a 32-bit table may have, in elements.
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
        for entry in module.imports {
            switch entry.descriptor {
            case .function: break  // Checked with the index spaces.
            case .table(let type): try validate(type)
            case .memory(let type): try validate(type)
            case .global(let type): try validate(type.valueType)
            case .tag(let type): try validate(type)
            }
        }
        for table in module.tables {
            try validate(table.type)
            if let initializer = table.initializer {
                try validateConstant(initializer, type: .ref(table.type.elementType), visibleGlobals: importedGlobalCount)
            } else if !table.type.elementType.isNullable {
                throw ValidationError("type mismatch: a table of \(table.type.elementType) needs an initializer")
            }
        }
        for memory in module.memories { try validate(memory) }
        guard memories.count <= 1 || features.contains(.multipleMemories) else { throw ValidationError("multiple memories") }
        for tag in module.tags { try validate(tag) }
        for (position, global) in module.globals.enumerated() {
            try validate(global.type.valueType)
            try validateConstant(global.initializer, type: global.type.valueType, visibleGlobals: importedGlobalCount + position)
        }
        for element in module.elements { try validate(element) }
        for segment in module.data { try validate(segment) }
        if let start = module.start { try validateStart(start) }
        try validateExports(module.exports)
    }

    /// A table's element type is valid and its limits fit its address type.
    /// <https://webassembly.github.io/spec/core/valid/types.html#table-types>
    func validate(_ table: TableType) throws(ValidationError) {
        try validate(.ref(table.elementType))
        let range = table.addressType == .i64 ? UInt64.max : Self.maximumTableSize
        try Self.validate(table.limits, range: range, message: "table size must be at most \(table.addressType == .i64 ? "2^64-1" : "2^32-1")")
    }

    /// A memory's page size is 1 byte or 64 KiB, and its limits fit its address type: 4 GiB of
    /// 64 KiB pages (2^32 - 1 one-byte pages) for 32-bit memories, 2^48 64 KiB pages (2^64 - 1
    /// one-byte pages) for 64-bit ones.
    /// <https://webassembly.github.io/spec/core/valid/types.html#memory-types>
    func validate(_ memory: MemoryType) throws(ValidationError) {
        guard memory.pageSizeLog2 == 0 || memory.pageSizeLog2 == MemoryType.defaultPageSizeLog2 else {
            throw ValidationError("invalid custom page size: 2^\(memory.pageSizeLog2) bytes")
        }
        let largePages = memory.pageSizeLog2 == MemoryType.defaultPageSizeLog2
        let range: UInt64
        let message: String
        switch (memory.addressType, largePages) {
        case (.i32, true): (range, message) = (65_536, "memory size must be at most 65536 pages (4GiB)")
        case (.i32, false): (range, message) = (0xFFFF_FFFF, "memory size must be at most 2^32-1 bytes")
        case (.i64, true): (range, message) = (1 << 48, "memory size must be at most 2^48 pages")
        case (.i64, false): (range, message) = (UInt64.max, "memory size must be at most 2^64-1 bytes")
        }
        try Self.validate(memory.limits, range: range, message: message)
    }

    /// A tag's type is a function type without results.
    /// <https://webassembly.github.io/spec/core/valid/types.html#tag-types>
    func validate(_ tag: TagType) throws(ValidationError) {
        try Self.requireFunctionType(tag.typeIndex, in: storage.definedTypes)
        guard let type = type(at: tag.typeIndex), type.results.isEmpty else {
            throw ValidationError("non-empty tag result type: type \(tag.typeIndex)")
        }
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
    /// holds a supertype of it and its offset is a constant of the table's address type.
    /// <https://webassembly.github.io/spec/core/valid/modules.html#element-segments>
    func validate(_ element: ElementSegment) throws(ValidationError) {
        try validate(.ref(element.type))
        for item in element.initializers {
            try validateConstant(item, type: .ref(element.type), visibleGlobals: globals.count)
        }
        if case .active(let tableIndex, let offset) = element.mode {
            guard let table = tableType(at: tableIndex) else { throw ValidationError("unknown table \(tableIndex)") }
            guard isSubtype(.ref(element.type), of: .ref(table.elementType)) else {
                throw ValidationError("type mismatch: element segment of \(element.type) for a table of \(table.elementType)")
            }
            try validateConstant(offset, type: table.addressType.valueType, visibleGlobals: globals.count)
        }
    }

    /// An active data segment's memory exists and its offset is a constant of the memory's
    /// address type.
    /// <https://webassembly.github.io/spec/core/valid/modules.html#data-segments>
    func validate(_ segment: DataSegment) throws(ValidationError) {
        if case .active(let memoryIndex, let offset) = segment.mode {
            guard let memory = memoryType(at: memoryIndex) else { throw ValidationError("unknown memory \(memoryIndex)") }
            try validateConstant(offset, type: memory.addressType.valueType, visibleGlobals: globals.count)
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
        // ("\u{C5}" and "A\u{30A}" are different names, and so are "K" and the Kelvin sign
        // "\u{212A}"). Two ASCII names are equal strings exactly when their code points are, and
        // an ASCII name never equals one that is not: ASCII names, the usual case, go into a
        // set of strings (no array per name), the others into a set of code point sequences.
        var asciiNames = Set<String>()
        var otherNames = Set<[Unicode.Scalar]>()
        asciiNames.reserveCapacity(exports.count)
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
            case .tag(let index):
                guard Int(index) < tags.count else { throw ValidationError("unknown tag \(index)") }
            }
            let isASCII = export.name.utf8.allSatisfy { $0 < 0x80 }
            let inserted = isASCII ? asciiNames.insert(export.name).inserted
                : otherNames.insert(Array(export.name.unicodeScalars)).inserted
            guard inserted else {
                throw ValidationError("duplicate export name \"\(export.name)\"")
            }
        }
    }
}
