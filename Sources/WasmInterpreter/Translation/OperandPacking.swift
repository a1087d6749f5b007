/// Instruction operands are frame slot indices, packed three to a word in 16-bit fields: bits
/// 0–15 the first source, 16–31 the second source, 48–63 the destination (bits 32–47 unused).
/// Handlers read each field with its own 16-bit load from the code (`slotA(pc)`: one machine
/// instruction, where extracting it from a loaded word took two). With 16-bit fields a frame is
/// limited to 65,536 slots (the whole testsuite needs at most 1,058), which translation checks: a larger
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

/// The first source slot of a packed operand word (for the translator, which reads back words it wrote).
@inline(__always)
func slotA(_ word: UInt64) -> Int { Int(UInt16(truncatingIfNeeded: word)) }

/// The second source slot of a packed operand word.
@inline(__always)
func slotB(_ word: UInt64) -> Int { Int(UInt16(truncatingIfNeeded: word >> 16)) }

/// The destination slot of a packed operand word.
@inline(__always)
func slotD(_ word: UInt64) -> Int { Int(truncatingIfNeeded: word >> OperandPacking.destinationShift) }

/// Byte offsets of the fields inside an operand word as it lies in memory.
enum OperandFieldOffset {
    #if _endian(little)
    static let a = 0, b = 2, destination = 6
    #else
    static let a = 6, b = 4, destination = 0
    #endif
}

/// The first source slot of the instruction at `pc` (its operand word's field, read directly).
@inline(__always)
func slotA(_ pc: CodePointer) -> Int {
    Int(UnsafeRawPointer(pc + 1).load(fromByteOffset: OperandFieldOffset.a, as: UInt16.self))
}

/// The second source slot of the instruction at `pc`.
@inline(__always)
func slotB(_ pc: CodePointer) -> Int {
    Int(UnsafeRawPointer(pc + 1).load(fromByteOffset: OperandFieldOffset.b, as: UInt16.self))
}

/// The destination slot of the instruction at `pc`.
@inline(__always)
func slotD(_ pc: CodePointer) -> Int {
    Int(UnsafeRawPointer(pc + 1).load(fromByteOffset: OperandFieldOffset.destination, as: UInt16.self))
}

/// Where a handler takes an operand from or leaves its result (handler tables are keyed by it).
enum OperandLocation: Int, CaseIterable {
    /// A frame slot named in the operand word.
    case slot
    /// A constant in the code.
    case immediate
    /// The accumulator register of the value's kind: `acc` for integers, `facc` for floats.
    case accumulator
    /// (Results only.) Both the destination slot and the accumulator.
    case slotAndAccumulator
}
