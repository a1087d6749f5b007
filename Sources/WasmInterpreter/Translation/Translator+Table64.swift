import WasmBinary

/// Table instructions on 64-bit tables: the operand layout of the 32-bit ones, with the handlers
/// of `Table64Handlers`, which take indices, offsets and counts as whole i64 slots. (`table.size`
/// is the same for both: a table holds far fewer than 2^32 elements here.)
extension Translator {
    /// True when table `index` has 64-bit indices.
    func isTable64(_ index: UInt32) -> Bool {
        Int(index) < context.tables.count && context.tables[Int(index)].addressType == .i64
    }

    /// Translates `instruction` when it uses a 64-bit table; false (nothing emitted) for anything else.
    mutating func translateTable64(_ instruction: Instruction) -> Bool {
        switch instruction {
        case .tableGet(let table) where isTable64(table):
            let index = popSlot()
            let destination = pushResult()
            code.emit(Table64Handlers.get, pack(index, 0, destination), UInt64(table))
        case .tableSet(let table) where isTable64(table):
            let (index, value) = popTwoSlots()
            code.emit(Table64Handlers.set, pack(index, value, 0), UInt64(table))
        case .tableGrow(let table) where isTable64(table):
            let (initial, count) = popTwoSlots()
            let destination = pushResult()
            code.emit(Table64Handlers.grow, pack(initial, count, destination), UInt64(table))
        case .tableFill(let table) where isTable64(table):
            let (start, value, count) = popThreeSlots()
            code.emit(Table64Handlers.fill, pack(start, value, count), UInt64(table))
        case .tableCopy(let target, let origin) where isTable64(target) || isTable64(origin):
            let (destination, source, count) = popThreeSlots()
            code.emit(Table64Handlers.copy(wideDestination: isTable64(target), wideSource: isTable64(origin)),
                      pack(destination, source, count), UInt64(target), UInt64(origin))
        case .tableInit(let element, let table) where isTable64(table):
            let (destination, source, count) = popThreeSlots()
            code.emit(Table64Handlers.initialize, pack(destination, source, count), UInt64(element), UInt64(table))
        case .callIndirect(let typeIndex, let table) where isTable64(table):
            let type = module.functionType(at: typeIndex) ?? FunctionType()  // validated: a function type
            let selector = popSlot()
            let argumentBase = materializeArguments(type.parameters.count)
            spillAccumulators()
            code.emit(Table64Handlers.callIndirect, pack(argumentBase, selector, 0), UInt64(typeIndex), UInt64(table))
            for result in type.results { push(result) }
        default:
            return false
        }
        return true
    }
}
