import WasmBinary

/// Loads and stores: the address mode is chosen from how the address was computed, so that the
/// address arithmetic C compilers emit costs no dispatch of its own.
extension Translator {
    /// A load. `offset` is the static offset (clamped: any offset of 2^32 or more traps).
    mutating func translateLoad(_ operation: LoadOperation, offset: UInt64) {
        let address = operands[operands.count - 1]
        if case .constant(let bits, _) = address.source {
            // A constant address, as every access to a C global compiles: no slot at all.
            pop()
            emitLoad(operation, .constant, pack(0, 0, pushResult()), UInt64(UInt32(truncatingIfNeeded: bits)) &+ offset)
            return
        }
        if let addition = takeFusableAddition(at: operands.count - 1) {
            pop()
            let destination = pushResult()
            if let constant = addition.constant {
                emitLoad(operation, .slotPlusConstant, pack(addition.first, 0, destination), offset, UInt64(constant))
            } else {
                emitLoad(operation, .sum, pack(addition.first, addition.second, destination), offset)
            }
            return
        }
        let slot = popSlot()
        emitLoad(operation, .slot, pack(slot, 0, pushResult()), offset)
    }

    private mutating func emitLoad(_ operation: LoadOperation, _ mode: AddressMode, _ operands: UInt64, _ words: UInt64...) {
        let start = code.position
        code.emit(MemoryHandlers.load(operation, mode), operands)
        for word in words { code.append(word) }
        noteResult(slotD(operands), start: start)
    }

    /// A store. A constant value is stored from the code (no slot); the address as for loads.
    mutating func translateStore(_ operation: StoreOperation, offset: UInt64) {
        let value = operands[operands.count - 1]
        var immediate: UInt64?
        if case .constant(let bits, _) = value.source { immediate = bits }
        let trailing = immediate.map { [$0] } ?? []
        let address = operands[operands.count - 2]
        if case .constant(let bits, _) = address.source {
            let valueSlot = immediate == nil ? readSlot(of: operands.count - 1) : 0
            pop()
            pop()
            emitStore(operation, .constant, immediate: immediate != nil, pack(0, valueSlot, 0),
                      [UInt64(UInt32(truncatingIfNeeded: bits)) &+ offset] + trailing)
            return
        }
        // Fused only when the value needs no code of its own (which would come after the addition).
        var valueSlot: Int?
        if case .local(let local) = value.source { valueSlot = local }
        if immediate != nil { valueSlot = 0 }
        if let valueSlot, let addition = takeFusableAddition(at: operands.count - 2) {
            pop()
            pop()
            if let constant = addition.constant {
                emitStore(operation, .slotPlusConstant, immediate: immediate != nil, pack(addition.first, valueSlot, 0),
                          [offset, UInt64(constant)] + trailing)
            } else {
                emitStore(operation, .sum, immediate: immediate != nil, pack(addition.first, addition.second, valueSlot),
                          [offset] + trailing)
            }
            return
        }
        if immediate != nil {
            let addressSlot = readSlot(of: operands.count - 2)
            pop()
            pop()
            emitStore(operation, .slot, immediate: true, pack(addressSlot, 0, 0), [offset] + trailing)
            return
        }
        let (addressSlot, slot) = popTwoSlots()
        emitStore(operation, .slot, immediate: false, pack(addressSlot, slot, 0), [offset])
    }

    private mutating func emitStore(_ operation: StoreOperation, _ mode: AddressMode, immediate: Bool, _ operands: UInt64, _ words: [UInt64]) {
        code.emit(MemoryHandlers.store(operation, mode, immediate: immediate), operands)
        for word in words { code.append(word) }
    }
}
