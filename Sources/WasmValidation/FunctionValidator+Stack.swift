import WasmBinary

/// The operand- and control-stack primitives of the spec's validation algorithm
/// (`push_val`, `pop_val`, `push_ctrl`, `pop_ctrl`, `unreachable`).
/// <https://webassembly.github.io/spec/core/appendix/algorithm.html#data-structures>
extension FunctionValidator {
    @inline(__always)
    mutating func push(_ type: ValueType) {
        operands.append(type)
    }

    @inline(__always)
    mutating func push(_ types: [ValueType]) {
        for type in types { operands.append(type) }
    }

    /// Pops any operand; nil means its type is unknown.
    @inline(__always)
    mutating func pop() throws(ValidationError) -> ValueType? {
        if _fastPath(operands.count > frameHeight) { return operands.removeLast() }
        if frameIsUnreachable { return nil }
        throw typeMismatch(expected: "a value", found: nil)
    }

    /// Pops an operand that must have the given type (or be unknown).
    @inline(__always)
    mutating func pop(_ expected: ValueType) throws(ValidationError) {
        if _fastPath(operands.count > frameHeight) {
            let actual = operands.removeLast()
            if _fastPath(actual == expected || actual == nil) { return }
            throw typeMismatch(expected: expected.description, found: actual)
        }
        if frameIsUnreachable { return }
        throw typeMismatch(expected: expected.description, found: nil)
    }

    /// Pops operands of the given types, the last type first.
    @inline(__always)
    mutating func pop(_ types: [ValueType]) throws(ValidationError) {
        var index = types.count
        while index > 0 {
            index -= 1
            try pop(types[index])
        }
    }

    /// Checks that the top operands have the given types without popping them (`br_table`'s
    /// `push_vals(pop_vals(...))`).
    mutating func peek(_ types: [ValueType]) throws(ValidationError) {
        let available = operands.count - frameHeight
        for depth in 0..<types.count {
            let expected = types[types.count - 1 - depth]
            if depth < available {
                if let actual = operands[operands.count - 1 - depth], actual != expected {
                    throw typeMismatch(expected: expected.description, found: actual)
                }
            } else if !frameIsUnreachable {
                throw typeMismatch(expected: expected.description, found: nil)
            }
        }
    }

    /// Opens a control frame whose parameters have already been popped, and pushes them back.
    @inline(__always)
    mutating func pushFrame(_ kind: ControlFrame.Kind, parameters: [ValueType], results: [ValueType]) {
        frames.append(ControlFrame(kind: kind, parameterTypes: parameters, resultTypes: results, height: operands.count))
        frameHeight = operands.count
        frameIsUnreachable = false
        push(parameters)
    }

    /// Closes the innermost frame: its results must be exactly what is left above its height.
    mutating func popFrame() throws(ValidationError) -> ControlFrame {
        guard let frame = frames.last else { throw error("unexpected end: no open block") }
        try pop(frame.resultTypes)
        guard operands.count == frame.height else {
            throw error("type mismatch: \(operands.count - frame.height) more value(s) on the stack than the block's results \(frame.resultTypes)")
        }
        frames.removeLast()
        if let outer = frames.last {
            frameHeight = outer.height
            frameIsUnreachable = outer.isUnreachable
        } else {
            frameHeight = 0
            frameIsUnreachable = false
        }
        return frame
    }

    /// Makes the rest of the innermost frame unreachable: its stack becomes polymorphic.
    @inline(__always)
    mutating func markUnreachable() {
        operands.removeLast(operands.count - frameHeight)
        frames[frames.count - 1].isUnreachable = true
        frameIsUnreachable = true
    }

    /// The frame a branch to `label` targets, or an "unknown label" error.
    @inline(__always)
    func frame(forLabel label: UInt32) throws(ValidationError) -> ControlFrame {
        guard Int(label) < frames.count else { throw error("unknown label \(label)") }
        return frames[frames.count - 1 - Int(label)]
    }

    /// An error at the current instruction.
    @inline(never)
    func error(_ message: String) -> ValidationError {
        ValidationError(message, functionIndex: functionIndex, offset: offset)
    }

    @inline(never)
    func typeMismatch(expected: String, found: ValueType?) -> ValidationError {
        error("type mismatch: expected \(expected), found \(found.map(\.description) ?? "nothing")")
    }
}
