import WasmBinary

/// One open structured instruction (or the function itself) while a body is validated: the
/// control-stack entry of the spec's validation algorithm.
///
/// <https://webassembly.github.io/spec/core/appendix/algorithm.html>
public struct ControlFrame: Sendable {
    /// Which instruction opened the frame.
    public enum Kind: Sendable {
        case function, block, loop, `if`, `else`
        /// `try_table`.
        case tryTable
        /// A legacy `try` block before its first `catch`.
        case `try`
        /// A legacy `try` block after `catch x` (where `rethrow` may name it).
        case `catch`
        /// A legacy `try` block after `catch_all` (where `rethrow` may name it).
        case catchAll
    }

    /// Which instruction opened the frame.
    public var kind: Kind
    /// The values the frame takes from the stack on entry (empty for the function frame: its
    /// parameters are locals).
    public var parameterTypes: [ValueType]
    /// The values the frame leaves on the stack at its `end`.
    public var resultTypes: [ValueType]
    /// The operand stack height at entry, below the parameters.
    public var height: Int
    /// True once the frame has reached code after `unreachable`, `br`, `br_table` or `return`,
    /// where the stack is polymorphic.
    public var isUnreachable: Bool

    /// Creates a frame.
    public init(kind: Kind, parameterTypes: [ValueType], resultTypes: [ValueType], height: Int, isUnreachable: Bool = false) {
        self.kind = kind
        self.parameterTypes = parameterTypes
        self.resultTypes = resultTypes
        self.height = height
        self.isUnreachable = isUnreachable
    }

    /// The values a branch to this frame's label carries: a loop's parameters, otherwise its results.
    public var labelTypes: [ValueType] {
        kind == .loop ? parameterTypes : resultTypes
    }
}
