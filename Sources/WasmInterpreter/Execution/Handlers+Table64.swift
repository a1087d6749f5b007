/// The table instructions of 64-bit tables (i64 indices, offsets and counts): the same handlers as
/// 32-bit tables' (`TableState+Operations.swift`) reading whole slots, and `call_indirect`
/// through a 64-bit table.

/// `call_indirect` through a 64-bit table. Operands: (argument base, selector), type index, table index.
@inline(__always)
func handleCallIndirect64(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    let instance = state.pointee.instance
    let table = instance.pointee.tables[Int(truncatingIfNeeded: pc[3])]
    let selector = fp[slotB(pc)]
    guard selector < UInt64(table.pointee.count) else { return trap(.undefinedElement, state) }
    let reference = table.pointee.elements[Int(selector)]
    guard reference != 0 else { return trap(.uninitializedElement, elementIndex: Int(selector), state) }
    let address = UInt32(truncatingIfNeeded: reference - 1)
    let expected = instance.pointee.typeIDs[Int(truncatingIfNeeded: pc[2])]
    guard instance.pointee.functionRecords.pointee[Int(address)].typeID == expected else {
        // The selector is below the table's size (under 2^32): its low 32 bits are the index.
        return callIndirectToSubtype(pc, fp, md, ms, state, acc, facc)
    }
    callFunction(address: address, returnPC: pc + 4, fp: fp, calleeFrame: fp + slotA(pc), md, ms, state, acc, facc)
}

/// The handlers of 64-bit tables, laid out as their 32-bit counterparts in `Handlers`.
enum Table64Handlers {
    static var get: UInt64 { handlerWord { handleTableGet($0, $1, $2, $3, $4, $5, $6, wide: true) } }
    static var set: UInt64 { handlerWord { handleTableSet($0, $1, $2, $3, $4, $5, $6, wide: true) } }
    static var grow: UInt64 { handlerWord { handleTableGrow($0, $1, $2, $3, $4, $5, $6, wide: true) } }
    static var fill: UInt64 { handlerWord { handleTableFill($0, $1, $2, $3, $4, $5, $6, wide: true) } }
    static var initialize: UInt64 { handlerWord { handleTableInit($0, $1, $2, $3, $4, $5, $6, wide: true) } }
    static var callIndirect: UInt64 { handlerWord { handleCallIndirect64($0, $1, $2, $3, $4, $5, $6) } }

    /// `table.copy` between tables of which the destination, the source or both are 64-bit.
    static func copy(wideDestination: Bool, wideSource: Bool) -> UInt64 {
        switch (wideDestination, wideSource) {
        case (true, true): return handlerWord { handleTableCopy($0, $1, $2, $3, $4, $5, $6, wideDestination: true, wideSource: true) }
        case (true, false): return handlerWord { handleTableCopy($0, $1, $2, $3, $4, $5, $6, wideDestination: true, wideSource: false) }
        case (false, true): return handlerWord { handleTableCopy($0, $1, $2, $3, $4, $5, $6, wideDestination: false, wideSource: true) }
        case (false, false): return Handlers.tableCopy
        }
    }
}
