import WasmBinary

/// A control frame as the validator keeps it: the block type instead of type arrays, so opening
/// and closing a block does no reference counting. `FunctionValidator.controlFrame(atDepth:)`
/// turns it into the public `ControlFrame`.
struct OpenFrame {
    var kind: ControlFrame.Kind
    /// The frame's type; the function's own frame uses the function's type index.
    var blockType: BlockType
    /// The operand stack height at entry, below the parameters.
    var height: Int
    var isUnreachable: Bool
    /// `setLocals.count` at entry: the locals set inside the frame are the entries above it,
    /// unset again when the frame (or an `if`'s or `try`'s branch) ends.
    var setLocalsHeight: Int
}

extension FunctionValidator {
    /// The parameter types of a frame's block type (empty for the function frame).
    func parameters(of frame: OpenFrame) -> [ValueType] {
        guard frame.kind != .function, case .typeIndex(let index) = frame.blockType else { return [] }
        return context.type(at: index)?.parameters ?? []
    }

    /// The result types of a frame's block type.
    func results(of frame: OpenFrame) -> [ValueType] {
        switch frame.blockType {
        case .empty: return []
        case .value(let type): return context.singleTypeList(type)
        case .typeIndex(let index): return context.type(at: index)?.results ?? []
        }
    }

    /// The values a branch to the frame carries: a loop's parameters, otherwise its results.
    func labelTypes(of frame: OpenFrame) -> [ValueType] {
        frame.kind == .loop ? parameters(of: frame) : results(of: frame)
    }

    /// Pops the values a branch to the frame carries.
    @inline(__always)
    mutating func popLabelValues(of frame: OpenFrame) throws(ValidationError) {
        switch frame.blockType {
        case .empty:
            break
        case .value(let type):
            if frame.kind != .loop { try pop(OperandType(type)) }
        case .typeIndex:
            try pop(labelTypes(of: frame))
        }
    }

    /// Pushes the values a branch to the frame carries (after `br_if` they stay on the stack).
    @inline(__always)
    mutating func pushLabelValues(of frame: OpenFrame) {
        switch frame.blockType {
        case .empty:
            break
        case .value(let type):
            if frame.kind != .loop { push(OperandType(type)) }
        case .typeIndex:
            push(labelTypes(of: frame))
        }
    }

    /// Pops the frame's results (at its `end`).
    @inline(__always)
    mutating func popResults(of frame: OpenFrame) throws(ValidationError) {
        switch frame.blockType {
        case .empty: break
        case .value(let type): try pop(OperandType(type))
        case .typeIndex: try pop(results(of: frame))
        }
    }

    /// Pushes the frame's results (after its `end`).
    @inline(__always)
    mutating func pushResults(of frame: OpenFrame) {
        switch frame.blockType {
        case .empty: break
        case .value(let type): push(OperandType(type))
        case .typeIndex: push(results(of: frame))
        }
    }
}
