import WasmBinary
import WasmValidation

extension Translator {
    mutating func blockSignature(_ type: BlockType) -> (parameters: [ValueType], results: [ValueType]) {
        switch type {
        case .empty: return ([], [])
        case .value(let value): return ([], Self.singleType(value))
        case .typeIndex(let index):
            let function = module.functionType(at: index) ?? FunctionType()  // validated: a function type
            return (function.parameters, function.results)
        }
    }

    /// `[type]`, shared for the numeric and vector types (a block with one result allocates no array).
    static func singleType(_ type: ValueType) -> [ValueType] {
        switch type {
        case .i32: return singleTypes.i32
        case .i64: return singleTypes.i64
        case .f32: return singleTypes.f32
        case .f64: return singleTypes.f64
        case .v128: return singleTypes.v128
        case .ref: return [type]
        }
    }

    private static let singleTypes = (i32: [ValueType.i32], i64: [ValueType.i64], f32: [ValueType.f32], f64: [ValueType.f64],
                                      v128: [ValueType.v128])

    /// `block`, `loop` and `if`: opens a frame whose parameters sit in their own slots.
    mutating func enterBlock(_ kind: ControlFrame.Kind, _ type: BlockType) {
        let signature = blockSignature(type)
        if isDead {
            frames.append(TranslationFrame(kind: kind, operandHeight: operands.count, slotHeight: nextSlot,
                                           parameterTypes: signature.parameters, resultTypes: signature.results,
                                           isDead: true, enteredDead: true))
            return
        }
        // Everything that must hold on both paths is written before an `if` branches.
        var condition = 0
        // A block or an `if`'s first arm is entered only by falling in: the mirrors stay true
        // there (a loop's head is a label, reached by branches too).
        let mirrors = (integerAccumulatorMirror, floatAccumulatorMirror)
        defer { if kind != .loop { (integerAccumulatorMirror, floatAccumulatorMirror) = mirrors } }
        let fused = kind == .if ? takeFusableComparison() : nil
        // A condition in the accumulator is tested there (and is not spilled).
        let conditionInAccumulator = kind == .if && fused == nil && location(of: operands.count - 1) == .accumulator
        if kind == .if, fused == nil, !conditionInAccumulator { condition = readSlot(of: operands.count - 1) }
        spillAccumulators(except: conditionInAccumulator ? operands.count - 1 : nil)
        materializeLocalReaders()
        let conditionCount = kind == .if && fused == nil ? 1 : 0
        let firstParameter = operands.count - conditionCount - signature.parameters.count
        for index in firstParameter..<(operands.count - conditionCount) { materialize(at: index) }
        var elseFixup: (Int, Int)?
        if kind == .if { chargeFuel(1) }
        if let fused {
            elseFixup = emitFusedBranch(fused, negated: true)
        } else if kind == .if {
            if case .local(let local) = operands[operands.count - 1].source { condition = local }
            pop()
            let start = code.position
            code.emit(conditionInAccumulator ? Handlers.branchIfZeroAccumulator : Handlers.branchIfZero, pack(condition, 0, 0))
            elseFixup = (code.appendJumpPlaceholder(), start)
        }
        let height = operands.count - signature.parameters.count
        let slotHeight = height < operands.count ? operands[height].slot : nextSlot
        // A loop's label (where branches back lead) and an `if`'s first arm start blocks.
        let loopStart = kind == .loop || kind == .if ? beginFuelBlock() : code.position
        // Built in the array (a local frame appended was copied, then destroyed).
        frames.append(TranslationFrame(kind: kind, operandHeight: height, slotHeight: slotHeight,
                                       parameterTypes: signature.parameters, resultTypes: signature.results,
                                       loopStart: loopStart, loopBody: code.position, elseFixup: elseFixup,
                                       isDead: false, enteredDead: false))
    }

    /// Pushes `types` as values in their own slots, starting at the frame's slot height.
    mutating func resetOperands(to frame: TranslationFrame, _ types: [ValueType]) {
        resetOperands(toHeight: frame.operandHeight, types)
    }

    /// Pushes `types` as values in their own slots, starting at operand height `height`.
    mutating func resetOperands(toHeight height: Int, _ types: [ValueType]) {
        operands.removeLast(operands.count - height)
        for type in types { push(type) }
    }

    mutating func translateElse() {
        spillAccumulators()
        var frame = frames.removeLast()
        if frame.enteredDead {
            frames.append(frame)
            return
        }
        if !frame.isDead {
            emitValueMoves(count: frame.resultTypes.count, to: frame.slotHeight)
            let start = code.position
            jumpSites.append(code.instructionCount)
            code.emit(Handlers.jump)
            endFixups.add(operand: code.appendJumpPlaceholder(), start: start, to: &frame.lastEndFixup)
        }
        if let (operand, start) = frame.elseFixup {
            code.patch(operand, instructionStart: start, target: beginFuelBlock())
            frame.elseFixup = nil
        }
        frame.kind = .else
        frame.isDead = false
        resetOperands(to: frame, frame.parameterTypes)
        frames.append(frame)
    }

