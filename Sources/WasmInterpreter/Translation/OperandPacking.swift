/// Instruction operands are frame slot indices, packed three to a word: bits 0–20 the first
/// source, 21–41 the second source, 42–62 the destination. Frames are therefore limited to
/// 2^21 slots, which translation checks.
enum OperandPacking {
    static let slotLimit = 1 << 21
}

@inline(__always)
func pack(_ a: Int, _ b: Int, _ destination: Int) -> UInt64 {
    UInt64(truncatingIfNeeded: a) | UInt64(truncatingIfNeeded: b) << 21 | UInt64(truncatingIfNeeded: destination) << 42
}

/// The first source slot of a packed operand word.
@inline(__always)
func slotA(_ word: UInt64) -> Int { Int(truncatingIfNeeded: word & 0x1F_FFFF) }

/// The second source slot of a packed operand word.
@inline(__always)
func slotB(_ word: UInt64) -> Int { Int(truncatingIfNeeded: (word >> 21) & 0x1F_FFFF) }

/// The destination slot of a packed operand word.
@inline(__always)
func slotD(_ word: UInt64) -> Int { Int(truncatingIfNeeded: word >> 42) }
