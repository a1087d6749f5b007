import WasmBinary

/// Numeric instructions: each operand is read where it is (a slot, the code for a constant, an
/// accumulator), and the result goes to the accumulator when the operation has such a form.
extension Translator {
    mutating func translateNumeric(_ operation: NumericOperation) {
        if operation.arity == 1 {
            translateUnary(operation)
        } else {
            translateBinary(operation)
        }
    }

    /// The handler for `operation` with its operands at `first` and `second` and its result in a slot.
    static func slotResultHandler(_ operation: NumericOperation, _ first: OperandLocation, _ second: OperandLocation, unary: Bool) -> UInt64? {
        switch (first, second) {
        case (.slot, .slot): return NumericHandlers.handler(operation)
        case (.slot, .immediate) where !unary: return NumericHandlers.immediateHandler(operation)
        default: return AccumulatorHandlers.handler(operation, first, second, .slot)
        }
    }

    mutating func translateUnary(_ operation: NumericOperation) {
        let index = operands.count - 1
        var location = location(of: index)
        if location == .immediate { location = .slot }
        if location == .accumulator, Self.slotResultHandler(operation, .accumulator, .slot, unary: true) == nil { location = .slot }
        let source = location == .slot ? readSlot(of: index) : 0
        pop()
        let start: Int
        if let toAccumulator = AccumulatorHandlers.handler(operation, location, .slot, .accumulator),
           let twin = Self.slotResultHandler(operation, location, .slot, unary: true) {
            start = emitToAccumulator(toAccumulator, slotTwin: twin,
                                      dualTwin: AccumulatorHandlers.handler(operation, location, .slot, .slotAndAccumulator),
                                      type: operation.resultType, first: source, second: 0, extra: nil)
        } else {
            let handler = Self.slotResultHandler(operation, location, .slot, unary: true) ?? NumericHandlers.handler(operation)
            let destination = pushResult()
            start = code.position
            code.emit(handler, pack(source, 0, destination))
            noteResult(destination, start: start)
        }
        // `eqz` is an equality with 0: a following branch can test it itself.
        if operation == .i32Eqz || operation == .i64Eqz {
            noteComparison(operation == .i32Eqz ? .i32Eq : .i64Eq, start: start, location, source, .immediate, 0)
        }
    }

    mutating func translateBinary(_ operation: NumericOperation) {
        // `base + (i << k)` just computed: the addition may become a memory access's scaled address.
        let scaled = operation == .i32Add ? scaledIndex() : nil
        var operation = operation
        var (firstIndex, secondIndex) = (operands.count - 2, operands.count - 1)
        var (first, second) = (location(of: firstIndex), location(of: secondIndex))
        // Operands swapped (the operation mirrored) when that puts a constant second or an
        // accumulator first, the forms handlers have.
        if let mirrored = operation.withOperandsSwapped,
           (first == .immediate && second != .immediate) || (second == .accumulator && first == .slot) {
            operation = mirrored
            swap(&firstIndex, &secondIndex)
            swap(&first, &second)
        }
        // Where no handler takes the operands where they are, they go to slots (the first
        // demotion that finds a handler wins; usually the first look finds one).
        if first == .immediate, second == .immediate { first = .slot }
        var handler = Self.slotResultHandler(operation, first, second, unary: false)
        if handler == nil, first == .immediate {
            // c − x with x in the accumulator but no such form: x goes to its slot, else c does.
            if second != .slot, let found = Self.slotResultHandler(operation, .immediate, .slot, unary: false) {
                (second, handler) = (.slot, found)
            } else {
                first = .slot
                handler = Self.slotResultHandler(operation, first, second, unary: false)
            }
        }
        if handler == nil, first == .accumulator {
            first = .slot
            handler = Self.slotResultHandler(operation, first, second, unary: false)
        }
        if handler == nil, second == .accumulator {
            second = .slot
            handler = Self.slotResultHandler(operation, first, second, unary: false)
        }
        if handler == nil, second == .immediate {
            second = .slot
            handler = Self.slotResultHandler(operation, first, second, unary: false)
        }
        if handler == nil {
            (first, second) = (.slot, .slot)
            handler = NumericHandlers.handler(operation)
        }
        let a = first == .slot ? readSlot(of: firstIndex) : 0
        let b = second == .slot ? readSlot(of: secondIndex) : 0
        var constant: UInt64?
        if second == .immediate, case .constant(let bits, _) = operands[secondIndex].source { constant = bits }
        if first == .immediate, case .constant(let bits, _) = operands[firstIndex].source { constant = bits }
        pop()
        pop()
        let start: Int
        let slotHandler = handler ?? NumericHandlers.handler(operation)
        if let toAccumulator = AccumulatorHandlers.handler(operation, first, second, .accumulator) {
            start = emitToAccumulator(toAccumulator, slotTwin: slotHandler,
                                      dualTwin: AccumulatorHandlers.handler(operation, first, second, .slotAndAccumulator),
                                      type: operation.resultType, first: a, second: b, extra: constant)
        } else {
            let destination = pushResult()
            start = code.position
            if let constant {
                code.emit(slotHandler, pack(a, b, destination), constant)
            } else {
                code.emit(slotHandler, pack(a, b, destination))
            }
            noteResult(destination, start: start)
        }
        noteComparison(operation, start: start, first, a, second, constant ?? UInt64(b))
        if let scaled {
            lastAddition = PendingAddition(start: scaled.shift.start, end: code.position, producer: start, first: scaled.base,
                                           second: scaled.shift.source,
                                           constant: nil, slot: operands[operands.count - 1].slot, shift: scaled.shift.amount)
        } else if operation == .i32Add, first == .slot, second != .accumulator {
            lastAddition = PendingAddition(start: start, end: code.position, producer: start, first: a, second: b,
                                           constant: constant.map { UInt32(truncatingIfNeeded: $0) }, slot: operands[operands.count - 1].slot,
                                           shift: nil)
        }
        if operation == .i32Shl, first == .slot, second == .immediate, let constant {
            lastShift = PendingShift(start: start, end: code.position, source: a, amount: UInt32(truncatingIfNeeded: constant) & 31,
                                     slot: operands[operands.count - 1].slot)
        }
    }

    /// When one operand of the `i32.add` about to be translated is the result of the shift
    /// emitted just before (nothing since) and the other is in a slot: that slot and the shift.
    mutating func scaledIndex() -> (base: Int, shift: PendingShift)? {
        guard let shift = lastShift, shift.end == code.position else { return nil }
        func isShift(_ index: Int) -> Bool {
            operands[index].slot == shift.slot
                && (operands[index].source == .temporary || (operands[index].source == .accumulator && operands[index].producer == shift.start))
        }
        let (top, below) = (operands.count - 1, operands.count - 2)
        if isShift(top), let base = operands[below].readSlot { return (base, shift) }
        if isShift(below), let base = operands[top].readSlot { return (base, shift) }
        return nil
    }

    /// Remembers a comparison just emitted at `start` (its result on top of the stack), so that a
    /// following branch can fuse with it.
    mutating func noteComparison(_ operation: NumericOperation, start: Int, _ firstLocation: OperandLocation, _ first: Int,
                                 _ secondLocation: OperandLocation, _ second: UInt64) {
        guard operation.isFusableComparison else { return }
        lastComparison = PendingComparison(start: start, end: code.position, operation: operation, firstLocation: firstLocation,
                                           secondLocation: secondLocation, first: first, second: second,
                                           slot: operands[operands.count - 1].slot)
    }
}
