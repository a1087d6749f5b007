import WasmBinary

extension Runtime {
    /// Instantiates `module`: resolves its imports, creates its functions, tables, memories and
    /// globals, applies its active segments in order and runs its start function.
    /// <https://webassembly.github.io/spec/core/exec/modules.html#instantiation>
    public func instantiate(_ compiled: CompiledModule, imports: Imports = Imports()) throws(InstantiationError) -> Instance {
        let module = compiled.module
        let context = compiled.context
        // Resource limits: what the instance defines must fit before anything is created.
        try limiter.checkInstantiation(
            memoryBytes: module.memories.reduce(0) { total, type in
                // At most 2^48 bytes each (a larger minimum fails when the memory is made); the sum saturates.
                let bytes = Int(min(type.limits.min, UInt64(type.enginePageLimit))) << Int(type.pageSizeLog2)
                let (sum, overflow) = total.addingReportingOverflow(bytes)
                return overflow ? .max : sum
            },
            memories: module.memories.count,
            tableElements: module.tables.reduce(0) { $0 + Int(min($1.type.limits.min, 0xFFFF_FFFF)) },
            tables: module.tables.count)
        limiter.recordInstance()
        let storage = InstanceStorage(
            code: compiled.code, functionCount: context.functionTypeIndices.count, typeCount: module.types.count,
            globalCount: context.globals.count, tableCount: context.tables.count, memoryCount: context.memories.count,
            dataCount: module.data.count, elementCount: module.elements.count)
        instances.append(storage)
        let state = storage.state
        storageByState[state] = storage
        let typeIDs = canonicalTypes.ids(of: module.types)
        for (index, id) in typeIDs.enumerated() { storage.typeIDs[index] = id }

        // Imports, in order, into each index space.
        var functionCount = 0
        for entry in module.imports {
            guard let value = imports.lookup(module: entry.module, name: entry.name) else {
                throw .unlinkable("unknown import \(entry.module).\(entry.name)")
            }
            switch (entry.descriptor, value) {
            case (.function(let typeIndex), .function(let function)):
                guard function.runtime === self, matches(function, typeID: typeIDs[Int(typeIndex)]) else {
                    throw .unlinkable("incompatible import type for \(entry.module).\(entry.name)")
                }
                storage.functionAddresses[functionCount] = function.address.rawValue
                functionCount += 1
            case (.table(let type), .table(let table)):
                guard matches(table, type, typeIDs: typeIDs),
                      Self.limits(current: UInt64(table.size), maximum: table.type.limits.max, match: type.limits) else {
                    throw .unlinkable("incompatible import type for \(entry.module).\(entry.name)")
                }
                storage.tablePointers[storage.tables.count] = table.state
                storage.tables.append(table)
            case (.memory(let type), .memory(let memory)):
                guard memory.type.addressType == type.addressType, memory.type.pageSizeLog2 == type.pageSizeLog2,
                      Self.limits(current: UInt64(memory.pageCount), maximum: memory.type.limits.max, match: type.limits) else {
                    throw .unlinkable("incompatible import type for \(entry.module).\(entry.name)")
                }
                storage.memoryPointers[storage.memories.count] = memory.state
                storage.memories.append(memory)
            case (.global(let type), .global(let global)):
                guard matches(global, type, typeIDs: typeIDs) else {
                    throw .unlinkable("incompatible import type for \(entry.module).\(entry.name)")
                }
                storage.globalPointers[storage.globals.count] = global.storage
                storage.globals.append(global)
            case (.tag(let type), .tag(let tag)):
                guard tag.runtimeIdentifier == ObjectIdentifier(self), tag.typeID == typeIDs[Int(type.typeIndex)] else {
                    throw .unlinkable("incompatible import type for \(entry.module).\(entry.name)")
                }
                storage.tags.append(tag)
            default:
                throw .unlinkable("incompatible import type for \(entry.module).\(entry.name)")
            }
        }

        // Functions defined by the module.
        let importedFunctions = functionCount
        for (index, typeIndex) in module.functionTypeIndices.enumerated() {
            let type = module.functionType(at: typeIndex) ?? FunctionType()  // validated: a function type
            let record = FunctionRecord(
                typeID: typeIDs[Int(typeIndex)], entry: compiled.code.base + compiled.code.entries[index],
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
            let table = try Table(type: type, initialValue: 0, limiter: limiter)
            table.canonicalElementType = ValueType.ref(type.elementType).canonical(typeIDs).referenceType ?? type.elementType
            adopt(table)
            storage.tablePointers[storage.tables.count] = table.state
            storage.tables.append(table)
        }
        for tag in module.tags {
            let type = module.functionType(at: tag.typeIndex) ?? FunctionType()  // validated: a function type
            storage.tags.append(ExceptionTag(type: type, typeID: typeIDs[Int(tag.typeIndex)], runtime: self))
        }
        for type in module.memories {
            let memory = try Memory(type: type, reservation: configuration.memoryReservationBytes, limiter: limiter)
            storage.memoryPointers[storage.memories.count] = memory.state
            storage.memories.append(memory)
        }
        state.initialize(to: InstanceState(
            memory0: storage.memories.first?.state ?? emptyMemory, globals: storage.globalPointers,
            tables: storage.tablePointers, functions: storage.functionAddresses, typeIDs: storage.typeIDs,
            dataSegments: storage.dataSegments, elementSegments: storage.elementSegments, functionRecords: recordsCell,
            memories: storage.memoryPointers))
        for global in module.globals {
            let value = evaluate(global.initializer, in: storage)
            let created = Global(type: global.type, slots: value)
            created.canonicalValueType = global.type.valueType.canonical(typeIDs)
            adopt(created)
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
            case .tag(let index): value = .tag(storage.tags[Int(index)])
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
                let offset = address(evaluate(offsetExpression, in: storage).0, storage.tables[Int(tableIndex)].type.addressType)
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
            guard case .active(let memoryIndex, let offsetExpression) = segment.mode else { continue }
            let offset = address(evaluate(offsetExpression, in: storage).0, storage.memories[Int(memoryIndex)].type.addressType)
            let memory = storage.memoryPointers[Int(memoryIndex)]
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
            } catch let exception as WasmException {
                throw .uncaughtException(exception)
            } catch {
                throw .trap(Trap(.hostError("\(error)")))
            }
        }
        return instance
    }

