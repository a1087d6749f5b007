/// Instruction operands are frame slot indices, packed three to a word in 16-bit fields: bits
/// 0–15 the first source, 16–31 the second source, 48–63 the destination (bits 32–47 unused).
/// Each field decodes in one or two machine instructions. Frames are therefore limited to
/// 65,536 slots (the whole testsuite needs at most 1,058), which translation checks: a larger
/// function is a `CompileError.limitExceeded`.
enum OperandPacking {
    static let slotLimit = 1 << 16
    /// The bits of an operand word other than the destination field.
    static let sourceFields: UInt64 = 0x0000_FFFF_FFFF_FFFF
    static let destinationShift: UInt64 = 48
}

@inline(__always)
func pack(_ a: Int, _ b: Int, _ destination: Int) -> UInt64 {
    UInt64(UInt16(truncatingIfNeeded: a)) | UInt64(UInt16(truncatingIfNeeded: b)) << 16
        | UInt64(UInt16(truncatingIfNeeded: destination)) << OperandPacking.destinationShift
}

/// The first source slot of a packed operand word.
@inline(__always)
func slotA(_ word: UInt64) -> Int { Int(UInt16(truncatingIfNeeded: word)) }

/// The second source slot of a packed operand word.
@inline(__always)
func slotB(_ word: UInt64) -> Int { Int(UInt16(truncatingIfNeeded: word >> 16)) }

/// The destination slot of a packed operand word.
@inline(__always)
func slotD(_ word: UInt64) -> Int { Int(truncatingIfNeeded: word >> OperandPacking.destinationShift) }
