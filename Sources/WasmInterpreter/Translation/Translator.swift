import WasmBinary
import WasmValidation

/// Where a value on the translator's operand stack lives at run time.
enum OperandSource: Equatable {
    /// In its own stack slot (the slot the operand's stack position maps to).
    case temporary
    /// Still in a local's slot: `local.get` emitted nothing yet.
    case local(Int)
    /// A constant not written anywhere yet (bits; two words for v128).
    case constant(UInt64, UInt64)
    /// In the accumulator register of its kind (`acc` or `facc`), where the instruction that
    /// computed it left it (see Translator+Accumulators).
    case accumulator

    var isConstant: Bool {
        if case .constant = self { return true }
        return false
    }
}

/// One value on the translator's view of the operand stack.
struct Operand {
    var source: OperandSource
    var type: ValueType
    /// The slot this stack position owns.
    var slot: Int
    /// For a value in an accumulator: where the instruction that left it there starts, and that
    /// instruction's twin that writes the slot in its operand word's destination field instead.
    var producer = 0
    var slotTwin: UInt64 = 0
    /// The producer's twin that writes both the slot and the accumulator (0 when it has none).
    var dualTwin: UInt64 = 0

    /// Slot the value can be read from now, when it is not a pending constant.
    var readSlot: Int? {
        switch source {
        case .temporary: return slot
        case .local(let local): return local
        case .constant, .accumulator: return nil
        }
    }
}

/// A block, loop, if or the function body, as the translator tracks it.
struct TranslationFrame {
    var kind: ControlFrame.Kind
    /// Operands below the block's parameters.
    var operandHeight: Int
    /// Slot of the first parameter or result.
    var slotHeight: Int
    var parameterTypes: [ValueType]
    var resultTypes: [ValueType]
    /// Forward branches to the end: the newest in the translator's `endFixups` (each entry
    /// leads to the one before it), or -1 when there are none.
    var lastEndFixup = -1
    /// Where a loop's label leads.
    var loopStart: Int = 0
    /// Where a loop's first instruction is: `loopStart`, or after the loop's fuel charge.
    var loopBody: Int = 0
    /// A loop whose first instruction is a fused compare-and-branch out of it (`while (cond)`
    /// shape): branches back to the loop repeat that test instead of jumping to it.
    var headExit: (comparison: PendingComparison, exitFrame: Int)?
    /// The fuel the head test costs, charged again where a branch back repeats it.
    var headFuel = 0
    /// Where the code after the head test starts (the test is one word longer when it is itself
    /// a metered branch back to an enclosing loop).
    var headEnd = 0
    /// The `if`'s jump to its `else` (or end), when the condition is false.
    var elseFixup: (Int, Int)?
    /// Code here is never executed: nothing is emitted until the frame's `else` or `end`.
    var isDead: Bool
    /// True when the frame was entered in dead code: nothing inside it is emitted.
    var enteredDead: Bool
    /// A try block's exception handlers, and the handlers that resume at this frame's label.
    var exceptionScope = ExceptionScope()

    var labelTypes: [ValueType] { kind == .loop ? parameterTypes : resultTypes }
    /// Whether any forward branch leads to the end.
    var hasEndFixups: Bool { lastEndFixup >= 0 }
}

/// The forward branches to the ends of a function's blocks, for all its frames in one list that
/// keeps its storage from function to function: a frame holds the index of its newest branch,
/// each branch the index of the one before it. (A list per frame allocated for every block
/// that branches to its end, and made each frame's copy and destruction cost more.)
struct EndFixups {
    private var entries: [(operand: Int, start: Int, previous: Int)] = []

    mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
    }

    /// Adds the jump operand at `operand` (of the instruction at `start`) to the chain whose
    /// newest entry is `last`, which then names it.
    mutating func add(operand: Int, start: Int, to last: inout Int) {
        entries.append((operand, start, last))
        last = entries.count - 1
    }

    /// The entry at `index`: its jump operand, its instruction's start, and the entry before it.
    subscript(index: Int) -> (operand: Int, start: Int, previous: Int) { entries[index] }
}

