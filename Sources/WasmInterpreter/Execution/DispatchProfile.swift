/// Counts of executed handlers and of handler pairs, gathered while a runtime that has a profile
/// runs code — in debug builds only, where handlers run under `ExecutionState.run`'s trampoline.
/// Release builds chain handlers directly and count nothing (the hot path has no counting code).
///
/// The counts show where a program's dispatches go and which instruction sequences are worth a
/// superinstruction: `wasm run FILE --invoke NAME ARGS --profile-dispatch` (debug build) prints them.
public final class DispatchProfile {
    /// A handler executed right after another one.
    struct Pair: Hashable {
        var first: UInt64
        var second: UInt64
    }

    /// Whether this build counts (debug builds do).
    public static var isAvailable: Bool {
        #if DEBUG
        return true
        #else
        return false
        #endif
    }

    var handlerCounts: [UInt64: Int] = [:]
    /// Executions of each instruction, by its address in the translated code.
    var instructionCounts: [CodePointer: Int] = [:]
    /// Pairs where the second handler is the next instruction in code order (no jump between).
    var sequentialPairs: [Pair: Int] = [:]
    /// Pairs where control jumped (a taken branch, a call or a return) between the two.
    var jumpPairs: [Pair: Int] = [:]
    /// Three handlers in a row, each the next instruction in code order after the one before.
    struct Triple: Hashable {
        var first: UInt64
        var second: UInt64
        var third: UInt64
    }
    var sequentialTriples: [Triple: Int] = [:]
    /// The handler before `previous`, when it fell through to it.
    private var beforePrevious: UInt64?

    /// An empty profile.
    public init() {}

    /// Handlers executed so far.
    public var dispatchCount: Int { handlerCounts.values.reduce(0, +) }

    /// Counts `handler` at `pc`, executed after `previous` at `previousPC`.
    func record(_ handler: UInt64, at pc: CodePointer, after previous: UInt64, at previousPC: CodePointer?) {
        handlerCounts[handler, default: 0] += 1
        instructionCounts[pc, default: 0] += 1
        guard let previousPC else { return }
        let pair = Pair(first: previous, second: handler)
        // Instructions take at most a few words, so a short step forward is a fall-through.
        let step = pc - previousPC
        if step > 0, step <= HandlerNames.longestInstruction {
            sequentialPairs[pair, default: 0] += 1
            if let beforePrevious {
                sequentialTriples[Triple(first: beforePrevious, second: previous, third: handler), default: 0] += 1
            }
            beforePrevious = previous
        } else {
            jumpPairs[pair, default: 0] += 1
            beforePrevious = nil
        }
    }

    /// The most frequent handlers and pairs, `top` of each, with their share of all dispatches.
    public func report(top: Int = 30) -> String {
        let total = max(dispatchCount, 1)
        func share(_ count: Int) -> String {
            let tenths = count * 1000 / total
            return "\(tenths / 10).\(tenths % 10)%"
        }
        func name(_ word: UInt64) -> String { HandlerNames.name(of: word) }
        var lines = ["\(dispatchCount) dispatches", "", "handlers:"]
        for (word, count) in handlerCounts.sorted(by: { $0.value > $1.value }).prefix(top) {
            lines.append("  \(count)  \(share(count))  \(name(word))")
        }
        lines += ["", "handler pairs, fall-through (the second is the next instruction):"]
        for (pair, count) in sequentialPairs.sorted(by: { $0.value > $1.value }).prefix(top) {
            lines.append("  \(count)  \(share(count))  \(name(pair.first)) → \(name(pair.second))")
        }
        lines += ["", "handler triples, fall-through:"]
        for (triple, count) in sequentialTriples.sorted(by: { $0.value > $1.value }).prefix(top) {
            lines.append("  \(count)  \(share(count))  \(name(triple.first)) → \(name(triple.second)) → \(name(triple.third))")
        }
        lines += ["", "handler pairs across a jump (taken branch, call, return):"]
        for (pair, count) in jumpPairs.sorted(by: { $0.value > $1.value }).prefix(top) {
            lines.append("  \(count)  \(share(count))  \(name(pair.first)) → \(name(pair.second))")
        }
        return lines.joined(separator: "\n")
    }

    /// The translated code around the hottest instructions, in code order: each instruction run at
    /// least `threshold` times as often as the hottest one, with its count, handler and the slot
    /// fields and next two words of its operands (a view for choosing what to fuse).
    public func hotCode(threshold: Double = 0.05) -> String {
        let hottest = instructionCounts.values.max() ?? 0
        var lines: [String] = []
        var previous: CodePointer?
        for (pc, count) in instructionCounts.sorted(by: { $0.key < $1.key }) where Double(count) >= threshold * Double(hottest) {
            if let previous, pc - previous > HandlerNames.longestInstruction { lines.append("  ...") }
            previous = pc
            let fields = "(\(slotA(pc)), \(slotB(pc)), \(slotD(pc)))"
            lines.append("  \(count)\t\(HandlerNames.name(of: pc.pointee))  \(fields) \(Int64(bitPattern: pc[2])) \(Int64(bitPattern: pc[3]))")
        }
        return lines.joined(separator: "\n")
    }
}