    /// A constant offset's bits as an address of `type` (an i32's upper bits are not part of it).
    func address(_ bits: UInt64, _ type: AddressType) -> UInt64 {
        type == .i64 ? bits : UInt64(UInt32(truncatingIfNeeded: bits))
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
        if let instruction = expression.singleInstruction { return value(of: instruction, in: storage) ?? (0, 0) }
        var stack: [(UInt64, UInt64)] = []
        stack.reserveCapacity(2)
        for instruction in expression.instructions {
            if let value = self.value(of: instruction, in: storage) {
                stack.append(value)
            } else if case .numeric(let operation) = instruction {
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
            }
        }
        return stack.last ?? (0, 0)
    }

    /// The slots a constant instruction produces, or nil for one that produces nothing.
    func value(of instruction: Instruction, in storage: InstanceStorage) -> (UInt64, UInt64)? {
        switch instruction {
        case .i32Const(let constant): return (UInt64(UInt32(bitPattern: constant)), 0)
        case .i64Const(let constant): return (UInt64(bitPattern: constant), 0)
        case .f32Const(let bits): return (UInt64(bits), 0)
        case .f64Const(let bits): return (bits, 0)
        case .v128Const(let vector): return (vector.low, vector.high)
        case .refNull: return (0, 0)
        case .refFunc(let index): return (UInt64(storage.functionAddresses[Int(index)]) + 1, 0)
        case .globalGet(let index):
            let global = storage.globalPointers[Int(index)]
            return (global[0], global[1])
        default: return nil
        }
    }
}
