/// SIMD operations without immediates, by their 0xFD subopcode.
/// (Being completed: the full table of the 2.0 SIMD instruction set.)
public enum SIMDOperation: UInt32, CaseIterable, Sendable {
    case i8x16Swizzle = 14

    /// The instruction's name in the text format.
    public var name: String {
        switch self {
        case .i8x16Swizzle: return "i8x16.swizzle"
        }
    }

    /// Operand types, first operand first, and the result type.
    public var signature: (operands: [ValueType], result: ValueType) {
        switch self {
        case .i8x16Swizzle: return ([.v128, .v128], .v128)
        }
    }
}
