import WasmBinary

/// Loads and stores: the address mode is chosen from how the address was computed, so that the
/// address arithmetic C compilers emit costs no dispatch of its own; the loaded value goes to an
/// accumulator, and a stored value or an address is taken from one when it is there.
extension Translator {
    /// A load. `offset` is where the access ends relative to its address operand: the static
    /// offset (clamped: any offset of 2^32 or more traps) plus the access's width, which is what
    /// the handlers' offset word holds (`accessAddress`).
    mutating func translateLoad(_ operation: LoadOperation, endOffset offset: UInt64) {
        let address = operands[operands.count - 1]
        var mode = AddressMode.slot
        var fields = (0, 0)
        // The words after the operand word: the offset, and for two modes one more.
        var words: (UInt64, UInt64?) = (offset, nil)
        if case .constant(let bits, _) = address.source {
            // A constant address, as every access to a C global compiles: no slot at all.
            mode = .constant
            words.0 = UInt64(UInt32(truncatingIfNeeded: bits)) &+ offset
        } else if let addition = takeFusableAddition(at: operands.count - 1) {
            if let shift = addition.shift {
                mode = .scaledSum
                fields = (addition.first, addition.second)
                words.1 = UInt64(shift)
            } else if let constant = addition.constant {
                mode = .slotPlusConstant
                fields = (addition.first, 0)
                words.1 = UInt64(constant)
            } else {
                mode = .sum
                fields = (addition.first, addition.second)
            }
        } else if location(of: operands.count - 1) == .accumulator {
            mode = .accumulator
        } else {
            fields = (readSlot(of: operands.count - 1), 0)
        }
        pop()
        let type = operation.resultType
        let float = type == .f32 || type == .f64
        if let handler = MemoryHandlers.load(operation, mode, result: float ? .floatAccumulator : .accumulator),
           let twin = MemoryHandlers.load(operation, mode) {
            let dual = MemoryHandlers.load(operation, mode, result: float ? .slotAndFloatAccumulator : .slotAndAccumulator)
            let start = emitToAccumulator(handler, slotTwin: twin, dualTwin: dual, type: type, first: fields.0, second: fields.1,
                                          extra: words.0)
            if let second = words.1 {
                code.append(second)
                noteResult(operands[operands.count - 1].slot, start: start)
            }
            return
        }
        let destination = pushResult()
        let start = code.position
        code.emit(MemoryHandlers.load(operation, mode) ?? Handlers.unreachable, pack(fields.0, fields.1, destination), words.0)
        if let second = words.1 { code.append(second) }
        noteResult(destination, start: start)
    }

    /// A store. A constant value is stored from the code (no slot); the address and `offset` as
    /// for loads.
    mutating func translateStore(_ operation: StoreOperation, endOffset offset: UInt64) {
        let value = operands[operands.count - 1]
        var stored = StoredValue.slot
        var valueSlot = 0
        var trailing: UInt64?
        switch value.source {
        case .constant(let bits, _):
            stored = .immediate
            trailing = bits
        case .accumulator:
            stored = value.type == .f32 || value.type == .f64 ? .floatAccumulator : .accumulator
        case .local(let local):
            valueSlot = local
            if location(of: operands.count - 1) == .accumulator {
                stored = value.type == .f32 || value.type == .f64 ? .floatAccumulator : .accumulator
            }
        case .temporary:
            valueSlot = value.slot
        }
        let address = operands[operands.count - 2]
        var mode = AddressMode.slot
        var fields = (0, valueSlot, 0)
        var words: (UInt64, UInt64?) = (offset, nil)
        if case .constant(let bits, _) = address.source {
            mode = .constant
            words.0 = UInt64(UInt32(truncatingIfNeeded: bits)) &+ offset
        } else if value.source != .temporary, let addition = takeFusableAddition(at: operands.count - 2) {
            // Fused only when the value needs no code of its own (which would come after the addition).
            if let shift = addition.shift {
                mode = .scaledSum
                fields = (addition.first, addition.second, valueSlot)
                words.1 = UInt64(shift)
            } else if let constant = addition.constant {
                mode = .slotPlusConstant
                fields = (addition.first, valueSlot, 0)
                words.1 = UInt64(constant)
            } else {
                mode = .sum
                fields = (addition.first, addition.second, valueSlot)
            }
        } else if location(of: operands.count - 2) == .accumulator, !(stored == .accumulator) {
            mode = .accumulator
        } else {
            fields.0 = readSlot(of: operands.count - 2)
        }
        pop()
        pop()
        code.emit(MemoryHandlers.store(operation, mode, value: stored) ?? Handlers.unreachable, pack(fields.0, fields.1, fields.2), words.0)
        if let second = words.1 { code.append(second) }
        if let trailing { code.append(trailing) }
    }
}
