import WasmBinary

/// Validates one function body, one instruction at a time, with the spec's algorithm: an operand
/// stack of value types (unknown in unreachable code) and a stack of control frames.
///
/// A translator can drive it instruction by instruction and read the operand and control stacks
/// between instructions, so stack typing is written once.
/// <https://webassembly.github.io/spec/core/appendix/algorithm.html>
public struct FunctionValidator {
    /// The most locals (parameters included) a function may have; the limit JavaScript engines use.
    public static let maximumLocalCount = 50_000

    let context: ModuleContext
    /// The module-wide index of the function being validated.
    public let functionIndex: UInt32
    /// The function's parameters, then its declared locals.
    public private(set) var locals: [ValueType]
    /// The function's result types.
    let resultTypes: [ValueType]
    /// The operand stack; nil is a value of unknown type (from the polymorphic stack).
    var operands: [ValueType?] = []
    /// The control stack, innermost frame last.
    var frames: [ControlFrame] = []
    /// The innermost frame's `height` (kept beside `frames` so pops need not read the frame).
    var frameHeight = 0
    /// The innermost frame's `isUnreachable`.
    var frameIsUnreachable = false
    /// True once the function's final `end` has been validated.
    public internal(set) var isFinished = false
    /// Where the instruction being validated starts, for errors.
    var offset = 0

    /// Prepares to validate the body of the defined function with the given module-wide index.
    public init(context: ModuleContext, functionIndex: UInt32, body: FunctionBody) throws(ValidationError) {
        guard Int(functionIndex) >= context.importedFunctionCount, let type = context.functionType(at: functionIndex) else {
            throw ValidationError("unknown function \(functionIndex)", functionIndex: functionIndex)
        }
        var localCount = UInt64(type.parameters.count)
        for group in body.locals { localCount += UInt64(group.count) }
        guard localCount <= UInt64(Self.maximumLocalCount) else {
            throw ValidationError("too many locals: \(localCount)", functionIndex: functionIndex, offset: body.codeOffset)
        }
        var locals = type.parameters
        locals.reserveCapacity(Int(localCount))
        for group in body.locals {
            locals.append(contentsOf: repeatElement(group.type, count: Int(group.count)))
        }
        self.context = context
        self.functionIndex = functionIndex
        self.locals = locals
        self.resultTypes = type.results
        self.offset = body.codeOffset
        operands.reserveCapacity(32)
        frames.reserveCapacity(16)
        frames.append(ControlFrame(kind: .function, parameterTypes: [], resultTypes: type.results, height: 0))
    }

    /// The number of values on the operand stack.
    @inline(__always)
    public var operandCount: Int { operands.count }

    /// The type of the operand `depth` values below the top (0 is the top), or nil if it is unknown
    /// (a value of the polymorphic stack in unreachable code) or there is no such operand.
    @inline(__always)
    public func operandType(atDepth depth: Int) -> ValueType? {
        let index = operands.count - 1 - depth
        return index >= 0 && index < operands.count ? operands[index] : nil
    }

    /// The number of open control frames, the function's own frame included.
    @inline(__always)
    public var controlDepth: Int { frames.count }

    /// The open control frame `depth` levels out (0 is the innermost), which is also the target of
    /// a branch to label `depth`.
    @inline(__always)
    public func controlFrame(atDepth depth: Int) -> ControlFrame {
        precondition(depth >= 0 && depth < frames.count, "control frame depth out of range")
        return frames[frames.count - 1 - depth]
    }

    /// True when the innermost frame is past an `unreachable`, `br`, `br_table` or `return`, where
    /// the operand stack is polymorphic.
    @inline(__always)
    public var isUnreachable: Bool { frameIsUnreachable }

    /// The module the function belongs to.
    public var moduleContext: ModuleContext { context }
}
