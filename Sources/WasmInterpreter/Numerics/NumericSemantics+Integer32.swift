/// The i32 instructions: arithmetic, bitwise, shifts, bit counts, sign extension, tests and
/// comparisons.
/// Spec: https://webassembly.github.io/spec/core/exec/numerics.html#integer-operations
extension NumericSemantics {
    // MARK: Arithmetic

    /// `i32.add`: addition modulo 2^32.
    @inline(__always) static func i32Add(_ a: UInt32, _ b: UInt32) -> UInt32 { a &+ b }

    /// `i32.sub`: subtraction modulo 2^32.
    @inline(__always) static func i32Sub(_ a: UInt32, _ b: UInt32) -> UInt32 { a &- b }

    /// `i32.mul`: multiplication modulo 2^32.
    @inline(__always) static func i32Mul(_ a: UInt32, _ b: UInt32) -> UInt32 { a &* b }

    /// `i32.div_s`: signed division rounding toward zero; traps on a zero divisor and on
    /// -2^31 / -1, whose quotient does not fit.
    /// Spec: https://webassembly.github.io/spec/core/exec/numerics.html#op-idiv-s
    @inline(__always)
    static func i32DivS(_ a: UInt32, _ b: UInt32) throws(TrapReason) -> UInt32 {
        let x = Int32(bitPattern: a)
        let y = Int32(bitPattern: b)
        if y == 0 { throw .integerDivideByZero }
        if x == .min && y == -1 { throw .integerOverflow }
        return UInt32(bitPattern: x / y)
    }

    /// `i32.div_u`: unsigned division rounding toward zero; traps on a zero divisor.
    @inline(__always)
    static func i32DivU(_ a: UInt32, _ b: UInt32) throws(TrapReason) -> UInt32 {
        if b == 0 { throw .integerDivideByZero }
        return a / b
    }

    /// `i32.rem_s`: the remainder of signed division, with the sign of the dividend; traps on a
    /// zero divisor. -2^31 rem -1 is 0 (it does not trap).
    /// Spec: https://webassembly.github.io/spec/core/exec/numerics.html#op-irem-s
    @inline(__always)
    static func i32RemS(_ a: UInt32, _ b: UInt32) throws(TrapReason) -> UInt32 {
        let x = Int32(bitPattern: a)
        let y = Int32(bitPattern: b)
        if y == 0 { throw .integerDivideByZero }
        if y == -1 { return 0 }
        return UInt32(bitPattern: x % y)
    }

    /// `i32.rem_u`: the remainder of unsigned division; traps on a zero divisor.
    @inline(__always)
    static func i32RemU(_ a: UInt32, _ b: UInt32) throws(TrapReason) -> UInt32 {
        if b == 0 { throw .integerDivideByZero }
        return a % b
    }

    // MARK: Bitwise and shifts

    /// `i32.and`.
    @inline(__always) static func i32And(_ a: UInt32, _ b: UInt32) -> UInt32 { a & b }

    /// `i32.or`.
    @inline(__always) static func i32Or(_ a: UInt32, _ b: UInt32) -> UInt32 { a | b }

    /// `i32.xor`.
    @inline(__always) static func i32Xor(_ a: UInt32, _ b: UInt32) -> UInt32 { a ^ b }

    /// `i32.shl`: shift left by `b` modulo 32.
    @inline(__always) static func i32Shl(_ a: UInt32, _ b: UInt32) -> UInt32 { a &<< b }

    /// `i32.shr_s`: arithmetic shift right by `b` modulo 32.
    @inline(__always)
    static func i32ShrS(_ a: UInt32, _ b: UInt32) -> UInt32 {
        UInt32(bitPattern: Int32(bitPattern: a) &>> Int32(bitPattern: b))
    }

    /// `i32.shr_u`: logical shift right by `b` modulo 32.
    @inline(__always) static func i32ShrU(_ a: UInt32, _ b: UInt32) -> UInt32 { a &>> b }

    /// `i32.rotl`: rotate left by `b` modulo 32.
    @inline(__always)
    static func i32Rotl(_ a: UInt32, _ b: UInt32) -> UInt32 {
        (a &<< b) | (a &>> (0 &- b))
    }

    /// `i32.rotr`: rotate right by `b` modulo 32.
    @inline(__always)
    static func i32Rotr(_ a: UInt32, _ b: UInt32) -> UInt32 {
        (a &>> b) | (a &<< (0 &- b))
    }

    // MARK: Bit counts

    /// `i32.clz`: leading zero bits (32 for 0).
    @inline(__always) static func i32Clz(_ a: UInt32) -> UInt32 { UInt32(a.leadingZeroBitCount) }

    /// `i32.ctz`: trailing zero bits (32 for 0).
    @inline(__always) static func i32Ctz(_ a: UInt32) -> UInt32 { UInt32(a.trailingZeroBitCount) }

    /// `i32.popcnt`: the number of one bits.
    @inline(__always) static func i32Popcnt(_ a: UInt32) -> UInt32 { UInt32(a.nonzeroBitCount) }

    // MARK: Sign extension

    /// `i32.extend8_s`: sign-extends the low 8 bits.
    @inline(__always)
    static func i32Extend8S(_ a: UInt32) -> UInt32 {
        UInt32(bitPattern: Int32(Int8(truncatingIfNeeded: a)))
    }

    /// `i32.extend16_s`: sign-extends the low 16 bits.
    @inline(__always)
    static func i32Extend16S(_ a: UInt32) -> UInt32 {
        UInt32(bitPattern: Int32(Int16(truncatingIfNeeded: a)))
    }

    // MARK: Tests and comparisons

    /// `i32.eqz`: 1 if `a` is zero.
    @inline(__always) static func i32Eqz(_ a: UInt32) -> UInt32 { bool(a == 0) }

    /// `i32.eq`.
    @inline(__always) static func i32Eq(_ a: UInt32, _ b: UInt32) -> UInt32 { bool(a == b) }

    /// `i32.ne`.
    @inline(__always) static func i32Ne(_ a: UInt32, _ b: UInt32) -> UInt32 { bool(a != b) }

    /// `i32.lt_s`.
    @inline(__always)
    static func i32LtS(_ a: UInt32, _ b: UInt32) -> UInt32 {
        bool(Int32(bitPattern: a) < Int32(bitPattern: b))
    }

    /// `i32.lt_u`.
    @inline(__always) static func i32LtU(_ a: UInt32, _ b: UInt32) -> UInt32 { bool(a < b) }

    /// `i32.gt_s`.
    @inline(__always)
    static func i32GtS(_ a: UInt32, _ b: UInt32) -> UInt32 {
        bool(Int32(bitPattern: a) > Int32(bitPattern: b))
    }

    /// `i32.gt_u`.
    @inline(__always) static func i32GtU(_ a: UInt32, _ b: UInt32) -> UInt32 { bool(a > b) }

    /// `i32.le_s`.
    @inline(__always)
    static func i32LeS(_ a: UInt32, _ b: UInt32) -> UInt32 {
        bool(Int32(bitPattern: a) <= Int32(bitPattern: b))
    }

    /// `i32.le_u`.
    @inline(__always) static func i32LeU(_ a: UInt32, _ b: UInt32) -> UInt32 { bool(a <= b) }

    /// `i32.ge_s`.
    @inline(__always)
    static func i32GeS(_ a: UInt32, _ b: UInt32) -> UInt32 {
        bool(Int32(bitPattern: a) >= Int32(bitPattern: b))
    }

    /// `i32.ge_u`.
    @inline(__always) static func i32GeU(_ a: UInt32, _ b: UInt32) -> UInt32 { bool(a >= b) }
}
