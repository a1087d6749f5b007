import WasmBinary

/// The accumulators: two registers (`acc` for i32/i64, `facc` for f32/f64) that every handler
/// receives and passes on, so that a value computed by one instruction and used by the next
/// need not go through a frame slot (a store, a load and a store-to-load forwarding delay on the
/// dependency chain).
///
/// An instruction that has an accumulator form leaves its result in the accumulator; the operand
/// then says `.accumulator` and remembers where that instruction is and its twin that writes a
/// slot. A consumer with an accumulator form reads it from there. Whenever the value is needed in
/// a slot instead — a consumer without such a form, another result about to take the register, a
/// call, control flow — the translator *spills* it by rewriting the producer into its slot twin:
/// no instruction is added. Values cross no branch, label or call in an accumulator.
///
/// A `local.set` or `local.tee` of such a result turns its producer into the twin that writes
/// the local's slot *and* the accumulator; until either changes, the accumulator *mirrors* the
/// local, and reads of the local take the register.
enum AccumulatorKind {
    case integer, float
}

extension ValueType {
    /// The accumulator that can hold a value of this type.
    var accumulatorKind: AccumulatorKind? {
        switch self {
        case .i32, .i64: return .integer
        case .f32, .f64: return .float
        default: return nil
        }
    }
}

extension Translator {
    mutating func accumulatorHolder(_ kind: AccumulatorKind) -> Int? {
        kind == .integer ? integerAccumulatorHolder : floatAccumulatorHolder
    }

    mutating func setAccumulatorHolder(_ kind: AccumulatorKind, _ index: Int?) {
        if kind == .integer { integerAccumulatorHolder = index } else { floatAccumulatorHolder = index }
    }

    /// Makes the instruction that left `operand` in an accumulator write `slot` instead (its twin).
    mutating func redirectProducer(of operand: Operand, to slot: Int) {
        code.set(operand.producer, operand.slotTwin)
        let word = operand.producer + 1
        code.set(word, (code.words[word] & OperandPacking.sourceFields) | UInt64(slot) << OperandPacking.destinationShift)
    }

    /// Moves the accumulator operand at stack index `index` into its own slot (by redirecting its
    /// producer: no instruction is added).
    mutating func spillAccumulator(at index: Int) {
        redirectProducer(of: operands[index], to: operands[index].slot)
        if let kind = operands[index].type.accumulatorKind, accumulatorHolder(kind) == index { setAccumulatorHolder(kind, nil) }
        operands[index].source = .temporary
    }

    mutating func accumulatorMirror(_ kind: AccumulatorKind) -> Int? {
        kind == .integer ? integerAccumulatorMirror : floatAccumulatorMirror
    }

    mutating func setAccumulatorMirror(_ kind: AccumulatorKind, _ local: Int?) {
        if kind == .integer { integerAccumulatorMirror = local } else { floatAccumulatorMirror = local }
    }

    /// Forgets any mirror of the local in `slot` (it is about to change).
    mutating func forgetMirrors(ofLocal slot: Int) {
        if integerAccumulatorMirror == slot { integerAccumulatorMirror = nil }
        if floatAccumulatorMirror == slot { floatAccumulatorMirror = nil }
    }

    /// Spills whatever the accumulators hold and forgets what they mirror (before control flow and
    /// calls), except the operand at stack index `kept`, which the next instruction reads there.
    mutating func spillAccumulators(except kept: Int? = nil) {
        integerAccumulatorMirror = nil
        floatAccumulatorMirror = nil
        // The two holders in turn (an array literal of them cost more than the test).
        let floatHolder = floatAccumulatorHolder
        if let index = integerAccumulatorHolder, index != kept, index < operands.count, operands[index].source == .accumulator {
            spillAccumulator(at: index)
        }
        if let index = floatHolder, index != kept, index < operands.count, operands[index].source == .accumulator {
            spillAccumulator(at: index)
        }
        if integerAccumulatorHolder != kept { integerAccumulatorHolder = nil }
        if floatAccumulatorHolder != kept { floatAccumulatorHolder = nil }
    }

    /// Frees the accumulator of `kind` for a new result, spilling the value it holds.
    mutating func freeAccumulator(_ kind: AccumulatorKind) {
        setAccumulatorMirror(kind, nil)
        guard let index = accumulatorHolder(kind) else { return }
        if index < operands.count, operands[index].source == .accumulator { spillAccumulator(at: index) }
        setAccumulatorHolder(kind, nil)
    }

    /// Where the operand at stack index `index` can be read by a handler with accumulator forms
    /// (a local the accumulator mirrors is read there).
    @inline(__always)
    mutating func location(of index: Int) -> OperandLocation {
        switch operands[index].source {
        case .accumulator: return .accumulator
        case .constant: return .immediate
        case .temporary: return .slot
        case .local(let local):
            if let kind = operands[index].type.accumulatorKind, accumulatorMirror(kind) == local { return .accumulator }
            return .slot
        }
    }

    /// Stores the accumulator result `value` (just popped, or about to become the local) into the
    /// local in `slot`, when its producer is the last instruction and nothing still reads the
    /// local's old value: the producer writes the local and the accumulator, which then mirrors it.
    /// False when that is not possible.
    mutating func storeAccumulatorResult(_ value: Operand, toLocal slot: Int, producedLast: Bool, hasReaders: Bool) -> Bool {
        guard producedLast, !hasReaders, let kind = value.type.accumulatorKind else { return false }
        if value.dualTwin == 0 {
            redirectProducer(of: value, to: slot)
            return true
        }
        var dual = value
        dual.slotTwin = value.dualTwin
        redirectProducer(of: dual, to: slot)
        setAccumulatorMirror(kind, slot)
        return true
    }

    /// Emits `handler` (operands `word`, then `extra` words) whose result, of the type on top of the
    /// validator's stack, goes to the accumulator; `slotTwin` is the same instruction writing a slot.
    /// Pushes the result as held in the accumulator and returns the instruction's start.
    @discardableResult
    mutating func emitToAccumulator(_ handler: UInt64, slotTwin: UInt64, dualTwin: UInt64?, type: ValueType, first: Int, second: Int,
                                    extra: UInt64?) -> Int {
        guard let kind = type.accumulatorKind else { preconditionFailure("no accumulator for \(type)") }
        freeAccumulator(kind)
        let destination = nextSlot
        let start = code.position
        if let extra {
            code.emit(handler, pack(first, second, destination), extra)
        } else {
            code.emit(handler, pack(first, second, destination))
        }
        push(type, .accumulator)
        operands[operands.count - 1].producer = start
        operands[operands.count - 1].slotTwin = slotTwin
        operands[operands.count - 1].dualTwin = dualTwin ?? 0
        setAccumulatorHolder(kind, operands.count - 1)
        noteResult(destination, start: start)
        return start
    }
}
