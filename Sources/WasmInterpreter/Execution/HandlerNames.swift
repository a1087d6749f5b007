import WasmBinary

/// Readable names of handler words, for `DispatchProfile` reports. Several instructions may share
/// one handler (`f32.load` runs `i32.load`'s); the name is the first one listed.
enum HandlerNames {
    /// The most words an instruction other than `br_table` takes (handler word included).
    static let longestInstruction = 6

    static func name(of word: UInt64) -> String {
        names[word] ?? "handler 0x\(String(word, radix: 16))"
    }

    static let names: [UInt64: String] = {
        var names: [UInt64: String] = [:]
        func add(_ word: UInt64?, _ name: String) {
            if let word, names[word] == nil { names[word] = name }
        }
        let control: [(UInt64, String)] = [
            (Handlers.unreachable, "unreachable"), (Handlers.zeroSlots, "zeroSlots"), (Handlers.copy, "copy"),
            (Handlers.copy128, "copy128"), (Handlers.const64, "const64"), (Handlers.const128, "const128"),
            (Handlers.jump, "jump"), (Handlers.branchIfZero, "branchIfZero"), (Handlers.branchIfNotZero, "branchIfNotZero"),
            (Handlers.branchIfZeroAccumulator, "branchIfZero A"), (Handlers.branchIfNotZeroAccumulator, "branchIfNotZero A"),
            (Handlers.branchTable, "branchTable"), (Handlers.select, "select"), (Handlers.selectConstants, "select ii"),
            (Handlers.selectConstantFirst, "select is"), (Handlers.selectConstantSecond, "select si"), (Handlers.select128, "select128"),
            (Handlers.refIsNull, "ref.is_null"), (Handlers.refFunc, "ref.func"), (Handlers.globalGet, "global.get"),
            (Handlers.globalGet128, "global.get128"), (Handlers.globalSet, "global.set"), (Handlers.globalSet128, "global.set128"),
            (Handlers.callInternal, "callInternal"), (Handlers.callFunction, "callFunction"), (Handlers.callIndirect, "call_indirect"),
            (Handlers.returnValue, "returnValue"), (Handlers.returnFromFunction, "return"), (Handlers.returnAccumulator, "return A"), (Handlers.returnFloatAccumulator, "return F"), (Handlers.exit, "exit"),
            (Handlers.memoryGrow, "memory.grow"), (Handlers.memorySize, "memory.size"), (Handlers.memoryFill, "memory.fill"),
            (Handlers.memoryCopy, "memory.copy"), (Handlers.memoryInit, "memory.init"), (Handlers.dataDrop, "data.drop"),
            (Handlers.tableGet, "table.get"), (Handlers.tableSet, "table.set"), (Handlers.tableSize, "table.size"),
            (Handlers.tableGrow, "table.grow"), (Handlers.tableFill, "table.fill"), (Handlers.tableCopy, "table.copy"),
            (Handlers.tableInit, "table.init"), (Handlers.elementDrop, "elem.drop"),
            (Handlers.consumeFuel, "consumeFuel"), (Handlers.interrupted, "interrupted"),
            (Handlers.consumeFuelBySlot32, "consumeFuel [s]"), (Handlers.consumeFuelBySlot64, "consumeFuel [s64]"),
            (Handlers.meteredJump, "metered jump"), (Handlers.meteredCallInternal, "metered callInternal"), (Handlers.meteredBranchIfNotZero, "metered branchIfNotZero"),
            (Handlers.callReference, "call_ref"), (Handlers.refAsNonNull, "ref.as_non_null"),
            (Handlers.branchIfNull, "branchIfNull"), (Handlers.branchIfNotNull, "branchIfNotNull"),
            (Handlers.returnCallInternal, "return_call"), (Handlers.returnCallFunction, "return_call (import)"),
            (Handlers.returnCallIndirect, "return_call_indirect"), (Handlers.returnCallIndirect64, "return_call_indirect (i64)"),
            (Handlers.returnCallReference, "return_call_ref"),
            (Handlers.throw, "throw"), (Handlers.throwReference, "throw_ref"),
            (Handlers.branchTableAccumulator, "branchTable A"), (Handlers.selectOnAccumulator, "select A"),
            (Handlers.selectConstantFirstOnAccumulator, "select is A"), (Handlers.selectConstantSecondOnAccumulator, "select si A"),
            (Handlers.selectConstantsOnAccumulator, "select ii A"), (Handlers.globalGetAccumulator, "global.get →A"),
            (Handlers.globalGetSlotAndAccumulator, "global.get →sA"), (Handlers.globalSetAccumulator, "global.set A"),
            (Handlers.callIndirectOnAccumulator, "call_indirect A"),
        ]
        for (word, name) in control { add(word, name) }
        for (word, name) in webAssembly3Names { add(word, name) }
        let locations: [(OperandLocation, String)] = [(.slot, "s"), (.immediate, "i"), (.accumulator, "A"), (.slotAndAccumulator, "sA")]
        for operation in NumericOperation.allCases {
            add(NumericHandlers.handler(operation), "\(operation)")
            add(NumericHandlers.immediateHandler(operation), "\(operation) imm")
            for (first, a) in locations {
                for (second, b) in locations {
                    for (result, d) in locations where result != .immediate && first != .slotAndAccumulator && second != .slotAndAccumulator {
                        add(AccumulatorHandlers.handler(operation, first, second, result), "\(operation) \(a)\(b)→\(d)")
                    }
                    add(BranchHandlers.handler(operation, first, second), "br_if \(operation) \(a)\(b)")
                    add(BranchHandlers.handler(operation, first, second, negated: true), "br_unless \(operation) \(a)\(b)")
                    add(MeteredBranchHandlers.handler(operation, first, second), "metered br_if \(operation) \(a)\(b)")
                    add(MeteredBranchHandlers.handler(operation, first, second, negated: true), "metered br_unless \(operation) \(a)\(b)")
                }
            }
        }
        let modes: [(AddressMode, String)] = [(.slot, ""), (.sum, " [a+b]"), (.slotPlusConstant, " [a+c]"), (.constant, " [c]"),
                                              (.accumulator, " [A]"), (.scaledSum, " [a+b<<k]")]
        let places: [(StoredValue, String, String)] = [(.slot, "", ""), (.immediate, "", " imm"), (.accumulator, " →A", " ←A"),
                                                       (.floatAccumulator, " →F", " ←F"), (.slotAndAccumulator, " →sA", ""),
                                                       (.slotAndFloatAccumulator, " →sF", "")]
        for (mode, suffix) in modes {
            for (place, loadName, storeName) in places {
                for operation in LoadOperation.allCases {
                    add(MemoryHandlers.load(operation, mode, result: place), "\(operation)\(suffix)\(loadName)")
                }
                for operation in StoreOperation.allCases {
                    add(MemoryHandlers.store(operation, mode, value: place), "\(operation)\(suffix)\(storeName)")
                }
            }
        }
        for (word, name) in Superinstructions.names { add(word, name) }
        for (index, word) in Handlers.zeroFewSlots.enumerated() { add(word, "zeroSlots \(index + 1)") }
        for (index, word) in Handlers.callInternalMoving.enumerated() {
            add(word, index < Handlers.callInternalMoving.count - 1 ? "callInternal moving \(index + 1)" : "callInternal moving n")
        }
        for (index, word) in Handlers.callIndirectMoving.enumerated() {
            add(word, index < Handlers.callIndirectMoving.count - 1 ? "call_indirect moving \(index + 1)" : "call_indirect moving n")
        }
        for (index, word) in Handlers.callIndirectMovingOnAccumulator.enumerated() {
            add(word, index < Handlers.callIndirectMovingOnAccumulator.count - 1 ? "call_indirect A moving \(index + 1)" : "call_indirect A moving n")
        }
        return names
    }()
}
