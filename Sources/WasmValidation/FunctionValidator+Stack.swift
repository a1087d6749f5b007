import WasmBinary

/// The operand- and control-stack primitives of the spec's validation algorithm
/// (`push_val`, `pop_val`, `push_ctrl`, `pop_ctrl`, `unreachable`).
/// <https://webassembly.github.io/spec/core/appendix/algorithm.html#data-structures>
extension FunctionValidator {
    /// Pushes an operand (`unknown` for one of unknown type).
    @inline(__always)
    mutating func push(_ type: OperandType) {
        if _slowPath(operandCount == operands.count) { growOperands() }
        // The slot often holds this type already (from the value just popped); skipping the store
        // then skips the array's uniqueness check.
        if operands[operandCount] != type { operands[operandCount] = type }
        operandCount += 1
    }

    @inline(__always)
    mutating func push(_ types: [ValueType]) {
        for type in types { push(OperandType(type)) }
    }

    @inline(never)
    mutating func growOperands() {
        operands.append(contentsOf: repeatElement(.unknown, count: Swift.max(64, operands.count)))
    }

    /// Pops any operand (`unknown` from the polymorphic stack).
    @inline(__always)
    mutating func pop() throws(ValidationError) -> OperandType {
        if _fastPath(operandCount > frameHeight) {
            operandCount -= 1
            return operands[operandCount]
        }
        if frameIsUnreachable { return .unknown }
        throw site.typeMismatch(expected: "a value", found: nil)
    }

    /// Pops an operand that must have the given type, a subtype of it, or be unknown.
    @inline(__always)
    mutating func pop(_ expected: OperandType) throws(ValidationError) {
        if _fastPath(operandCount > frameHeight) {
            operandCount -= 1
            let actual = operands[operandCount]
            if _fastPath(actual == expected || actual == .unknown) { return }
            try requireSubtype(actual, of: expected)
            return
        }
        if frameIsUnreachable { return }
        throw site.typeMismatch(expected: expected.description, found: nil)
    }

    /// The slow path of a type check: two different reference types may still match.
    @inline(never)
    func requireSubtype(_ actual: OperandType, of expected: OperandType) throws(ValidationError) {
        guard actual.isReference, expected.isReference, context.matcher.matches(actual, expected) else {
            throw site.typeMismatch(expected: expected.description, found: actual)
        }
    }

    /// Pops a reference of any type (`pop_ref`): from the polymorphic stack, a non-null
    /// reference to the bottom heap type.
    mutating func popReference() throws(ValidationError) -> OperandType {
        let type = try pop()
        if type == .unknown { return OperandType(reference: OperandType.HeapCode.bot, isNullable: false) }
        guard type.isReference else { throw site.typeMismatch(expected: "a reference", found: type) }
        return type
    }

    /// Pops operands of the given types, the last type first.
    @inline(__always)
    mutating func pop(_ types: [ValueType]) throws(ValidationError) {
        var index = types.count
        while index > 0 {
            index -= 1
            try pop(OperandType(types[index]))
        }
    }

    /// Checks that the top operands have the given types without popping them (`br_table`'s
    /// `push_vals(pop_vals(...))`).
    func peek(_ types: [ValueType]) throws(ValidationError) {
        let available = operandCount - frameHeight
        for depth in 0..<types.count {
            let expected = OperandType(types[types.count - 1 - depth])
            if depth < available {
                let actual = operands[operandCount - 1 - depth]
                if actual != expected && actual != .unknown {
                    try requireSubtype(actual, of: expected)
                }
            } else if !frameIsUnreachable {
                throw site.typeMismatch(expected: expected.description, found: nil)
            }
        }
    }

    /// Opens a control frame whose parameters have already been popped, and pushes them back.
    @inline(__always)
    mutating func pushFrame(_ kind: ControlFrame.Kind, _ blockType: BlockType, parameters: [ValueType]) {
        frames.append(OpenFrame(kind: kind, blockType: blockType, height: operandCount, isUnreachable: false,
                                setLocalsHeight: setLocals.count))
        frameHeight = operandCount
        frameIsUnreachable = false
        push(parameters)
    }

    /// Closes the innermost frame: its results must be exactly what is left above its height.
    mutating func popFrame() throws(ValidationError) -> OpenFrame {
        guard let frame = frames.last else { throw site.error("unexpected end: no open block") }
        try popResults(of: frame)
        guard operandCount == frameHeight else {
            throw site.error("type mismatch: \(operandCount - frameHeight) value(s) left on the stack at the end of a block")
        }
        frames.removeLast()
        if setLocals.count > frame.setLocalsHeight { unsetLocals(downTo: frame.setLocalsHeight) }
        if let outer = frames.last {
            frameHeight = outer.height
            frameIsUnreachable = outer.isUnreachable
        } else {
            frameHeight = 0
            frameIsUnreachable = false
        }
        return frame
    }

    /// Forgets the locals set since `setLocals` had `height` entries (a frame or branch ended).
    @inline(never)
    mutating func unsetLocals(downTo height: Int) {
        while setLocals.count > height {
            localIsSet[Int(setLocals.removeLast())] = false
        }
    }

    /// Makes the rest of the innermost frame unreachable: its stack becomes polymorphic.
    @inline(__always)
    mutating func markUnreachable() {
        operandCount = frameHeight
        frames[frames.count - 1].isUnreachable = true
        frameIsUnreachable = true
    }

    /// Pops an operator's operands (the last first) and pushes its result.
    @inline(__always)
    mutating func apply(_ signature: OperatorSignature) throws(ValidationError) {
        switch signature.operandCount {
        case 1:
            try pop(signature.first)
        case 2:
            try pop(signature.second)
            try pop(signature.first)
        default:
            try pop(signature.third)
            try pop(signature.second)
            try pop(signature.first)
        }
        push(signature.result)
    }

    /// The frame a branch to `label` targets, or an "unknown label" error.
    @inline(__always)
    func frame(forLabel label: UInt32) throws(ValidationError) -> OpenFrame {
        guard Int(label) < frames.count else { throw site.error("unknown label \(label)") }
        return frames[frames.count - 1 - Int(label)]
    }
}
