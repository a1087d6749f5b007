/// Collects the translated code of a module's functions: handler words and operand words.
struct CodeBuilder {
    private(set) var words: [UInt64] = []
    /// Where each instruction emitted so far starts, in order.
    private(set) var instructionStarts: [Int] = []

    /// Position of the next word.
    var position: Int { words.count }

    mutating func reserveCapacity(_ words: Int) {
        self.words.reserveCapacity(words)
        instructionStarts.reserveCapacity(words / 2)
    }

    /// Number of instructions emitted so far.
    var instructionCount: Int { instructionStarts.count }

    /// Appends an instruction: its handler's word.
    mutating func emit(_ handler: UInt64) {
        instructionStarts.append(words.count)
        words.append(handler)
    }

    /// Appends an instruction: its handler's word, then its operand words (no array per call).
    mutating func emit(_ handler: UInt64, _ first: UInt64) {
        emit(handler)
        words.append(first)
    }

    mutating func emit(_ handler: UInt64, _ first: UInt64, _ second: UInt64) {
        emit(handler, first)
        words.append(second)
    }

    mutating func emit(_ handler: UInt64, _ first: UInt64, _ second: UInt64, _ third: UInt64) {
        emit(handler, first, second)
        words.append(third)
    }

    mutating func emit(_ handler: UInt64, _ first: UInt64, _ second: UInt64, _ third: UInt64, _ fourth: UInt64) {
        emit(handler, first, second, third)
        words.append(fourth)
    }

    mutating func emit(_ handler: UInt64, _ first: UInt64, _ second: UInt64, _ third: UInt64, _ fourth: UInt64,
                       _ fifth: UInt64) {
        emit(handler, first, second, third, fourth)
        words.append(fifth)
    }

    mutating func append(_ operand: UInt64) {
        words.append(operand)
    }

    /// Appends a placeholder for a relative jump target and returns its position for `patch`.
    mutating func appendJumpPlaceholder() -> Int {
        words.append(0)
        return words.count - 1
    }

    /// Makes the jump operand at `operandPosition`, belonging to the instruction starting at
    /// `instructionStart`, lead to `target`.
    mutating func patch(_ operandPosition: Int, instructionStart: Int, target: Int) {
        words[operandPosition] = UInt64(bitPattern: Int64(target - instructionStart))
    }

    /// Drops the words from `position` on (an instruction about to be fused into the next).
    mutating func truncate(to position: Int) {
        words.removeSubrange(position...)
        while let last = instructionStarts.last, last >= position { instructionStarts.removeLast() }
    }

    /// Replaces pairs of adjacent instructions, from instruction number `first` on, that have a superinstruction with
    /// it: the first instruction's handler word becomes the pair's, the second keeps its own (a
    /// jump to it still runs it alone). Pairs do not overlap; where they compete, the choice that
    /// fuses the most worth wins (a dynamic program over the instruction sequence).
    mutating func fuseSuperinstructions(fromInstruction first: Int) {
        let count = instructionStarts.count - first
        guard count > 1 else { return }
        // best[i]: the most worth fusable in instructions i..<count; pairs[i]: the pair at i, if any.
        var best = [Int](repeating: 0, count: count + 2)
        var pairs = [(handler: UInt64, worth: Int)?](repeating: nil, count: count)
        for i in stride(from: count - 2, through: 0, by: -1) {
            let (a, b) = (instructionStarts[first + i], instructionStarts[first + i + 1])
            pairs[i] = Superinstructions.pair(words[a], words[b])
            best[i] = max(best[i + 1], (pairs[i]?.worth ?? -1) + best[i + 2])
        }
        var i = 0
        while i < count {
            if let pair = pairs[i], pair.worth + best[i + 2] >= best[i + 1], pair.worth + best[i + 2] == best[i] {
                words[instructionStarts[first + i]] = pair.handler
                i += 2
            } else {
                i += 1
            }
        }
    }

    mutating func set(_ position: Int, _ value: UInt64) {
        words[position] = value
    }
}
