import WasmBinary

extension Translator {
    /// Emits code for one validated instruction.
    mutating func translate(_ instruction: Instruction) throws(CompileError) {
        // The last result, comparison and addition stay fusable while nothing is emitted after them
        // (their users check that, and that the operand is still theirs): in
        // `(i32.store (i32.add a b) (local.get v))` the store fuses with the addition. Control
        // instructions end that (an `if` may still fuse its condition first): a label may bring
        // other values to the same slots.
        switch instruction {
        case .block(let type): enterBlock(.block, type); forgetPendingFusions(); return
        case .loop(let type): enterBlock(.loop, type); forgetPendingFusions(); return
        case .if(let type): enterBlock(.if, type); forgetPendingFusions(); return
        case .else: translateElse(); forgetPendingFusions(); return
        case .end: closeTryTable(); translateEnd(); forgetPendingFusions(); return
        case .tryTable(let type, let clauses): translateTryTable(type, clauses); forgetPendingFusions(); return
        case .try(let type): translateTry(type); forgetPendingFusions(); return
        case .catch(let tag): translateCatch(tag: tag); forgetPendingFusions(); return
        case .catchAll: translateCatch(tag: nil); forgetPendingFusions(); return
        case .delegate(let depth): translateDelegate(depth); forgetPendingFusions(); return
        default: break
        }
        guard !isDead else { return }
        chargeFuel(for: instruction)
        let bulkCharge = chargeFuelForBulkWork(instruction)
        defer { if let bulkCharge { emitBulkCharge(bulkCharge) } }
        // Memories other than the registers' one, and 64-bit tables (Translator+MultiMemory, +Table64).
        if hasIndexedMemoryOrTable64, translateIndexedMemory(instruction) || translateTable64(instruction) { return }
        switch instruction {
        case .block, .loop, .if, .else, .end, .tryTable, .try, .catch, .catchAll, .delegate:
            break  // Handled above.
        case .returnCall(let index):
            translateReturnCall(index)
        case .returnCallIndirect(let typeIndex, let tableIndex):
            translateReturnCallIndirect(typeIndex: typeIndex, tableIndex: tableIndex)
        case .callRef(let typeIndex):
            translateCallReference(typeIndex: typeIndex)
        case .returnCallRef(let typeIndex):
            translateReturnCallReference(typeIndex: typeIndex)
        case .brOnNull(let depth):
            translateBranchOnNull(depth: depth)
        case .brOnNonNull(let depth):
            translateBranchOnNonNull(depth: depth)
        case .refAsNonNull:
            emitUnary(Handlers.refAsNonNull)
        case .throw(let tag):
            translateThrow(tag)
        case .throwRef:
            translateThrowReference()
        case .rethrow(let depth):
            translateRethrow(depth)
        case .unreachable:
            code.emit(Handlers.unreachable)
            markDead()
        case .nop:
            break
        case .br(let depth):
            translateBranch(depth: depth)
        case .brIf(let depth):
            translateBranchIf(depth: depth)
        case .brTable(let table):
            translateBranchTable(table)
        case .return:
            emitReturn(endingPath: true)
            markDead()
        case .call(let index):
            translateCall(index)
        case .callIndirect(let typeIndex, let tableIndex):
            translateCallIndirect(typeIndex: typeIndex, tableIndex: tableIndex)
        case .refNull:
            push(validator.operandType(atDepth: 0) ?? .funcref, .constant(0, 0))
        case .refIsNull:
            emitUnary(Handlers.refIsNull)
        case .refFunc(let index):
            let destination = pushResult()
            code.emit(Handlers.refFunc, pack(0, 0, destination), UInt64(index))
        case .drop:
            pop()
        case .select, .typedSelect:
            // A condition just computed into the accumulator (a comparison) is read there.
            let wideValues = operands.count >= 2 && operands[operands.count - 2].type == .v128
            let conditionInAccumulator = !wideValues && location(of: operands.count - 1) == .accumulator
            let condition = conditionInAccumulator ? 0 : readSlot(of: operands.count - 1)
            pop()
            if translateSelectOfConstants(condition: condition, conditionInAccumulator: conditionInAccumulator) { break }
            let (a, b) = popTwoSlots()
            let destination = pushResult()
            let wide = operands[operands.count - 1].type == .v128
            let start = code.position
            let handler = wide ? Handlers.select128 : conditionInAccumulator ? Handlers.selectOnAccumulator : Handlers.select
            code.emit(handler, pack(a, b, destination), UInt64(condition))
            // `select` reads its operands before it writes: a `local.set` after it retargets it.
            if !wide { noteResult(destination, start: start) }
        case .localGet(let index):
            let slot = localSlotIndex[Int(index)]
            push(localTypes[Int(index)], .local(slot))
        case .localSet(let index):
            let slot = localSlotIndex[Int(index)]
            let value = operands[operands.count - 1]
            pop()
            storeLocal(value, slot: slot)
        case .localTee(let index):
            let slot = localSlotIndex[Int(index)]
            let value = operands[operands.count - 1]
            if value.source == .accumulator, let kind = value.type.accumulatorKind { setAccumulatorHolder(kind, nil) }
            if value.source != .local(slot) {
                storeLocal(value, slot: slot)
                // A value read from another local is still read from there: the copy into this
                // one is then off the path of what uses the value (`local.get 2; local.tee 3;
                // i32.load8_u`: the load's address would wait for the copy's store).
                switch value.source {
                case .constant, .local: break
                default: operands[operands.count - 1].source = .local(slot)
                }
            }
        case .globalGet(let index):
            if let type = validator.operandType(atDepth: 0), type == .i32 || type == .i64 {
                // Into the accumulator (C's stack pointer, about to be adjusted).
                emitToAccumulator(Handlers.globalGetAccumulator, slotTwin: Handlers.globalGet, dualTwin: Handlers.globalGetSlotAndAccumulator,
                                  type: type, first: 0, second: 0, extra: UInt64(index))
                break
            }
            let destination = pushResult()
            let wide = operands[operands.count - 1].type == .v128
            let start = code.position
            code.emit(wide ? Handlers.globalGet128 : Handlers.globalGet, pack(0, 0, destination), UInt64(index))
            if !wide { noteResult(destination, start: start) }
        case .globalSet(let index):
            let wide = operands[operands.count - 1].type == .v128
            if operands[operands.count - 1].type.accumulatorKind == .integer, location(of: operands.count - 1) == .accumulator {
                // A value just computed (or a local the accumulator mirrors) is stored from the register.
                pop()
                code.emit(Handlers.globalSetAccumulator, pack(0, 0, 0), UInt64(index))
                break
            }
            let source = popSlot()
            code.emit(wide ? Handlers.globalSet128 : Handlers.globalSet, pack(source, 0, 0), UInt64(index))
        case .tableGet(let table):
            let index = popSlot()
            let destination = pushResult()
            code.emit(Handlers.tableGet, pack(index, 0, destination), UInt64(table))
        case .tableSet(let table):
            let (index, value) = popTwoSlots()
            code.emit(Handlers.tableSet, pack(index, value, 0), UInt64(table))
        case .tableSize(let table):
            let destination = pushResult()
            code.emit(Handlers.tableSize, pack(0, 0, destination), UInt64(table))
        case .tableGrow(let table):
            let (initial, count) = popTwoSlots()
            let destination = pushResult()
            code.emit(Handlers.tableGrow, pack(initial, count, destination), UInt64(table))
        case .tableFill(let table):
            let (start, value, count) = popThreeSlots()
            code.emit(Handlers.tableFill, pack(start, value, count), UInt64(table))
        case .tableCopy(let destinationTable, let sourceTable):
            let (destination, source, count) = popThreeSlots()
            code.emit(Handlers.tableCopy, pack(destination, source, count), UInt64(destinationTable), UInt64(sourceTable))
        case .tableInit(let element, let table):
            let (destination, source, count) = popThreeSlots()
            code.emit(Handlers.tableInit, pack(destination, source, count), UInt64(element), UInt64(table))
        case .elemDrop(let element):
            code.emit(Handlers.elementDrop, UInt64(element))
        case .load(let operation, let argument):
            translateLoad(operation, endOffset: min(argument.offset, 1 << 32) + UInt64(operation.byteWidth))  // larger offsets always trap; this one does too
        case .store(let operation, let argument):
            translateStore(operation, endOffset: min(argument.offset, 1 << 32) + UInt64(operation.byteWidth))
        case .memorySize:
            let destination = pushResult()
            code.emit(Handlers.memorySize, pack(0, 0, destination))
        case .memoryGrow:
            let count = popSlot()
            let destination = pushResult()
            code.emit(Handlers.memoryGrow, pack(count, 0, destination))
        case .memoryInit(let segment, _):
            let (destination, source, count) = popThreeSlots()
            code.emit(Handlers.memoryInit, pack(destination, source, count), UInt64(segment))
        case .dataDrop(let segment):
            code.emit(Handlers.dataDrop, UInt64(segment))
        case .memoryCopy:
            let (destination, source, count) = popThreeSlots()
            code.emit(Handlers.memoryCopy, pack(destination, source, count))
        case .memoryFill:
            let (destination, value, count) = popThreeSlots()
            code.emit(Handlers.memoryFill, pack(destination, value, count))
        case .i32Const(let value):
            push(.i32, .constant(UInt64(UInt32(bitPattern: value)), 0))
        case .i64Const(let value):
            push(.i64, .constant(UInt64(bitPattern: value), 0))
        case .f32Const(let bits):
            push(.f32, .constant(UInt64(bits), 0))
        case .f64Const(let bits):
            push(.f64, .constant(bits, 0))
        case .numeric(let operation):
            translateNumeric(operation)
        case .v128Const, .i8x16Shuffle, .simdMemory, .simdMemoryLane, .simdLane, .simd:
            try translateSIMD(instruction)
        case .relaxedSIMD(let operation):
            try translateRelaxedSIMD(operation)
        case .wideArithmetic(let operation):
            translateWideArithmetic(operation)
        }
    }

