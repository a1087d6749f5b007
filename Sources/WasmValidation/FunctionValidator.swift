import WasmBinary

/// Validates one function body, one instruction at a time, with the spec's algorithm: an operand
/// stack of value types (unknown in unreachable code) and a stack of control frames.
///
/// A translator can drive it instruction by instruction and read the operand and control stacks
/// between instructions, so stack typing is written once.
/// <https://webassembly.github.io/spec/core/appendix/algorithm.html>
public struct FunctionValidator {
    /// The most locals (parameters included) a function may have: an implementation limit, the
    /// one JavaScript engines use, so hostile local counts cannot exhaust memory.
    public static let maximumLocalCount = 50_000

    let context: ModuleContext
    /// The module-wide index of the function being validated.
    public private(set) var functionIndex: UInt32 = 0
    /// The function's parameters, then its declared locals.
    public private(set) var locals: [ValueType] = []
    /// `locals` as operand types.
    var localTypes: [OperandType] = []
    /// The function's result types.
    var resultTypes: [ValueType] = []
    /// The operand stack's storage, of which the first `operandCount` entries are in use;
    /// `.unknown` is a value of unknown type (from the polymorphic stack). Kept filled so pushes
    /// only assign.
    var operands: [OperandType]
    /// The number of values on the operand stack.
    public internal(set) var operandCount = 0
    /// The control stack, innermost frame last.
    var frames: [OpenFrame] = []
    /// The innermost frame's `height` (kept beside `frames` so pops need not read the frame).
    var frameHeight = 0
    /// The innermost frame's `isUnreachable`.
    var frameIsUnreachable = false
    /// True once the function's final `end` has been validated.
    public internal(set) var isFinished = false
    /// Where the instruction being validated is, for errors.
    var site: ErrorSite
    /// `OperatorSignature.numeric` and `.vector`, held here so the hot path skips the lazy global.
    let numericSignatures: [OperatorSignature]
    let vectorSignatures: [OperatorSignature]
    let relaxedVectorSignatures: [OperatorSignature]
    /// Which locals are set, for the non-defaultable ones (empty when the function has none, so
    /// `local.get` checks nothing): the spec's local initialisation rules.
    var localIsSet: [Bool] = []
    /// The non-defaultable locals set since the innermost frames opened, innermost last; each
    /// frame remembers how many entries it found (`OpenFrame.setLocalsHeight`).
    var setLocals: [UInt32] = []

    /// Prepares to validate the body of the defined function with the given module-wide index.
    public init(context: ModuleContext, functionIndex: UInt32, body: FunctionBody) throws(ValidationError) {
        self.init(context: context)
        try begin(functionIndex: functionIndex, body: body)
    }

    /// A validator for the functions of the module `context` describes, validating none yet:
    /// `begin(functionIndex:body:)` starts each function, reusing the validator's storage.
    public init(context: ModuleContext) {
        self.context = context
        self.site = ErrorSite(functionIndex: 0, offset: 0)
        self.operands = [OperandType](repeating: .unknown, count: 64)
        self.numericSignatures = OperatorSignature.numeric
        self.vectorSignatures = OperatorSignature.vector
        self.relaxedVectorSignatures = OperatorSignature.relaxedVector
        frames.reserveCapacity(16)
    }

    /// Starts validating the body of the defined function with the given module-wide index
    /// (whatever the validator was doing before is dropped).
    public mutating func begin(functionIndex: UInt32, body: FunctionBody) throws(ValidationError) {
        guard Int(functionIndex) >= context.importedFunctionCount, let type = context.functionType(at: functionIndex) else {
            throw ValidationError("unknown function \(functionIndex)", functionIndex: functionIndex)
        }
        var localCount = UInt64(type.parameters.count)
        for group in body.locals { localCount += UInt64(group.count) }
        guard localCount <= UInt64(Self.maximumLocalCount) else {
            throw ValidationError("too many locals: \(localCount)", functionIndex: functionIndex, offset: body.codeOffset)
        }
        locals.removeAll(keepingCapacity: true)
        locals.append(contentsOf: type.parameters)
        locals.reserveCapacity(Int(localCount))
        var hasNonDefaultableLocal = false
        for group in body.locals {
            do {
                try context.validate(group.type)
            } catch {
                var located = error
                located.functionIndex = functionIndex
                located.offset = body.codeOffset
                throw located
            }
            if !group.type.isDefaultable { hasNonDefaultableLocal = true }
            locals.append(contentsOf: repeatElement(group.type, count: Int(group.count)))
        }
        self.functionIndex = functionIndex
        localTypes.removeAll(keepingCapacity: true)
        for local in locals { localTypes.append(OperandType(local)) }
        self.resultTypes = type.results
        self.site = ErrorSite(functionIndex: functionIndex, offset: body.codeOffset)
        operandCount = 0
        frames.removeAll(keepingCapacity: true)
        frameHeight = 0
        frameIsUnreachable = false
        isFinished = false
        localIsSet.removeAll(keepingCapacity: true)
        setLocals.removeAll(keepingCapacity: true)
        if hasNonDefaultableLocal {
            // Parameters are set on entry; declared locals start unset.
            localIsSet = [Bool](repeating: true, count: locals.count)
            for index in type.parameters.count..<locals.count where !locals[index].isDefaultable {
                localIsSet[index] = false
            }
        }
        let typeIndex = context.functionTypeIndices[Int(functionIndex)]
        frames.append(OpenFrame(kind: .function, blockType: .typeIndex(typeIndex), height: 0, isUnreachable: false, setLocalsHeight: 0))
    }

    /// The type of the operand `depth` values below the top (0 is the top), or nil if it is unknown
    /// (a value of the polymorphic stack in unreachable code) or there is no such operand.
    @inline(__always)
    public func operandType(atDepth depth: Int) -> ValueType? {
        let index = operandCount - 1 - depth
        return index >= 0 && index < operandCount ? operands[index].valueType : nil
    }

    /// The number of open control frames, the function's own frame included.
    @inline(__always)
    public var controlDepth: Int { frames.count }

    /// The open control frame `depth` levels out (0 is the innermost), which is also the target of
    /// a branch to label `depth`.
    @inline(__always)
    public func controlFrame(atDepth depth: Int) -> ControlFrame {
        precondition(depth >= 0 && depth < frames.count, "control frame depth out of range")
        let frame = frames[frames.count - 1 - depth]
        return ControlFrame(
            kind: frame.kind, parameterTypes: parameters(of: frame), resultTypes: results(of: frame),
            height: frame.height, isUnreachable: frame.isUnreachable)
    }

    /// True when the innermost frame is past an `unreachable`, `br`, `br_table` or `return`, where
    /// the operand stack is polymorphic.
    @inline(__always)
    public var isUnreachable: Bool { frameIsUnreachable }

    /// The module the function belongs to.
    public var moduleContext: ModuleContext { context }
}
