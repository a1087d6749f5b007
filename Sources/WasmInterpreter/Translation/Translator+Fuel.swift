import WasmBinary

/// Fuel metering, emitted only for a runtime that consumes fuel (`RuntimeConfiguration.fuel`);
/// without it none of this emits anything and the code is what it would be anyway.
///
/// One unit of fuel is one WebAssembly instruction executed, counted as wasmtime (version 51)
/// counts it, so that the two engines agree on what a call consumes: `nop`, `drop`, `block`,
/// `loop`, `else`, `end`, `unreachable` and `return` are free, every other instruction costs 1,
/// and entering a function costs 1. The bulk instructions that copy or fill cost 1 more per unit
/// of work (`memory.fill`, `.copy`, `.init`: per byte; `table.fill`, `.copy`, `.init`: per
/// element), charged by an instruction of their own that reads the count right after they ran
/// (one out of bounds traps on its bounds; one that ran but leaves too little fuel traps with
/// `out of fuel` right after it). `memory.grow` and `table.grow` cost 1 like any instruction
/// (wasmtime charges some grows per page or element).
///
/// Instructions are charged a block at a time: a block is a straight-line run of code that
/// starts at a function's entry, at a label a branch leads to (a loop's start, the end of a
/// `block` or `if` that is branched to, an `else`), or after a conditional branch, and that ends
/// where the next one starts. Before the code of its first instruction that costs fuel comes a
/// `consumeFuel` charge of its whole count, so fuel is checked once per block, not per
/// instruction (a block of free instructions has no charge), and a block that needs more than is
/// left traps before any of it runs. A block that a trap or a thrown exception leaves early has
/// been charged in full; a call charges the callee's blocks as they run.
extension Translator {
    /// The fuel `instruction` costs.
    static func fuelCost(of instruction: Instruction) -> Int {
        switch instruction {
        case .nop, .drop, .block, .loop, .else, .end, .unreachable, .return: return 0
        default: return 1
        }
    }

    /// Counts `instruction` into the open block's charge. (Inlined: without metering, the
    /// translation of every instruction pays only the test.)
    @inline(__always)
    mutating func chargeFuel(for instruction: Instruction) {
        guard metering else { return }
        chargeFuel(Self.fuelCost(of: instruction))
    }

    /// What a bulk instruction's work costs: its count operand, a constant or in a slot.
    enum BulkCharge {
        case constant(Int)
        case slot(Int, wide: Bool)
    }

    /// For `memory.fill`, `.copy`, `.init` and `table.fill`, `.copy`, `.init`: the charge for the
    /// work they are asked for, their count operand (on top of the stack), which `translate`
    /// emits after the instruction (`emitBulkCharge`), so that one that traps on its bounds traps
    /// on them rather than on a count it never works through, as in wasmtime.
    @inline(__always)
    mutating func chargeFuelForBulkWork(_ instruction: Instruction) -> BulkCharge? {
        guard metering else { return nil }
        return bulkCharge(for: instruction)
    }

    private mutating func bulkCharge(for instruction: Instruction) -> BulkCharge? {
        switch instruction {
        case .memoryFill, .memoryCopy, .memoryInit, .tableFill, .tableCopy, .tableInit: break
        default: return nil
        }
        let top = operands.count - 1
        guard top >= 0 else { return nil }
        let wide = operands[top].type == .i64
        if case .constant(let bits, _) = operands[top].source {
            return .constant(Int(clamping: wide ? bits : UInt64(UInt32(truncatingIfNeeded: bits))))
        }
        return .slot(readSlot(of: top), wide: wide)
    }

    /// Emits the charge for a bulk instruction's work (its count slot is read as it runs).
    mutating func emitBulkCharge(_ charge: BulkCharge) {
        switch charge {
        case .constant(let amount):
            if amount > 0 { code.emit(Handlers.consumeFuel, UInt64(amount)) }
        case .slot(let slot, let wide):
            code.emit(wide ? Handlers.consumeFuelBySlot64 : Handlers.consumeFuelBySlot32, UInt64(slot))
        }
    }

    /// Adds `amount` to the open block's charge, first emitting the charge instruction of a
    /// block that has none yet (a block of free instructions only never gets one).
    mutating func chargeFuel(_ amount: Int) {
        guard metering, amount > 0 else { return }
        if fuelBlock == nil {
            let position = code.position
            code.emit(Handlers.consumeFuel, 0)
            fuelBlock = (position, 0)
            // A loop's first instruction follows its charge (loop rotation looks for it there).
            if let loop = frames.indices.last, frames[loop].kind == .loop, frames[loop].loopBody == position {
                frames[loop].loopBody = code.position
            }
        }
        guard let block = fuelBlock else { return }
        fuelBlock?.cost = block.cost.addingReportingOverflow(amount).overflow ? .max : block.cost + amount
    }

    /// Starts a block here: closes the open one (writing its charge). Returns where the block
    /// starts, which is where branches to it must lead; its charge instruction comes with its
    /// first instruction that costs fuel, before that instruction's code.
    @discardableResult
    mutating func beginFuelBlock() -> Int {
        endFuelBlock()
        return code.position
    }

    /// Writes the open block's charge into its instruction.
    mutating func endFuelBlock() {
        guard let block = fuelBlock else { return }
        code.set(block.position + 1, UInt64(block.cost))
        closedFuelBlocks[block.position] = block.cost
        fuelBlock = nil
    }

    /// The block charge at `position`, if a block's charge instruction is there: where a branch
    /// that takes over the charge jumps (past it) and what it charges. A branch back to a loop
    /// charges the loop's block itself (`MeteredBranchHandlers`, `meteredJump`), so that a loop
    /// iteration costs no dispatch of a charge of its own; the block's cost is final by then (a
    /// branch ends its block).
    func fuelCharge(at position: Int) -> (target: Int, cost: Int)? {
        guard metering else { return nil }
        if let block = fuelBlock, block.position == position { return (position + 2, block.cost) }
        return closedFuelBlocks[position].map { (position + 2, $0) }
    }

    /// `fuelCharge(at:)` for a branch to the label of frame `index`, when it is a loop.
    func backEdgeCharge(toFrame index: Int) -> (target: Int, cost: Int)? {
        frames[index].kind == .loop ? fuelCharge(at: frames[index].loopStart) : nil
    }
}