    /// `select` of a constant and a value, or of two constants (`c ? 10 : 32` in C), with the
    /// constants in the code instead of const instructions writing them into slots first.
    /// Operands: (first, second, destination), the condition's slot, then the constants.
    /// False (nothing done) when neither value is a scalar constant.
    mutating func translateSelectOfConstants(condition: Int, conditionInAccumulator: Bool) -> Bool {
        let first = operands[operands.count - 2], second = operands[operands.count - 1]
        let firstConstant = constantBits(of: first), secondConstant = constantBits(of: second)
        guard first.type != .v128, firstConstant != nil || secondConstant != nil else { return false }
        let a = firstConstant == nil ? readSlot(of: operands.count - 2) : 0
        let b = secondConstant == nil ? readSlot(of: operands.count - 1) : 0
        pop()
        pop()
        let destination = pushResult()
        let start = code.position
        let onAccumulator = conditionInAccumulator
        switch (firstConstant, secondConstant) {
        case let (x?, y?):
            code.emit(onAccumulator ? Handlers.selectConstantsOnAccumulator : Handlers.selectConstants, pack(0, 0, destination), UInt64(condition), x, y)
        case let (x?, nil):
            code.emit(onAccumulator ? Handlers.selectConstantFirstOnAccumulator : Handlers.selectConstantFirst, pack(0, b, destination), UInt64(condition), x)
        case let (nil, y?):
            code.emit(onAccumulator ? Handlers.selectConstantSecondOnAccumulator : Handlers.selectConstantSecond, pack(a, 0, destination), UInt64(condition), y)
        case (nil, nil): return false  // excluded above
        }
        noteResult(destination, start: start)
        return true
    }

