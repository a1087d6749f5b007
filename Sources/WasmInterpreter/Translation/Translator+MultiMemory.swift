import WasmBinary

/// Memory instructions on memories other than the registers' one (multiple memories, 64-bit
/// memories): they become the handlers of `Handlers+MultiMemory.swift`, which reach their memory
/// through the instance. Only memory 0 of 32-bit addresses has its base and size in registers and
/// the address modes of `Translator+Memory.swift`; its page size does not matter to them.
extension Translator {
    /// True when memory `index` is the one whose base and size travel in the handlers' registers.
    func isRegisterMemory(_ index: UInt32) -> Bool {
        index == 0 && context.memories.first?.addressType != .i64
    }

    /// The mask that makes an address operand of memory `index` its address: an i32 address is
    /// the slot's low 32 bits.
    func addressMask(ofMemory index: UInt32) -> UInt64 {
        Int(index) < context.memories.count && context.memories[Int(index)].addressType == .i64 ? .max : 0xFFFF_FFFF
    }

    /// Translates `instruction` when it is a memory instruction on a memory reached through the
    /// instance; false (nothing emitted) for anything else.
    mutating func translateIndexedMemory(_ instruction: Instruction) -> Bool {
        switch instruction {
        case .load(let operation, let argument) where !isRegisterMemory(argument.memoryIndex):
            emitIndexedLoad(IndexedMemoryHandlers.load(operation), argument, vectorSlot: nil, lane: nil)
        case .store(let operation, let argument) where !isRegisterMemory(argument.memoryIndex):
            emitIndexedStore(IndexedMemoryHandlers.store(operation), argument, lane: nil)
        case .simdMemory(let operation, let argument) where !isRegisterMemory(argument.memoryIndex):
            if operation.isStore {
                emitIndexedStore(SIMDHandlers.indexedMemoryHandler(operation), argument, lane: nil)
            } else {
                emitIndexedLoad(SIMDHandlers.indexedMemoryHandler(operation), argument, vectorSlot: nil, lane: nil)
            }
        case .simdMemoryLane(let operation, let argument, let lane) where !isRegisterMemory(argument.memoryIndex):
            if operation.isStore {
                emitIndexedStore(SIMDHandlers.indexedMemoryLaneHandler(operation), argument, lane: lane)
            } else {
                let vector = popSlot()
                emitIndexedLoad(SIMDHandlers.indexedMemoryLaneHandler(operation), argument, vectorSlot: vector, lane: lane)
            }
        case .memorySize(let memory) where !isRegisterMemory(memory):
            let destination = pushResult()
            code.emit(IndexedMemoryHandlers.size, pack(0, 0, destination), UInt64(memory))
        case .memoryGrow(let memory) where !isRegisterMemory(memory):
            let count = popSlot()
            let destination = pushResult()
            code.emit(IndexedMemoryHandlers.grow, pack(count, 0, destination), UInt64(memory), addressMask(ofMemory: memory))
        case .memoryFill(let memory) where !isRegisterMemory(memory):
            let (destination, value, count) = popThreeSlots()
            code.emit(IndexedMemoryHandlers.fill, pack(destination, value, count), UInt64(memory), addressMask(ofMemory: memory))
        case .memoryInit(let segment, let memory) where !isRegisterMemory(memory):
            let (destination, source, count) = popThreeSlots()
            code.emit(IndexedMemoryHandlers.initialize, pack(destination, source, count), UInt64(segment), UInt64(memory),
                      addressMask(ofMemory: memory))
        case .memoryCopy(let target, let origin) where !isRegisterMemory(target) || !isRegisterMemory(origin):
            let (destination, source, count) = popThreeSlots()
            code.emit(IndexedMemoryHandlers.copy, pack(destination, source, count), UInt64(target), UInt64(origin),
                      addressMask(ofMemory: target), addressMask(ofMemory: origin))
        default:
            return false
        }
        return true
    }

    /// A load (scalar, vector, or a vector lane when `vectorSlot` is given) whose address is on top
    /// of the stack.
    private mutating func emitIndexedLoad(_ handler: UInt64, _ argument: MemoryArgument, vectorSlot: Int?, lane: UInt8?) {
        let address = popSlot()
        let destination = pushResult()
        let start = code.position
        code.emit(handler, pack(address, vectorSlot ?? 0, destination), argument.offset, UInt64(argument.memoryIndex),
                  addressMask(ofMemory: argument.memoryIndex))
        if let lane { code.append(UInt64(lane)) }
        noteResult(destination, start: start)
    }

    /// A store (scalar, vector, or a vector lane) of the value on top of the stack to the address below it.
    private mutating func emitIndexedStore(_ handler: UInt64, _ argument: MemoryArgument, lane: UInt8?) {
        let (address, value) = popTwoSlots()
        code.emit(handler, pack(address, value, 0), argument.offset, UInt64(argument.memoryIndex),
                  addressMask(ofMemory: argument.memoryIndex))
        if let lane { code.append(UInt64(lane)) }
    }
}
