import WasmBinary

/// A cursor into translated code: each instruction is a handler word followed by its operand words.
typealias CodePointer = UnsafeMutablePointer<UInt64>
/// The current frame's base: locals first, then the operand-stack slots, all 64-bit.
typealias FramePointer = UnsafeMutablePointer<UInt64>
/// The execution state shared by all handlers of one invocation.
typealias StatePointer = UnsafeMutablePointer<ExecutionState>

/// An instruction handler. Each one executes its instruction and passes control on with `next`,
/// which in optimised builds is a tail call through the next handler word (threaded code) and in
/// debug builds returns to `ExecutionState.run`'s trampoline loop.
/// The memory's base address and size travel in registers; they are reloaded after anything that
/// may move the memory (calls, returns, `memory.grow`).
/// `acc` and `facc` are the accumulators: an integer and a float register that carry the top of
/// the operand stack from one handler to the next when the translator places it there.
typealias Handler = @convention(thin) (CodePointer, FramePointer, UnsafeMutableRawPointer, Int, StatePointer, UInt64, Double) -> Void

/// Whether a run is still going and how it ended.
enum ExecutionStatus: UInt8 {
    case running, finished, trapped
    /// An exception is being thrown (`Runtime.exceptionInFlight`) from the site in `pc` and `fp`:
    /// handlers stop, and `run` looks for a handler to resume at (see Runtime+Exceptions).
    case throwing
}

/// A return address on the interpreter's own call stack (wasm calls never recurse on Swift's stack).
struct CallFrame {
    var returnPC: CodePointer
    var framePointer: FramePointer
    /// The instance to return to; nil when it is the one running when the callee returns (a call
    /// within one instance: a call stores a constant instead of loading the current instance,
    /// and a tail call into another instance fills it in before switching).
    var instance: UnsafeMutablePointer<InstanceState>?
}

/// Everything a running invocation needs besides the registers: the call stack, the current
/// instance, limits, and how the run ended.
struct ExecutionState {
    var instance: UnsafeMutablePointer<InstanceState>
    /// The next free call frame; frames below it are the active calls' return addresses.
    var frameTop: UnsafeMutablePointer<CallFrame>
    /// One past the last call frame this run may use (the depth limit).
    var frameEnd: UnsafeMutablePointer<CallFrame>
    /// One past the last slot of the value stack.
    var stackEnd: FramePointer
    var status: ExecutionStatus
    var trapReason: TrapReason?
    /// The table element a trap concerns, when it concerns one.
    var trapElementIndex: Int?
    /// The runtime, for the slow paths (host calls, cross-instance calls, growing tables).
    var runtime: Unmanaged<Runtime>
    /// Fuel left, when the runtime's code consumes fuel (`handleConsumeFuel`).
    var fuel: Int64 = 0
    /// The handle that may interrupt the run (nil: nothing can), and the one-instruction program
    /// an interrupted jump leads to (see InterruptChecks.swift).
    var interruptHandle: Unmanaged<InterruptHandle>?
    var interruptedCode: CodePointer
    // Registers saved between trampoline steps (debug builds only), and where an exception
    // being thrown comes from (its site and frame, in every build).
    var pc: CodePointer
    var fp: FramePointer
    var memoryBase: UnsafeMutableRawPointer
    var memorySize: Int
    var acc: UInt64 = 0
    var facc: Double = 0
}

/// Word `index` of the instruction at `pc` as a handler.
@inline(__always)
func handler(at pc: CodePointer) -> Handler {
    unsafeBitCast(Int(truncatingIfNeeded: pc.pointee), to: Handler.self)
}

/// The word stored in code for `handler`. Handlers are passed as closure literals that call
/// the handler function: in Swift 6 mode a plain reference to a global function is inferred
/// `@Sendable` and cannot be converted to a thin function pointer, while a non-capturing
/// closure literal can (the handler body is inlined into it).
func handlerWord(_ handler: Handler) -> UInt64 {
    UInt64(UInt(bitPattern: unsafeBitCast(handler, to: Int.self)))
}

/// Passes control to the instruction at `pc`.
@inline(__always)
func next(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double) {
    #if DEBUG
    state.pointee.pc = pc
    state.pointee.fp = fp
    state.pointee.memoryBase = md
    state.pointee.memorySize = ms
    state.pointee.acc = acc
    state.pointee.facc = facc
    #else
    let word = pc.pointee
    // A zero word is no handler (translation never leaves one where an instruction starts):
    // stop with a trap rather than jump to address 0. This cold path calls out and then stores,
    // so it needs a stack frame; the compiler sets the frame up there (shrink-wrapping) and the
    // handler's fast path pushes and pops none (see RATIONALE, "Dispatch").
    if _slowPath(word == 0) {
        invalidCodeStop(state).pointee = .trapped
        return
    }
    unsafeBitCast(Int(truncatingIfNeeded: word), to: Handler.self)(pc, fp, md, ms, state, acc, facc)
    #endif
}