    /// The bits of a pending constant operand, nil for any other.
    func constantBits(of operand: Operand) -> UInt64? {
        if case .constant(let low, _) = operand.source { return low }
        return nil
    }

    mutating func forgetPendingFusions() {
        (lastResult, lastComparison, lastAddition, lastShift) = (nil, nil, nil, nil)
    }

    /// Writes `value` into a local's slot, keeping earlier reads of the local intact.
    /// (`value` is off the stack, or about to be rebound to the local by `local.tee`.)
    mutating func storeLocal(_ value: Operand, slot: Int) {
        forgetMirrors(ofLocal: slot)
        let hasReaders = operands.contains { $0.source == .local(slot) }
        let producedLast = lastResult.map { $0.slot == value.slot && $0.end == code.position } ?? false
        if value.source == .accumulator {
            if storeAccumulatorResult(value, toLocal: slot, producedLast: producedLast, hasReaders: hasReaders) { return }
            redirectProducer(of: value, to: value.slot)
            var spilled = value
            spilled.source = .temporary
            materializeReaders(ofLocal: slot)
            emitMove(spilled, to: slot)
            return
        }
        if value.source == .temporary, producedLast, var last = lastResult {
            // The instruction that produced the value writes straight into the local (after the
            // local's old value is saved for the operands that still read it).
            if hasReaders { last = saveReaders(ofLocal: slot, before: last) }
            code.set(last.operandPosition, (code.words[last.operandPosition] & OperandPacking.sourceFields) | UInt64(slot) << OperandPacking.destinationShift)
            return
        }
        materializeReaders(ofLocal: slot)
        emitMove(value, to: slot)
    }

