/// The wide-arithmetic proposal's operations, by their 0xFC subopcode (the raw value): 128-bit
/// addition and subtraction on pairs of i64 halves (low half first), and 64×64→128-bit
/// multiplication. Each returns two i64 values, the low half first.
/// <https://github.com/WebAssembly/wide-arithmetic/blob/main/proposals/wide-arithmetic/Overview.md>
public enum WideArithmeticOperation: UInt32, CaseIterable, Sendable {
    case i64Add128 = 19
    case i64Sub128 = 20
    case i64MulWideS = 21
    case i64MulWideU = 22

    /// The instruction's name in the text format.
    public var name: String {
        switch self {
        case .i64Add128: return "i64.add128"
        case .i64Sub128: return "i64.sub128"
        case .i64MulWideS: return "i64.mul_wide_s"
        case .i64MulWideU: return "i64.mul_wide_u"
        }
    }

    /// How many i64 operands the operation takes (it always returns two i64 values).
    public var operandCount: Int {
        switch self {
        case .i64Add128, .i64Sub128: return 4
        case .i64MulWideS, .i64MulWideU: return 2
        }
    }
}