/// Translates validated function bodies into handler code, driving the validator one
/// instruction at a time so that operand typing is done once. One translator translates all the
/// functions of a module in turn (`translate(function:body:)`), reusing its buffers.
struct Translator {
    var code: CodeBuilder
    var validator: FunctionValidator
    let context: ModuleContext
    let module: Module
    var functionIndex: UInt32 = 0
    var operands = OperandStack()
    var frames: [TranslationFrame] = []
    /// The forward branches to the ends of the frames' blocks (see `TranslationFrame.lastEndFixup`).
    var endFixups = EndFixups()
    /// Slots taken by parameters and locals.
    var localSlots = 0
    /// Slot of each local.
    var localSlotIndex: [Int] = []
    var localTypes: [ValueType] = []
    var resultTypes: [ValueType] = []
    /// Highest slot used so far, plus one.
    var maxSlot = 0
    /// Calls to functions whose entry is not known yet: (instruction start, callee index), over
    /// all the functions translated so far.
    var callFixups: [(position: Int, callee: UInt32)] = []
    /// The current function's exception handlers, innermost first (see Translator+Exceptions).
    var exceptionHandlers: [ExceptionHandler] = []
    /// The last result written to a slot and where its destination is encoded: while nothing has
    /// been emitted after it, a `local.set` can retarget it instead of copying.
    var lastResult: (slot: Int, operandPosition: Int, end: Int)?
    /// The last comparison emitted, for a branch to fuse with (while nothing follows it).
    var lastComparison: PendingComparison?
    /// The last `i32.add` emitted, for a memory access to fuse with (while nothing follows it).
    var lastAddition: PendingAddition?
    /// The last `i32.shl` by a constant, for an `i32.add` of its result to make a scaled address.
    var lastShift: PendingShift?
    /// Where each unconditional jump starts (by instruction number), for threading jumps to returns.
    var jumpSites: [Int] = []
    /// Whether the code consumes fuel, and the block whose fuel charge is being counted: where
    /// its charge instruction is and what it costs so far (see Translator+Fuel).
    let metering: Bool
    var fuelBlock: (position: Int, cost: Int)?
    /// The charges of the current function's blocks closed so far, by position (for branches
    /// back to them).
    var closedFuelBlocks: [Int: Int] = [:]
    /// The operand (stack index) held in `acc`, and the one held in `facc`.
    var integerAccumulatorHolder: Int?
    var floatAccumulatorHolder: Int?
    /// The local (by slot) whose current value `acc`, and `facc`, also holds: reads of it can use the register.
    var integerAccumulatorMirror: Int?
    var floatAccumulatorMirror: Int?
    /// The number of the function's first instruction in the code, and whether adjacent
    /// instructions are fused into superinstructions.
    var firstInstruction = 0
    var fusesSuperinstructions = true
    /// True when the module has a memory other than the registers' one or a 64-bit table: only
    /// then can an instruction need `translateIndexedMemory` or `translateTable64`.
    let hasIndexedMemoryOrTable64: Bool
    /// True when the module has no data count section (so `memory.init` and `data.drop` are malformed).
    let lacksDataCount: Bool

    /// Frees the translator's own storage (the operand stack, the code buffers); it must not be
    /// used afterwards.
    func deallocate() {
        operands.deallocate()
        code.deallocate()
    }

    /// A translator for the functions of `module`.
    init(context: ModuleContext, module: Module, superinstructions: Bool, metering: Bool = false) {
        code = CodeBuilder()
        self.metering = metering
        self.context = context
        self.module = module
        fusesSuperinstructions = superinstructions
        hasIndexedMemoryOrTable64 = context.memories.count > 1 || context.memories.first?.addressType == .i64
            || context.tables.contains { $0.addressType == .i64 }
        lacksDataCount = module.dataCount == nil
        validator = FunctionValidator(context: context)
    }