    mutating func translateEnd() {
        // The function's end returns its result from where it is (`emitReturn` spills the rest).
        // The frame is read where it is (not copied out of the array) and removed at the end.
        let index = frames.count - 1
        if frames[index].kind != .function { spillAccumulators() }
        if frames[index].enteredDead {
            frames.removeLast()
            return
        }
        if frames[index].kind == .function {
            if !frames[index].isDead { emitReturn(endingPath: true) }
            patchEndFixups(from: frames[index].lastEndFixup, target: code.position)
            if frames[index].hasEndFixups { code.emit(Handlers.returnFromFunction) }
            return
        }
        if !frames[index].isDead {
            emitValueMoves(count: frames[index].resultTypes.count, to: frames[index].slotHeight)
        }
        let (lastEndFixup, elseFixup) = (frames[index].lastEndFixup, frames[index].elseFixup)
        let resumingHandlers = frames[index].exceptionScope.handlersResumingAtEnd
        // A label that branches or exception handlers lead to starts a block; one only fallen into
        // continues the block.
        let label = lastEndFixup < 0 && elseFixup == nil && resumingHandlers.isEmpty ? code.position : beginFuelBlock()
        patchEndFixups(from: lastEndFixup, target: label)
        if let (operand, start) = elseFixup {
            code.patch(operand, instructionStart: start, target: label)
        }
        for handler in resumingHandlers { exceptionHandlers[handler].target = code.position }
        let reachable = !frames[index].isDead || lastEndFixup >= 0 || elseFixup != nil || !resumingHandlers.isEmpty
        let (operandHeight, resultTypes) = (frames[index].operandHeight, frames[index].resultTypes)
        frames.removeLast()
        resetOperands(toHeight: operandHeight, resultTypes)
        if !reachable { markDead() }
    }

    /// Makes the forward branches of the chain whose newest is `last` (see `EndFixups`) lead to `target`.
    mutating func patchEndFixups(from last: Int, target: Int) {
        var index = last
        while index >= 0 {
            let fixup = endFixups[index]
            code.patch(fixup.operand, instructionStart: fixup.start, target: target)
            index = fixup.previous
        }
    }

    /// Moves the top `count` values into consecutive slots from `slot` and marks them as living there.
    mutating func emitValueMoves(count: Int, to slot: Int) {
        var destination = slot
        for index in (operands.count - count)..<operands.count {
            emitMove(operands[index], to: destination)
            destination += operands[index].type.slotWidth
        }
    }

    /// Moves the results into the frame's first slots and returns to the caller. `endingPath`:
    /// nothing after the return is reachable (the function's end, `return`), so a result its
    /// producer just computed can be returned from where that producer leaves it.
    mutating func emitReturn(endingPath: Bool = false) {
        let count = resultTypes.count
        if endingPath, count == 1, resultTypes[0] != .v128 {
            let top = operands.count - 1
            if operands[top].source == .accumulator, let kind = operands[top].type.accumulatorKind {
                // A result in an accumulator is returned from there (no spill into a slot first).
                spillAccumulators(except: top)
                code.emit(kind == .integer ? Handlers.returnAccumulator : Handlers.returnFloatAccumulator)
                // The code after a return is dead: a later spill must not turn the producer into
                // its slot twin, which would leave the accumulator without the result.
                setAccumulatorHolder(kind, nil)
                operands[top].source = .temporary
                return
            }
            spillAccumulators()
            if operands[top].source == .temporary, let last = lastResult, last.slot == operands[top].slot, last.end == code.position {
                // The instruction just emitted computed the result: it writes the frame's first slot.
                code.set(last.operandPosition, (code.words[last.operandPosition] & OperandPacking.sourceFields))
                code.emit(Handlers.returnFromFunction)
                return
            }
        }
        spillAccumulators()
        if count == 1, resultTypes[0] != .v128, let source = operands[operands.count - 1].readSlot {
            // One value: copy it and return in one instruction (none to copy when it is the first local).
            if source == 0 {
                code.emit(Handlers.returnFromFunction)
            } else {
                code.emit(Handlers.returnValue, pack(source, 0, 0))
            }
            return
        }
        let resultSlots = resultTypes.reduce(0) { $0 + $1.slotWidth }
        for index in (operands.count - count)..<operands.count {
            if case .local(let local) = operands[index].source, local < resultSlots { materialize(at: index) }
        }
        emitValueMoves(count: count, to: 0)
        code.emit(Handlers.returnFromFunction)
    }

