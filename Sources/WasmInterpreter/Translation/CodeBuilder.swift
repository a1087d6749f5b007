/// Collects the translated code of a module's functions: handler words and operand words.
struct CodeBuilder {
    private(set) var words: [UInt64] = []

    /// Position of the next word.
    var position: Int { words.count }

    /// Appends an instruction: its handler's word, then its operand words.
    mutating func emit(_ handler: UInt64, _ operands: UInt64...) {
        words.append(handler)
        words.append(contentsOf: operands)
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
    }

    mutating func set(_ position: Int, _ value: UInt64) {
        words[position] = value
    }
}
