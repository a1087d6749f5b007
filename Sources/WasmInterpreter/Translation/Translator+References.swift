import WasmBinary

/// Tail calls and typed function references: `return_call`, `return_call_indirect`,
/// `return_call_ref`, `call_ref`, `ref.as_non_null`, `br_on_null` and `br_on_non_null`.
extension Translator {
    /// `return_call f`: the arguments go to their own slots; the handler moves them to the frame base.
    mutating func translateReturnCall(_ index: UInt32) {
        guard let type = context.functionType(at: index) else { return }
        let argumentBase = materializeArguments(type.parameters.count)
        spillAccumulators()
        let start = code.position
        if Int(index) >= context.importedFunctionCount {
            code.emit(Handlers.returnCallInternal, pack(argumentBase, type.parameterSlots, 0), 0, 0)
            callFixups.append((position: start, callee: index))
        } else {
            code.emit(Handlers.returnCallFunction, pack(argumentBase, type.parameterSlots, 0), UInt64(index))
        }
        markDead()
    }

    mutating func translateReturnCallIndirect(typeIndex: UInt32, tableIndex: UInt32) {
        let type = module.functionType(at: typeIndex) ?? FunctionType()  // validated: a function type
        let selector = popSlot()
        let argumentBase = materializeArguments(type.parameters.count)
        spillAccumulators()
        let handler = isTable64(tableIndex) ? Handlers.returnCallIndirect64 : Handlers.returnCallIndirect
        code.emit(handler, pack(argumentBase, selector, type.parameterSlots), UInt64(typeIndex), UInt64(tableIndex))
        markDead()
    }

    /// `call_ref $t`: the reference is on top of the arguments.
    mutating func translateCallReference(typeIndex: UInt32) {
        let type = module.functionType(at: typeIndex) ?? FunctionType()  // validated: a function type
        let reference = popSlot()
        let argumentBase = materializeArguments(type.parameters.count)
        spillAccumulators()
        code.emit(Handlers.callReference, pack(argumentBase, reference, 0))
        for result in type.results { push(result) }
    }

    mutating func translateReturnCallReference(typeIndex: UInt32) {
        let type = module.functionType(at: typeIndex) ?? FunctionType()  // validated: a function type
        let reference = popSlot()
        let argumentBase = materializeArguments(type.parameters.count)
        spillAccumulators()
        code.emit(Handlers.returnCallReference, pack(argumentBase, reference, type.parameterSlots))
        markDead()
    }

    /// `br_on_null l`: branches with the values below the reference when it is null; otherwise
    /// the reference stays, now known not to be null.
    mutating func translateBranchOnNull(depth: UInt32) {
        spillAccumulators()
        let reference = readSlot(of: operands.count - 1)
        var kept = pop()
        emitBranch(toDepth: depth, when: Handlers.branchIfNull, otherwise: Handlers.branchIfNotNull, testing: reference)
        kept.type = validator.operandType(atDepth: 0) ?? kept.type
        operands.append(kept)
    }

    /// `br_on_non_null l`: branches with the values and the reference when it is not null;
    /// otherwise drops the (null) reference.
    mutating func translateBranchOnNonNull(depth: UInt32) {
        spillAccumulators()
        let reference = readSlot(of: operands.count - 1)
        emitBranch(toDepth: depth, when: Handlers.branchIfNotNull, otherwise: Handlers.branchIfNull, testing: reference)
        pop()
    }

    /// A branch to the label at `depth` taken when `condition` (a one-slot test of `slot`) holds;
    /// `inverse` is the opposite test. When the label's values are already in place the branch
    /// jumps straight there; otherwise the inverse test skips a jump that moves them first.
    private mutating func emitBranch(toDepth depth: UInt32, when condition: UInt64, otherwise inverse: UInt64, testing slot: Int) {
        let index = target(ofDepth: depth)
        let start = code.position
        if frames[index].kind != .function && labelValuesInPlace(forFrame: index) {
            code.emit(condition, pack(slot, 0, 0))
            addLabelFixup(toFrame: index, operand: code.appendJumpPlaceholder(), start: start)
        } else {
            code.emit(inverse, pack(slot, 0, 0))
            let skip = code.appendJumpPlaceholder()
            let fallthroughOperands = operands
            emitJump(toFrame: index)
            operands = fallthroughOperands
            code.patch(skip, instructionStart: start, target: code.position)
        }
    }
}

extension FunctionType {
    /// The slots the parameters take (two for a v128).
    var parameterSlots: Int { parameters.reduce(0) { $0 + $1.slotWidth } }
}