    /// Translates the body of function `index` (in the module's function index space), appending
    /// its code. Returns the frame size in slots.
    mutating func translate(function index: UInt32, body: FunctionBody) throws(CompileError) -> Int {
        functionIndex = index
        firstInstruction = code.instructionCount
        code.beginFunction()
        do {
            try validator.begin(functionIndex: index, body: body)
        } catch {
            throw .validation(error)
        }
        operands.removeAll()
        frames.removeAll(keepingCapacity: true)
        endFixups.removeAll()
        jumpSites.removeAll(keepingCapacity: true)
        exceptionHandlers.removeAll(keepingCapacity: true)
        fuelBlock = nil
        closedFuelBlocks.removeAll(keepingCapacity: true)
        (lastResult, lastComparison, lastAddition, lastShift) = (nil, nil, nil, nil)
        (integerAccumulatorHolder, floatAccumulatorHolder, integerAccumulatorMirror, floatAccumulatorMirror) = (nil, nil, nil, nil)
        // Copied into the translator's own storage: sharing the validator's array made its
        // next `begin` copy it (an allocation per function on both sides).
        localTypes.removeAll(keepingCapacity: true)
        localTypes.append(contentsOf: validator.locals)
        localSlotIndex.removeAll(keepingCapacity: true)
        var next = 0
        for type in localTypes {
            localSlotIndex.append(next)
            next += type.slotWidth
        }
        localSlots = next
        maxSlot = next
        let type = context.functionType(at: index)
        resultTypes = type?.results ?? []
        let parameterSlots = (type?.parameters ?? []).reduce(0) { $0 + $1.slotWidth }
        // The function's first block is charged on entry, before anything runs, with one unit
        // for entering the function.
        beginFuelBlock()
        chargeFuel(1)
        // Prologue: declared locals start at zero (parameters arrive in their slots).
        if localSlots > parameterSlots {
            let count = localSlots - parameterSlots
            code.emit(count <= Handlers.zeroFewSlots.count ? Handlers.zeroFewSlots[count - 1] : Handlers.zeroSlots,
                      pack(parameterSlots, count, 0))
        }
        frames.append(TranslationFrame(kind: .function, operandHeight: 0, slotHeight: localSlots,
                                       parameterTypes: [], resultTypes: resultTypes, isDead: false, enteredDead: false))
        return try translate(body: body)
    }

    /// Translates the whole body. Returns the frame size in slots.
    private mutating func translate(body: FunctionBody) throws(CompileError) -> Int {
        var reader = InstructionReader(code: body.code, baseOffset: body.codeOffset, features: context.features)
        while !reader.isAtEnd {
            let offset = reader.offset
            let instruction: Instruction
            do {
                instruction = try reader.next()
            } catch {
                throw .decode(error)
            }
            // The decoder's check, for bodies it left unread (`decodeLeavingInstructionsUnread`).
            if lacksDataCount {
                switch instruction {
                case .memoryInit, .dataDrop: throw .decode(DecodeError(.dataCountSectionRequired, at: offset))
                default: break
                }
            }
            do {
                try validator.validate(instruction, at: offset)
            } catch {
                throw .validation(error)
            }
            try translate(instruction)
            if validator.isFinished { break }
        }
        if !reader.isAtEnd || !validator.isFinished {
            throw .validation(ValidationError(validator.isFinished ? "END opcode expected" : "unexpected end",
                                              functionIndex: functionIndex, offset: reader.offset))
        }
        endFuelBlock()
        threadJumpsToReturns()
        if fusesSuperinstructions { code.fuseSuperinstructions(fromInstruction: firstInstruction) }
        guard maxSlot < OperandPacking.slotLimit else {
            throw .limitExceeded("function \(functionIndex) needs \(maxSlot) stack slots; the limit is \(OperandPacking.slotLimit)")
        }
        return maxSlot
    }

    /// True while the current code cannot be reached: nothing is emitted.
    var isDead: Bool { mutating get { frames[frames.count - 1].isDead } }

    /// The slot the next pushed operand owns.
    var nextSlot: Int {
        mutating get {
            operands.slotAfterTop ?? localSlots
        }
    }

    @inline(__always)
    mutating func push(_ type: ValueType, _ source: OperandSource = .temporary) {
        let slot = nextSlot
        operands.append(Operand(source: source, type: type, slot: slot))
        maxSlot = max(maxSlot, slot + type.slotWidth)
    }

    /// Pushes the validator's top-of-stack type as a new temporary and returns its slot.
    mutating func pushResult() -> Int {
        let type = validator.operandType(atDepth: 0) ?? .i32
        push(type)
        return operands[operands.count - 1].slot
    }

    /// (Inlined: most callers discard the operand, and then nothing is copied out.)
    @inline(__always) @discardableResult
    mutating func pop() -> Operand {
        let index = operands.count - 1
        if integerAccumulatorHolder == index { integerAccumulatorHolder = nil }
        if floatAccumulatorHolder == index { floatAccumulatorHolder = nil }
        return operands.removeLast()
    }

    /// Marks the rest of the current frame unreachable.
    mutating func markDead() {
        frames[frames.count - 1].isDead = true
    }
}

extension ValueType {
    /// Stack slots a value of this type takes.
    var slotWidth: Int { self == .v128 ? 2 : 1 }
}