    /// The frame a branch with `depth` targets.
    mutating func target(ofDepth depth: UInt32) -> Int { frames.count - 1 - Int(depth) }

    /// Remembers a loop's head test: the fused branch about to be emitted is the loop's first
    /// instruction, leaves the loop for an enclosing label that carries no values, and compares
    /// locals or constants (so repeating it elsewhere reads the same values).
    /// Returns whether it did.
    mutating func noteLoopHeadExit(_ comparison: PendingComparison, exitFrame: Int) -> Bool {
        let loop = frames.count - 1
        guard frames[loop].kind == .loop, code.position == frames[loop].loopBody, exitFrame < loop, comparison.isRepeatable,
              frames[loop].parameterTypes.isEmpty, frames[exitFrame].labelTypes.isEmpty else { return false }
        frames[loop].headExit = (comparison, exitFrame)
        frames[loop].headFuel = fuelBlock?.cost ?? 0
        return true
    }

    /// An unconditional branch from here to the label of frame `index` (after the moves).
    mutating func emitJump(toFrame index: Int) {
        if frames[index].kind == .function {
            emitReturn()
            return
        }
        if frames[index].kind == .loop, let (comparison, exitFrame) = frames[index].headExit {
            // Loop rotation: test here, continue after the head test, or leave. (With fuel, the
            // block after the head test starts with its charge; the repeated test is charged here.)
            chargeFuel(frames[index].headFuel)
            let headEnd = frames[index].headEnd
            let charge = fuelCharge(at: headEnd)
            let (operand, start) = emitFusedBranch(comparison, negated: true, fuel: charge?.cost)
            code.patch(operand, instructionStart: start, target: charge?.target ?? headEnd)
            let exitStart = code.position
            jumpSites.append(code.instructionCount)
            code.emit(Handlers.jump)
            addLabelFixup(toFrame: exitFrame, operand: code.appendJumpPlaceholder(), start: exitStart)
            return
        }
        emitLabelMoves(toFrame: index)
        let start = code.position
        if let charge = backEdgeCharge(toFrame: index) {
            code.emit(Handlers.meteredJump)
            code.patch(code.appendJumpPlaceholder(), instructionStart: start, target: charge.target)
            code.append(UInt64(charge.cost))
            return
        }
        jumpSites.append(code.instructionCount)
        code.emit(Handlers.jump)
        addLabelFixup(toFrame: index, operand: code.appendJumpPlaceholder(), start: start)
    }

    /// A conditional path's jump to frame `index`'s label: the operands stay as they were for the
    /// path that does not take it (only a return changes them, by writing locals it would
    /// overwrite into their own slots; they are restored then).
    mutating func emitJumpKeepingOperands(toFrame index: Int) {
        guard frames[index].kind == .function else {
            emitJump(toFrame: index)
            return
        }
        let saved = operands.snapshot()
        emitJump(toFrame: index)
        operands.restore(saved)
    }

    /// Makes the jump operand at `operand` lead to frame `index`'s label.
    mutating func addLabelFixup(toFrame index: Int, operand: Int, start: Int) {
        if frames[index].kind == .loop {
            code.patch(operand, instructionStart: start, target: frames[index].loopStart)
        } else {
            endFixups.add(operand: operand, start: start, to: &frames[index].lastEndFixup)
        }
    }

    mutating func translateBranch(depth: UInt32) {
        guard !isDead else { return }
        spillAccumulators()
        emitJump(toFrame: target(ofDepth: depth))
        markDead()
    }