    /// Writes the operands still reading the local in `slot` into their own slots *before* the
    /// last instruction (`last`, the producer of the local's new value), by taking that
    /// instruction out and putting it back after the copies; returns where it now is. (Copying
    /// after it would leave it writing a temporary and add a copy of that into the local.) The
    /// producer reads no operand's slot that the copies write: those operands read the local.
    /// Pending fusions are forgotten: their positions moved.
    mutating func saveReaders(ofLocal slot: Int, before last: (slot: Int, operandPosition: Int, end: Int)) -> (slot: Int, operandPosition: Int, end: Int) {
        let start = last.operandPosition - 1
        var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        let count = last.end - start
        guard count <= 8 else {
            materializeReaders(ofLocal: slot)
            return last
        }
        withUnsafeMutableBytes(of: &words) { buffer in
            for index in 0..<count { buffer.storeBytes(of: code.words[start + index], toByteOffset: index * 8, as: UInt64.self) }
        }
        code.truncate(to: start)
        materializeReaders(ofLocal: slot)
        let moved = code.position
        withUnsafeBytes(of: &words) { buffer in
            code.emit(buffer.load(fromByteOffset: 0, as: UInt64.self))
            for index in 1..<count { code.append(buffer.load(fromByteOffset: index * 8, as: UInt64.self)) }
        }
        (lastComparison, lastAddition, lastShift) = (nil, nil, nil)
        lastResult = (slot: last.slot, operandPosition: moved + 1, end: code.position)
        return lastResult ?? last
    }

    /// Remembers that the instruction starting at `start` wrote its result to `slot` (packed in its first operand word).
    mutating func noteResult(_ slot: Int, start: Int) {
        lastResult = (slot: slot, operandPosition: start + 1, end: code.position)
    }

    mutating func popThreeSlots() -> (Int, Int, Int) {
        let c = readSlot(of: operands.count - 1)
        let b = readSlot(of: operands.count - 2)
        let a = readSlot(of: operands.count - 3)
        pop()
        pop()
        pop()
        return (a, b, c)
    }

    mutating func emitUnary(_ handler: UInt64) {
        let source = popSlot()
        let destination = pushResult()
        let start = code.position
        code.emit(handler, pack(source, 0, destination))
        noteResult(destination, start: start)
    }

    /// Writes the top `count` operands into their own slots, pops them, and returns the first one's slot.
    mutating func materializeArguments(_ count: Int) -> Int {
        materializeTop(count)
        let base = count > 0 ? operands[operands.count - count].slot : nextSlot
        operands.removeLast(count)
        return base
    }
}