/// Passes control to the instruction at `pc` without `next`'s check of the word: for the call
/// and return handlers, which keep a stack frame anyway (they need a callee-saved register), so
/// the check would only add instructions to them.
@inline(__always)
func nextFromFramedHandler(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer,
                           _ acc: UInt64, _ facc: Double) {
    #if DEBUG
    next(pc, fp, md, ms, state, acc, facc)
    #else
    handler(at: pc)(pc, fp, md, ms, state, acc, facc)
    #endif
}

/// Records the trap for a jump to a word that is not a handler and returns where the run's status
/// is, for the caller to stop the run (the caller keeps nothing live across the call).
@inline(never)
func invalidCodeStop(_ state: StatePointer) -> UnsafeMutablePointer<ExecutionStatus> {
    state.pointee.trapReason = .hostError("the interpreter reached a code word that is not an instruction")
    guard let offset = MemoryLayout<ExecutionState>.offset(of: \.status) else { preconditionFailure("status is a stored property") }
    return (UnsafeMutableRawPointer(state) + offset).assumingMemoryBound(to: ExecutionStatus.self)
}

/// What an instruction leaves for the next one: where to continue (nil after a trap) and the
/// accumulators. Generated handlers are written as *steps* returning this, so that a
/// superinstruction can run two of them back to back (`runPair`) while a plain handler passes
/// control on (`proceed`); both inline to straight-line code.
struct Continuation {
    var pc: CodePointer?
    var acc: UInt64
    var facc: Double
}

/// Passes control to where `step` says (nothing after a trap: the run stops).
@inline(__always)
func proceed(_ step: Continuation, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer) {
    if let pc = step.pc { next(pc, fp, md, ms, state, step.acc, step.facc) }
}

/// One step of an instruction: the signature every generated step function has.
typealias Step = (CodePointer, FramePointer, UnsafeMutableRawPointer, Int, StatePointer, UInt64, Double) -> Continuation

/// A superinstruction: `first` (which takes `firstWords` words), then, if it fell through,
/// `second` on the following instruction's operands — one dispatch for two instructions. The
/// second instruction keeps its own handler word, so a jump straight to it still runs it alone.
@inline(__always)
func runPair(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64,
             _ facc: Double, _ firstWords: Int, _ first: Step, _ second: Step) {
    let step = first(pc, fp, md, ms, state, acc, facc)
    guard let following = step.pc else { return }
    if following != pc + firstWords {
        next(following, fp, md, ms, state, step.acc, step.facc)
        return
    }
    proceed(second(following, fp, md, ms, state, step.acc, step.facc), fp, md, ms, state)
}

/// Stops the run with a trap. Kept out of line so that handlers stay small.
@inline(never)
func trap(_ reason: TrapReason, _ state: StatePointer) {
    state.pointee.trapReason = reason
    state.pointee.status = .trapped
}

/// Stops the run with a trap about table element `index`.
@inline(never)
func trap(_ reason: TrapReason, elementIndex index: Int, _ state: StatePointer) {
    state.pointee.trapElementIndex = index
    trap(reason, state)
}

extension ExecutionState {
    /// Runs from `pc` until the entry frame returns, a trap stops the run, or an exception leaves
    /// it. A thrown exception stops the handlers; a handler for it (found by walking the call
    /// frames, off the path of code that does not throw) is where the run resumes.
    static func run(_ state: StatePointer, pc: CodePointer, fp: FramePointer) {
        var resume = (pc: pc, fp: fp)
        while true {
            dispatch(state, pc: resume.pc, fp: resume.fp)
            guard state.pointee.status == .throwing, let handler = unwindException(state) else { return }
            resume = handler
        }
    }

    /// Runs handlers from `pc` until one stops (a return to the exit program, a trap, a throw).
    private static func dispatch(_ state: StatePointer, pc: CodePointer, fp: FramePointer) {
        let memory = state.pointee.instance.pointee.memory0
        state.pointee.status = .running
        #if DEBUG
        state.pointee.pc = pc
        state.pointee.fp = fp
        state.pointee.memoryBase = memory.pointee.base
        state.pointee.memorySize = memory.pointee.size
        if let profile = state.pointee.runtime.takeUnretainedValue().dispatchProfile {
            runCounting(state, profile)
            return
        }
        while state.pointee.status == .running {
            let s = state.pointee
            handler(at: s.pc)(s.pc, s.fp, s.memoryBase, s.memorySize, state, s.acc, s.facc)
        }
        #else
        handler(at: pc)(pc, fp, memory.pointee.base, memory.pointee.size, state, 0, 0)
        #endif
    }

    #if DEBUG
    /// The trampoline loop, counting every handler it runs into `profile`.
    private static func runCounting(_ state: StatePointer, _ profile: DispatchProfile) {
        var previous: (word: UInt64, pc: CodePointer)?
        while state.pointee.status == .running {
            let s = state.pointee
            profile.record(s.pc.pointee, at: s.pc, after: previous?.word ?? 0, at: previous?.pc)
            previous = (s.pc.pointee, s.pc)
            handler(at: s.pc)(s.pc, s.fp, s.memoryBase, s.memorySize, state, s.acc, s.facc)
        }
    }
    #endif
}
