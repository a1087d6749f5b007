import WasmBinary

extension Runtime {
    /// Instantiates `module`: resolves its imports, creates its functions, tables, memories and
    /// globals, applies its active segments in order and runs its start function.
    /// <https://webassembly.github.io/spec/core/exec/modules.html#instantiation>
    public func instantiate(_ compiled: CompiledModule, imports: Imports = Imports()) throws(InstantiationError) -> Instance {
        let module = compiled.module
        let context = compiled.context
        let storage = InstanceStorage(
            code: compiled.code, functionCount: context.functionTypeIndices.count, typeCount: module.types.count,
            globalCount: context.globals.count, tableCount: context.tables.count,
            dataCount: module.data.count, elementCount: module.elements.count)
        instances.append(storage)
        let state = storage.state
        // `CompiledModule` admits only plain function types (Translator.checkExecutable).
        for (index, type) in module.types.enumerated() { storage.typeIDs[index] = typeID(of: type.functionType ?? FunctionType()) }

        // Imports, in order, into each index space.
        var functionCount = 0
        for entry in module.imports {
            guard let value = imports.lookup(module: entry.module, name: entry.name) else {
                throw .unlinkable("unknown import \(entry.module).\(entry.name)")
            }
            switch (entry.descriptor, value) {
            case (.function(let typeIndex), .function(let function)):
                guard function.runtime === self, function.type == module.functionType(at: typeIndex) else {
                    throw .unlinkable("incompatible import type for \(entry.module).\(entry.name)")
                }
                storage.functionAddresses[functionCount] = function.address.rawValue
                functionCount += 1
            case (.table(let type), .table(let table)):
                guard table.type.elementType == type.elementType,
                      Self.limits(current: UInt64(table.size), maximum: table.type.limits.max, match: type.limits) else {
                    throw .unlinkable("incompatible import type for \(entry.module).\(entry.name)")
                }
                storage.tablePointers[storage.tables.count] = table.state
                storage.tables.append(table)
            case (.memory(let type), .memory(let memory)):
                guard Self.limits(current: UInt64(memory.pageCount), maximum: memory.type.limits.max, match: type.limits) else {
                    throw .unlinkable("incompatible import type for \(entry.module).\(entry.name)")
                }
                storage.memories.append(memory)
            case (.global(let type), .global(let global)):
                guard global.type == type else {
                    throw .unlinkable("incompatible import type for \(entry.module).\(entry.name)")
                }
                storage.globalPointers[storage.globals.count] = global.storage
                storage.globals.append(global)
            default:
                throw .unlinkable("incompatible import type for \(entry.module).\(entry.name)")
            }
        }

        // Functions defined by the module.
        let importedFunctions = functionCount
        for (index, typeIndex) in module.functionTypeIndices.enumerated() {
            let type = module.functionType(at: typeIndex) ?? FunctionType()  // validated: a function type
            let record = FunctionRecord(
                typeID: typeID(of: type), entry: compiled.code.base + compiled.code.entries[index],
                frameSlots: compiled.code.frameSlots[index],
                parameterSlots: type.parameters.reduce(0) { $0 + $1.slotWidth },
                resultSlots: type.results.reduce(0) { $0 + $1.slotWidth }, instance: state, hostIndex: -1)
            storage.functionAddresses[importedFunctions + index] = addFunction(record, type: type)
        }

        // Tables, memories and globals defined by the module.
        let importedTableCount = storage.tables.count
        for definition in module.tables {
            let type = definition.type
            guard type.limits.min <= UInt64(TableState.elementLimit) else {
                throw .resourceExhausted("table of \(type.limits.min) elements exceeds this engine's limit")
            }
            let table = Table(type: type, initialValue: 0)
            storage.tablePointers[storage.tables.count] = table.state
            storage.tables.append(table)
        }
        for type in module.memories {
            storage.memories.append(try Memory(type: type, reservation: configuration.memoryReservationBytes))
        }
        state.initialize(to: InstanceState(
            memory0: storage.memories.first?.state ?? emptyMemory, globals: storage.globalPointers,
            tables: storage.tablePointers, functions: storage.functionAddresses, typeIDs: storage.typeIDs,
            dataSegments: storage.dataSegments, elementSegments: storage.elementSegments, functionRecords: recordsCell))
        for global in module.globals {
            let value = evaluate(global.initializer, in: storage)
            let created = Global(type: global.type, slots: value)
            storage.globalPointers[storage.globals.count] = created.storage
            storage.globals.append(created)
        }
        // Tables with an initialiser (3.0) start filled with its value, once globals exist.
        for (index, definition) in module.tables.enumerated() {
            guard let initializer = definition.initializer else { continue }
            let value = evaluate(initializer, in: storage).0
            let table = storage.tablePointers[importedTableCount + index]
            table.pointee.elements.update(repeating: value, count: table.pointee.count)
        }

        // Exports.
        var exports: [(name: String, value: ExternalValue)] = []
        for export in module.exports {
            let value: ExternalValue
            switch export.descriptor {
            case .function(let index):
                value = .function(Function(runtime: self, address: storage.functionAddresses[Int(index)]))
            case .table(let index): value = .table(storage.tables[Int(index)])
            case .memory(let index): value = .memory(storage.memories[Int(index)])
            case .global(let index): value = .global(storage.globals[Int(index)])
            case .tag: continue  // `CompiledModule` admits no tags yet (Translator.checkExecutable).
            }
            exports.append((export.name, value))
        }

        // Segments: contents first, then the active ones applied in order.
        for (index, segment) in module.elements.enumerated() {
            let words = UnsafeMutablePointer<UInt64>.allocate(capacity: max(segment.initializers.count, 1))
            for (item, expression) in segment.initializers.enumerated() {
                words[item] = evaluate(expression, in: storage).0
            }
            storage.elementSegments[index] = SegmentState(words: words, bytes: nil, count: segment.initializers.count)
        }
        for (index, segment) in module.data.enumerated() {
            let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(segment.bytes.count, 1))
            bytes.initialize(from: segment.bytes, count: segment.bytes.count)
            storage.dataSegments[index] = SegmentState(words: nil, bytes: bytes, count: segment.bytes.count)
        }
        for (index, segment) in module.elements.enumerated() {
            switch segment.mode {
            case .active(let tableIndex, let offsetExpression):
                let offset = UInt64(UInt32(truncatingIfNeeded: evaluate(offsetExpression, in: storage).0))
                let table = storage.tablePointers[Int(tableIndex)]
                let count = UInt64(segment.initializers.count)
                guard table.pointee.contains(offset, count: count) else { throw .trap(Trap(.outOfBoundsTableAccess)) }
                if let words = storage.elementSegments[index].words, count > 0 {
                    (table.pointee.elements + Int(offset)).update(from: words, count: Int(count))
                }
                storage.elementSegments[index].count = 0
            case .declarative:
                storage.elementSegments[index].count = 0
            case .passive:
                break
            }
        }
        for (index, segment) in module.data.enumerated() {
            guard case .active(_, let offsetExpression) = segment.mode else { continue }
            let offset = UInt64(UInt32(truncatingIfNeeded: evaluate(offsetExpression, in: storage).0))
            let memory = state.pointee.memory0
            let count = UInt64(segment.bytes.count)
            guard memory.pointee.contains(offset, count: count) else { throw .trap(Trap(.outOfBoundsMemoryAccess)) }
            if count > 0 {
                (memory.pointee.base + Int(offset)).copyMemory(from: segment.bytes, byteCount: Int(count))
            }
            storage.dataSegments[index].count = 0
        }

