import WasmBinary
import WasmValidation

/// What a frame knows about exception handling while it is translated (`TranslationFrame.exceptionScope`).
struct ExceptionScope {
    /// A `try_table`'s handlers, whose ranges end with its body.
    var openHandlers: [Int] = []
    /// A legacy `try`'s body: where it starts, and (after its first `catch`) where it ended.
    var bodyStart = 0
    var bodyEnd: Int?
    /// The handler of the legacy `catch` or `catch_all` whose body the frame is in (for `rethrow`).
    var currentCatch: Int?
    /// Handlers that resume at this frame's label, known when the frame ends.
    var handlersResumingAtEnd: [Int] = []
}

/// Exception handling: `throw`, `throw_ref`, `try_table`, and the legacy `try`, `catch`,
/// `catch_all`, `delegate` and `rethrow`.
///
/// Nothing is emitted for handlers: a try block is code like a block's, and its catch clauses
/// become `ExceptionHandler`s (the covered code range, the tag, where to resume and which slots
/// receive the values), consulted only when something throws. A handler resumes at its label
/// with the values in the label's slots, where a branch would leave them (a label of the
/// function itself returns them). A legacy `catch` body is code after the try body that only a
/// handler reaches; it starts with the caught exception in one slot (for `rethrow`; written only
/// when the body has a `rethrow` of it) and the values above it.
/// <https://webassembly.github.io/spec/core/exec/instructions.html#exception-handling>
extension Translator {
    /// `try_table bt catch*`: a block whose body the clauses cover.
    mutating func translateTryTable(_ type: BlockType, _ clauses: [CatchClause]) {
        enterBlock(.tryTable, type)
        let tryIndex = frames.count - 1
        guard !frames[tryIndex].enteredDead else { return }
        for clause in clauses {
            // Clause labels are counted from outside the try_table.
            let targetIndex = tryIndex - 1 - Int(clause.labelIndex)
            let target = frames[targetIndex]
            let valueSlot = target.kind == .function ? 0 : target.slotHeight
            var match = ExceptionHandler.Match.all
            var referenceSlot: Int?
            switch clause {
            case .catch(let tag, _):
                match = .tag(tag)
            case .catchReference(let tag, _):
                match = .tag(tag)
                referenceSlot = valueSlot + tagParameters(tag).reduce(0) { $0 + $1.slotWidth }
            case .catchAll:
                break
            case .catchAllReference:
                referenceSlot = valueSlot
            }
            var handler = ExceptionHandler(match: match, start: code.position, end: code.position, depth: tryIndex,
                                           target: ExceptionHandler.returnsFromFunction, valueSlot: valueSlot,
                                           referenceSlot: referenceSlot)
            let index = exceptionHandlers.count
            switch target.kind {
            case .function: break
            case .loop: handler.target = target.loopStart
            default: frames[targetIndex].exceptionScope.handlersResumingAtEnd.append(index)
            }
            exceptionHandlers.append(handler)
            frames[tryIndex].exceptionScope.openHandlers.append(index)
        }
    }

    /// Before `end`: a `try_table`'s handlers cover its body up to here.
    mutating func closeTryTable() {
        let top = frames.count - 1
        guard top >= 0, frames[top].kind == .tryTable, !frames[top].enteredDead else { return }
        for index in frames[top].exceptionScope.openHandlers { exceptionHandlers[index].end = code.position }
    }

    /// Legacy `try bt`: a block whose body the `catch` clauses that follow it cover.
    mutating func translateTry(_ type: BlockType) {
        enterBlock(.try, type)
        if !frames[frames.count - 1].enteredDead { frames[frames.count - 1].exceptionScope.bodyStart = code.position }
    }

    /// Legacy `catch x` (`tag`) or `catch_all` (nil): ends the try body or the previous catch body
    /// (as `else` ends an `if`'s) and starts a body that only a handler reaches.
    mutating func translateCatch(tag: UInt32?) {
        spillAccumulators()
        var frame = frames.removeLast()
        defer { frames.append(frame) }
        frame.kind = tag == nil ? .catchAll : .catch
        if frame.enteredDead { return }
        if frame.exceptionScope.bodyEnd == nil { frame.exceptionScope.bodyEnd = code.position }
        if !frame.isDead {
            emitValueMoves(count: frame.resultTypes.count, to: frame.slotHeight)
            let start = code.position
            jumpSites.append(code.instructionCount)
            code.emit(Handlers.jump)
            endFixups.add(operand: code.appendJumpPlaceholder(), start: start, to: &frame.lastEndFixup)
        }
        frame.exceptionScope.currentCatch = exceptionHandlers.count
        // Only the handler reaches the catch body: it starts a block (of fuel).
        let target = beginFuelBlock()
        exceptionHandlers.append(ExceptionHandler(
            match: tag.map { .tag($0) } ?? .all, start: frame.exceptionScope.bodyStart,
            end: frame.exceptionScope.bodyEnd ?? code.position, depth: frames.count, target: target,
            valueSlot: frame.slotHeight + 1, referenceSlot: nil))
        frame.isDead = false
        resetOperands(to: frame, [])
        push(.exnref)  // the caught exception's slot, below the values
        for type in tag.map(tagParameters) ?? [] { push(type) }
    }

    /// Legacy `delegate l`: ends a try block whose exceptions go to the handlers enclosing label `l`
    /// (counted from outside the try), skipping those in between.
    mutating func translateDelegate(_ depth: UInt32) {
        if let frame = frames.last, !frame.enteredDead {
            let tryIndex = frames.count - 1
            exceptionHandlers.append(ExceptionHandler(
                match: .delegate(depth: tryIndex - 1 - Int(depth)), start: frame.exceptionScope.bodyStart, end: code.position,
                depth: tryIndex, target: 0, valueSlot: 0, referenceSlot: nil))
        }
        translateEnd()
    }

    /// `throw x`: the tag's values are the top operands.
    mutating func translateThrow(_ tag: UInt32) {
        let base = materializeArguments(tagParameters(tag).count)
        spillAccumulators()
        code.emit(Handlers.throw, pack(base, 0, 0), UInt64(tag))
        markDead()
    }

    /// `throw_ref`: throws the exception on top of the stack again (traps on null).
    mutating func translateThrowReference() {
        let reference = popSlot()
        spillAccumulators()
        code.emit(Handlers.throwReference, pack(reference, 0, 0))
        markDead()
    }

    /// Legacy `rethrow l`: throws the exception the catch body at label `l` caught, which its
    /// handler must now write into the catch body's first slot.
    mutating func translateRethrow(_ depth: UInt32) {
        let index = target(ofDepth: depth)
        guard let handler = frames[index].exceptionScope.currentCatch else { return }  // validated: a catch body
        let slot = frames[index].slotHeight
        exceptionHandlers[handler].referenceSlot = slot
        spillAccumulators()
        code.emit(Handlers.throwReference, pack(slot, 0, 0))
        markDead()
    }

    /// The values an exception with module tag `tag` carries.
    func tagParameters(_ tag: UInt32) -> [ValueType] {
        context.tagType(at: tag)?.parameters ?? []  // validated: a tag
    }
}