    mutating func translateBranchIf(depth: UInt32) {
        guard !isDead else { return }
        let index = target(ofDepth: depth)
        // The path that does not branch continues with the registers as they were: what the
        // accumulators mirror stays true there (nothing on the way writes them or the locals).
        let mirrors = (integerAccumulatorMirror, floatAccumulatorMirror)
        defer { (integerAccumulatorMirror, floatAccumulatorMirror) = mirrors }
        let fusedComparison = takeFusableComparison()
        // A condition just computed into the accumulator is tested there (a loaded flag, a
        // pointer against null): spilling it first would put a store and a load on its path.
        let conditionInAccumulator = fusedComparison == nil && location(of: operands.count - 1) == .accumulator
        spillAccumulators(except: conditionInAccumulator ? operands.count - 1 : nil)
        if let fused = fusedComparison {
            if frames[index].kind != .function && labelValuesInPlace(forFrame: index) {
                let isHeadExit = noteLoopHeadExit(fused, exitFrame: index)
                if let charge = backEdgeCharge(toFrame: index) {
                    let (operand, start) = emitFusedBranch(fused, negated: false, fuel: charge.cost)
                    code.patch(operand, instructionStart: start, target: charge.target)
                } else {
                    let (operand, start) = emitFusedBranch(fused, negated: false)
                    addLabelFixup(toFrame: index, operand: operand, start: start)
                }
                if isHeadExit { frames[frames.count - 1].headEnd = code.position }
                beginFuelBlock()
            } else {
                let (skip, start) = emitFusedBranch(fused, negated: true)
                emitJumpKeepingOperands(toFrame: index)
                code.patch(skip, instructionStart: start, target: beginFuelBlock())
            }
            return
        }
        let condition = conditionInAccumulator ? 0 : readSlot(of: operands.count - 1)
        pop()
        spillAccumulators()
        if frames[index].kind != .function && labelValuesInPlace(forFrame: index) {
            let start = code.position
            // With fuel, a branch back to a loop charges the loop's block (a condition still in
            // the accumulator takes the plain branch, to the charge).
            if !conditionInAccumulator, let charge = backEdgeCharge(toFrame: index) {
                code.emit(Handlers.meteredBranchIfNotZero, pack(condition, 0, 0))
                code.patch(code.appendJumpPlaceholder(), instructionStart: start, target: charge.target)
                code.append(UInt64(charge.cost))
            } else {
                code.emit(conditionInAccumulator ? Handlers.branchIfNotZeroAccumulator : Handlers.branchIfNotZero, pack(condition, 0, 0))
                addLabelFixup(toFrame: index, operand: code.appendJumpPlaceholder(), start: start)
            }
            beginFuelBlock()
            return
        }
        let start = code.position
        code.emit(conditionInAccumulator ? Handlers.branchIfZeroAccumulator : Handlers.branchIfZero, pack(condition, 0, 0))
        let skip = code.appendJumpPlaceholder()
        emitJumpKeepingOperands(toFrame: index)
        code.patch(skip, instructionStart: start, target: beginFuelBlock())
    }

    mutating func translateBranchTable(_ table: BranchTable) {
        guard !isDead else { return }
        // A selector just computed into the accumulator (a loaded opcode) is read there: a
        // store and a reload would lie between it and the indirect jump.
        let selectorInAccumulator = location(of: operands.count - 1) == .accumulator
        let selector = selectorInAccumulator ? 0 : readSlot(of: operands.count - 1)
        pop()
        spillAccumulators()
        // The entries are consecutive words, one per label and the default's last (no arrays).
        let labelCount = table.labelIndices.count
        let start = code.position
        code.emit(selectorInAccumulator ? Handlers.branchTableAccumulator : Handlers.branchTable, pack(selector, 0, 0), UInt64(labelCount))
        let firstEntry = code.position
        for _ in 0...labelCount { _ = code.appendJumpPlaceholder() }
        for position in 0...labelCount {
            let entry = firstEntry + position
            let index = target(ofDepth: position < labelCount ? table.labelIndices[position] : table.defaultIndex)
            if frames[index].kind != .function && labelValuesInPlace(forFrame: index) {
                addLabelFixup(toFrame: index, operand: entry, start: start)
            } else {
                code.patch(entry, instructionStart: start, target: code.position)
                emitJumpKeepingOperands(toFrame: index)
            }
        }
        markDead()
    }
}

extension Translator {
    /// A jump whose target is a return becomes that return (both take two words): the path
    /// that fell out of an `if` at the end of a function returns directly.
    mutating func threadJumpsToReturns() {
        let returnValue = Handlers.returnValue, returnFromFunction = Handlers.returnFromFunction, copyHandler = Handlers.copy
        for jump in jumpSites {
            let site = code.instructionStarts[jump]
            let target = site + Int(truncatingIfNeeded: Int64(bitPattern: code.words[site + 1]))
            guard target >= 0, target < code.position else { continue }
            if code.words[target] == returnValue {
                code.set(site, returnValue)
                code.set(site + 1, code.words[target + 1])
                // `copy x → r; return r` is `return x`: the instruction before the jump, if a copy.
                let copy = jump > firstInstruction ? code.instructionStarts[jump - 1] : -1
                if copy >= 0, copy + 2 == site, code.words[copy] == copyHandler,
                   slotD(code.words[copy + 1]) == slotA(code.words[target + 1]) {
                    // (From the first local: already in place.)
                    let source = slotA(code.words[copy + 1])
                    code.set(copy, source == 0 ? returnFromFunction : returnValue)
                    code.set(copy + 1, pack(source, 0, 0))
                }
            } else if code.words[target] == returnFromFunction {
                code.set(site, returnFromFunction)
            }
        }
    }
}