        let instance = Instance(runtime: self, storage: storage, exports: exports)
        if let start = module.start {
            do {
                _ = try invoke(address: storage.functionAddresses[Int(start)], arguments: [])
            } catch let trap as Trap {
                throw .trap(trap)
            } catch {
                throw .trap(Trap(.hostError("\(error)")))
            }
        }
        return instance
    }

    /// Import matching for limits: the provided size and maximum must fit the declared limits.
    /// <https://webassembly.github.io/spec/core/valid/types.html#match-limits>
    static func limits(current: UInt64, maximum: UInt64?, match declared: Limits) -> Bool {
        guard current >= declared.min else { return false }
        guard let declaredMaximum = declared.max else { return true }
        guard let maximum else { return false }
        return maximum <= declaredMaximum
    }

    /// Evaluates a validated constant expression to its slots: constants, `ref.null`, `ref.func`,
    /// `global.get`, and the extended constants' `i32`/`i64` `add`, `sub` and `mul`, which wrap.
    func evaluate(_ expression: ConstantExpression, in storage: InstanceStorage) -> (UInt64, UInt64) {
        var stack: [(UInt64, UInt64)] = []
        stack.reserveCapacity(2)
        for instruction in expression.instructions {
            switch instruction {
            case .i32Const(let constant): stack.append((UInt64(UInt32(bitPattern: constant)), 0))
            case .i64Const(let constant): stack.append((UInt64(bitPattern: constant), 0))
            case .f32Const(let bits): stack.append((UInt64(bits), 0))
            case .f64Const(let bits): stack.append((bits, 0))
            case .v128Const(let vector): stack.append((vector.low, vector.high))
            case .refNull: stack.append((0, 0))
            case .refFunc(let index): stack.append((UInt64(storage.functionAddresses[Int(index)]) + 1, 0))
            case .globalGet(let index):
                let global = storage.globalPointers[Int(index)]
                stack.append((global[0], global[1]))
            case .numeric(let operation):
                // Validation admits only the six extended-constant operations, with two operands.
                guard stack.count >= 2 else { break }
                let b = stack.removeLast().0
                let a = stack.removeLast().0
                let result: UInt64
                switch operation {
                case .i32Add: result = UInt64(UInt32(truncatingIfNeeded: a) &+ UInt32(truncatingIfNeeded: b))
                case .i32Sub: result = UInt64(UInt32(truncatingIfNeeded: a) &- UInt32(truncatingIfNeeded: b))
                case .i32Mul: result = UInt64(UInt32(truncatingIfNeeded: a) &* UInt32(truncatingIfNeeded: b))
                case .i64Add: result = a &+ b
                case .i64Sub: result = a &- b
                case .i64Mul: result = a &* b
                default: result = 0
                }
                stack.append((result, 0))
            default: break
            }
        }
        return stack.last ?? (0, 0)
    }
}
