/// Collects the translated code of a module's functions: handler words and operand words.
/// Its buffers are freed by `deallocate()`; `takeWords()` hands the code over.
struct CodeBuilder {
    private var wordBuffer = WordBuffer<UInt64>()
    private var startBuffer = WordBuffer<Int>()
    /// Scratch space of `fuseSuperinstructions`, kept between functions.
    private var fusionChoices: [FusionChoice] = []
    /// Where the current function's code starts, and which of its words jumps lead to
    /// (`loopHeadMark`, `forwardTargetMark`), indexed from there: a pair whose second instruction
    /// is a jump target runs as one only when control falls into it.
    private var functionStart = 0
    private var labelMarks = WordBuffer<UInt8>()
    private static let loopHeadMark: UInt8 = 1, forwardTargetMark: UInt8 = 2

    /// The words emitted so far (valid until the next emit).
    var words: UnsafeBufferPointer<UInt64> { wordBuffer.elements }
    /// Where each instruction emitted so far starts, in order (valid until the next emit).
    var instructionStarts: UnsafeBufferPointer<Int> { startBuffer.elements }

    /// Position of the next word.
    var position: Int { wordBuffer.count }

    mutating func reserveCapacity(_ words: Int) {
        wordBuffer.reserveCapacity(words)
        startBuffer.reserveCapacity(words / 2)
    }

    /// Frees the buffers; the builder must not be used afterwards.
    func deallocate() {
        wordBuffer.deallocate()
        startBuffer.deallocate()
        labelMarks.deallocate()
    }

    /// Hands the code over (the caller frees it) and starts over empty.
    mutating func takeWords() -> (base: UnsafeMutablePointer<UInt64>, count: Int) {
        wordBuffer.take()
    }

    /// Number of instructions emitted so far.
    var instructionCount: Int { startBuffer.count }

    /// Starts a function's code (for `fuseSuperinstructions`' view of its jump targets).
    mutating func beginFunction() {
        functionStart = wordBuffer.count
        labelMarks.removeLast(to: 0)
    }

    /// Appends an instruction: its handler's word.
    @inline(__always)
    mutating func emit(_ handler: UInt64) {
        startBuffer.append(wordBuffer.count)
        wordBuffer.append(handler)
    }

    /// Appends an instruction: its handler's word, then its operand words (no array per call;
    /// the short forms, most instructions, inlined with one capacity test for their words).
    @inline(__always)
    mutating func emit(_ handler: UInt64, _ first: UInt64) {
        startBuffer.append(wordBuffer.count)
        wordBuffer.append(handler, first)
    }

    @inline(__always)
    mutating func emit(_ handler: UInt64, _ first: UInt64, _ second: UInt64) {
        startBuffer.append(wordBuffer.count)
        wordBuffer.append(handler, first, second)
    }

    mutating func emit(_ handler: UInt64, _ first: UInt64, _ second: UInt64, _ third: UInt64) {
        emit(handler, first, second)
        wordBuffer.append(third)
    }

    mutating func emit(_ handler: UInt64, _ first: UInt64, _ second: UInt64, _ third: UInt64, _ fourth: UInt64) {
        emit(handler, first, second, third)
        wordBuffer.append(fourth)
    }

    mutating func emit(_ handler: UInt64, _ first: UInt64, _ second: UInt64, _ third: UInt64, _ fourth: UInt64,
                       _ fifth: UInt64) {
        emit(handler, first, second, third, fourth)
        wordBuffer.append(fifth)
    }

    mutating func append(_ operand: UInt64) {
        wordBuffer.append(operand)
    }

    /// Appends a placeholder for a relative jump target and returns its position for `patch`.
    mutating func appendJumpPlaceholder() -> Int {
        wordBuffer.append(0)
        return wordBuffer.count - 1
    }

    /// Makes the jump operand at `operandPosition`, belonging to the instruction starting at
    /// `instructionStart`, lead to `target`.
    mutating func patch(_ operandPosition: Int, instructionStart: Int, target: Int) {
        wordBuffer[operandPosition] = UInt64(bitPattern: Int64(target - instructionStart))
        let offset = target - functionStart
        guard offset >= 0 else { return }
        labelMarks.extend(toCount: offset + 1, filling: 0)
        labelMarks[offset] |= target <= instructionStart ? Self.loopHeadMark : Self.forwardTargetMark
    }

    /// Drops the words from `position` on (an instruction about to be fused into the next).
    mutating func truncate(to position: Int) {
        wordBuffer.removeLast(to: position)
        var starts = startBuffer.count
        while starts > 0, startBuffer[starts - 1] >= position { starts -= 1 }
        startBuffer.removeLast(to: starts)
    }

    /// Replaces pairs of adjacent instructions, from instruction number `first` on, that have a superinstruction with
    /// it: the first instruction's handler word becomes the pair's, the second keeps its own (a
    /// jump to it still runs it alone). Pairs do not overlap; where they compete, the choice that
    /// fuses the most worth wins (a dynamic program over the instruction sequence). A pair whose
    /// second instruction is a loop's head is worth nothing (the loop runs that instruction alone
    /// on every iteration but the first), one whose second is a forward jump's target is worth one
    /// less (the jump runs it alone).
    mutating func fuseSuperinstructions(fromInstruction first: Int) {
        let count = startBuffer.count - first
        guard count > 1 else { return }
        // choices[i]: the pair at i, if any, and the most worth fusable in instructions i..<count.
        // The scratch buffer is the builder's, reused by every function (no array per function).
        if fusionChoices.count < count + 2 {
            fusionChoices = [FusionChoice](repeating: FusionChoice(), count: max(count + 2, fusionChoices.count * 2))
        }
        let words = wordBuffer.base, starts = startBuffer.base, functionStart = functionStart
        let loopHead = Self.loopHeadMark, forwardTarget = Self.forwardTargetMark
        let marks = labelMarks.elements
        fusionChoices.withUnsafeMutableBufferPointer { choices in
            choices[count] = FusionChoice()
            choices[count + 1] = FusionChoice()
            choices[count - 1] = FusionChoice()
            var nextStart = starts[first + count - 1]
            for i in stride(from: count - 2, through: 0, by: -1) {
                let start = starts[first + i]
                var handler: UInt64 = 0, worth = -1
                if let pair = Superinstructions.pair(words[start], words[nextStart]) {
                    let mark = nextStart - functionStart < marks.count ? marks[nextStart - functionStart] : 0
                    let adjusted = mark & loopHead != 0 ? 0 : mark & forwardTarget != 0 ? pair.worth - 1 : pair.worth
                    if adjusted > 0 { (handler, worth) = (pair.handler, adjusted) }
                }
                choices[i] = FusionChoice(handler: handler, worth: worth,
                                          best: max(choices[i + 1].best, worth + choices[i + 2].best))
                nextStart = start
            }
            var i = 0
            while i < count {
                let choice = choices[i]
                let fused = choice.worth + choices[i + 2].best
                if choice.handler != 0, fused >= choices[i + 1].best, fused == choice.best {
                    words[starts[first + i]] = choice.handler
                    i += 2
                } else {
                    i += 1
                }
            }
        }
    }

    mutating func set(_ position: Int, _ value: UInt64) {
        wordBuffer[position] = value
    }
}

/// One position's entry in `CodeBuilder.fuseSuperinstructions`'s dynamic program: the pair that
/// starts there (handler 0 when none) and the most worth fusable from there on.
private struct FusionChoice {
    var handler: UInt64 = 0
    var worth = 0
    var best = 0
}
