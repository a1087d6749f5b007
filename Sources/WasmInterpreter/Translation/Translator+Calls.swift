import WasmBinary

/// Calls. A call's arguments must lie in consecutive slots, where the callee's frame starts; a
/// value still in a local (`local.get` emits nothing) is moved there by the call handler itself
/// (`Handlers+CallArguments.swift`) instead of by a `copy` of its own, one dispatch fewer per
/// such argument. Constants and values in other places are written into their slots first.
extension Translator {
    mutating func translateCall(_ index: UInt32) {
        guard let type = context.functionType(at: index) else { return }
        let importCount = context.importedFunctionCount
        guard Int(index) >= importCount else {
            let argumentBase = materializeArguments(type.parameters.count)
            spillAccumulators()
            code.emit(Handlers.callFunction, pack(argumentBase, 0, 0), UInt64(index))
            for result in type.results { push(result) }
            return
        }
        let start: Int
        if metering {
            // Charges the callee's first block (fixed up with the entry; Translator+Fuel).
            let argumentBase = materializeArguments(type.parameters.count)
            spillAccumulators()
            start = code.position
            code.emit(Handlers.meteredCallInternal, pack(argumentBase, 0, 0), 0, 0, 0)
        } else {
            let count = type.parameters.count
            let moves = prepareArgumentMoves(count)
            spillAccumulators()
            let argumentBase = count > 0 ? operands[operands.count - count].slot : nextSlot
            start = code.position
            code.emit(moves == 0 ? Handlers.callInternal : Handlers.moving(Handlers.callInternalMoving, count: moves),
                      pack(argumentBase, 0, moves), 0, 0)
            appendArgumentMoves(count)
        }
        callFixups.append((position: start, callee: index))
        for result in type.results { push(result) }
    }

    mutating func translateCallIndirect(typeIndex: UInt32, tableIndex: UInt32) {
        let type = module.functionType(at: typeIndex) ?? FunctionType()  // validated: a function type
        // A selector just computed into the accumulator (a function pointer loaded from memory) is
        // read there, not stored and reloaded on the way to the call's indirect jump.
        let top = operands.count - 1
        let selectorInAccumulator = location(of: top) == .accumulator
        let selector = selectorInAccumulator ? operands[top].slot : readSlot(of: top)
        pop()
        let count = type.parameters.count
        let moves = prepareArgumentMoves(count)
        spillAccumulators()
        let argumentBase = count > 0 ? operands[operands.count - count].slot : nextSlot
        let handler = selectorInAccumulator
            ? (moves == 0 ? Handlers.callIndirectOnAccumulator : Handlers.moving(Handlers.callIndirectMovingOnAccumulator, count: moves))
            : (moves == 0 ? Handlers.callIndirect : Handlers.moving(Handlers.callIndirectMoving, count: moves))
        code.emit(handler, pack(argumentBase, selector, moves), UInt64(typeIndex), UInt64(tableIndex))
        appendArgumentMoves(count)
        for result in type.results { push(result) }
    }

    /// Writes the top `count` operands (a call's arguments) into their own slots, except the
    /// scalar values still in a local, which the call moves (`appendArgumentMoves`). Returns how
    /// many moves the call makes.
    mutating func prepareArgumentMoves(_ count: Int) -> Int {
        var moves = 0
        for index in max(0, operands.count - count)..<operands.count {
            if case .local = operands[index].source, operands[index].type != .v128 {
                moves += 1
            } else {
                materialize(at: index)
            }
        }
        return moves
    }

    /// Appends the moves `prepareArgumentMoves` left to the call (two to a word) and pops the arguments.
    mutating func appendArgumentMoves(_ count: Int) {
        var pending: (source: Int, destination: Int)?
        for index in (operands.count - count)..<operands.count {
            guard case .local(let local) = operands[index].source else { continue }
            let move = (source: local, destination: operands[index].slot)
            if let first = pending {
                code.append(argumentMoveWord(first, move))
                pending = nil
            } else {
                pending = move
            }
        }
        if let first = pending { code.append(argumentMoveWord(first, nil)) }
        operands.removeLast(count)
    }
}
