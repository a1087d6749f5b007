import WasmBinary

extension Translator {
    /// Emits a copy of `operand`'s value into `slot` (nothing when it is already there).
    /// An operand in an accumulator is first spilled by the caller (`materialize`, `spillAccumulators`).
    mutating func emitMove(_ operand: Operand, to slot: Int) {
        let wide = operand.type == .v128
        switch operand.source {
        case .accumulator:
            preconditionFailure("an accumulator operand must be spilled before it is moved")
        case .temporary where operand.slot == slot:
            return
        case .local(let local) where local == slot:
            return
        case .temporary, .local:
            let from = operand.readSlot ?? slot
            code.emit(wide ? Handlers.copy128 : Handlers.copy, pack(from, 0, slot))
        case .constant(let low, let high):
            if wide {
                code.emit(Handlers.const128, pack(0, 0, slot), low, high)
            } else {
                code.emit(Handlers.const64, pack(0, 0, slot), low)
            }
        }
    }

    /// Writes the operand at stack index `index` into its own slot.
    mutating func materialize(at index: Int) {
        let operand = operands[index]
        if operand.source == .temporary { return }
        if operand.source == .accumulator {
            spillAccumulator(at: index)
            return
        }
        emitMove(operand, to: operand.slot)
        operands[index].source = .temporary
    }

    /// Writes the top `count` operands into their own slots.
    mutating func materializeTop(_ count: Int) {
        for index in max(0, operands.count - count)..<operands.count {
            materialize(at: index)
        }
    }

    /// Writes every operand still reading local `slot` into its own slot, before the local changes.
    mutating func materializeReaders(ofLocal slot: Int) {
        for index in operands.indices where operands[index].source == .local(slot) {
            materialize(at: index)
        }
    }

    /// Writes every operand still reading a local into its own slot (before control flow splits).
    mutating func materializeLocalReaders() {
        for index in operands.indices {
            if case .local = operands[index].source { materialize(at: index) }
        }
    }

    /// The slot to read `operand` from, materialising a pending constant into its own slot first.
    @inline(__always)
    mutating func readSlot(of index: Int) -> Int {
        if let slot = operands[index].readSlot { return slot }
        materialize(at: index)
        return operands[index].slot
    }

    /// Pops one operand and returns the slot to read it from.
    mutating func popSlot() -> Int {
        let slot = readSlot(of: operands.count - 1)
        pop()
        return slot
    }

    /// Pops two operands (second on top) and returns their slots.
    mutating func popTwoSlots() -> (Int, Int) {
        let b = readSlot(of: operands.count - 1)
        let a = readSlot(of: operands.count - 2)
        pop()
        pop()
        return (a, b)
    }

    /// Moves the top values for a branch to `frame`'s label into the label's slots.
    mutating func emitLabelMoves(toFrame frame: Int) {
        let count = frames[frame].kind == .loop ? frames[frame].parameterTypes.count : frames[frame].resultTypes.count
        guard count > 0 else { return }
        var slot = frames[frame].slotHeight
        for index in (operands.count - count)..<operands.count {
            emitMove(operands[index], to: slot)
            slot += operands[index].type.slotWidth
        }
    }

    /// True when a branch to `frame` needs no moves: its label values are already in place.
    mutating func labelValuesInPlace(forFrame index: Int) -> Bool {
        var slot = frames[index].slotHeight
        let count = frames[index].kind == .loop ? frames[index].parameterTypes.count : frames[index].resultTypes.count
        for position in (operands.count - count)..<operands.count {
            if operands[position].source != .temporary || operands[position].slot != slot { return false }
            slot += operands[position].type.slotWidth
        }
        return true
    }
}
