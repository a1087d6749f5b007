import WasmBinary

/// Fuel metering, emitted only for a runtime that consumes fuel (`RuntimeConfiguration.fuel`);
/// without it none of this emits anything and the code is what it would be anyway.
///
/// One unit of fuel is one WebAssembly instruction executed, counted as wasmtime (version 51)
/// counts it, so that the two engines agree on what a call consumes: `nop`, `drop`, `block`,
/// `loop`, `else`, `end`, `unreachable` and `return` are free, every other instruction costs 1,
/// and entering a function costs 1. Instructions are charged a block at a time: a block is a
/// straight-line run of code that starts at a function's entry, at a label a branch leads to (a
/// loop's start, the end of a `block` or `if` that is branched to, an `else`), or after a
/// conditional branch, and that ends where the next one starts. Its first instruction is a
/// `consumeFuel` charge of its whole count, so fuel is checked once per block, not per
/// instruction, and a block that needs more than is left traps before any of it runs. A block
/// that a trap or a thrown exception leaves early has been charged in full; a call charges the
/// callee's blocks as they run.
extension Translator {
    /// The fuel `instruction` costs.
    static func fuelCost(of instruction: Instruction) -> Int {
        switch instruction {
        case .nop, .drop, .block, .loop, .else, .end, .unreachable, .return: return 0
        default: return 1
        }
    }

    /// Counts `instruction` into the open block's charge.
    mutating func chargeFuel(for instruction: Instruction) {
        guard metering else { return }
        chargeFuel(Self.fuelCost(of: instruction))
    }

    /// Adds `amount` to the open block's charge.
    mutating func chargeFuel(_ amount: Int) {
        guard metering, fuelBlock != nil else { return }
        fuelBlock?.cost += amount
    }

    /// Starts a block here: closes the open one (writing its charge) and emits the new block's
    /// charge instruction. Returns where the block starts, which is where branches to it must
    /// lead: the charge, or simply the current position when not metering. A block still empty
    /// (nothing emitted, nothing to charge) is not closed but continued.
    @discardableResult
    mutating func beginFuelBlock() -> Int {
        guard metering else { return code.position }
        if let block = fuelBlock, block.cost == 0, block.position + 2 == code.position {
            return block.position
        }
        endFuelBlock()
        let position = code.position
        code.emit(Handlers.consumeFuel, 0)
        fuelBlock = (position, 0)
        return position
    }

    /// Writes the open block's charge into its instruction.
    mutating func endFuelBlock() {
        guard let block = fuelBlock else { return }
        code.set(block.position + 1, UInt64(block.cost))
        fuelBlock = nil
    }
}
