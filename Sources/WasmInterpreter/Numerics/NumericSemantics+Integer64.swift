/// The i64 instructions: arithmetic, bitwise, shifts, bit counts, sign extension, tests and
/// comparisons (whose results are i32).
/// Spec: https://webassembly.github.io/spec/core/exec/numerics.html#integer-operations
extension NumericSemantics {
    // MARK: Arithmetic

    /// `i64.add`: addition modulo 2^64.
    @inline(__always) static func i64Add(_ a: UInt64, _ b: UInt64) -> UInt64 { a &+ b }

    /// `i64.sub`: subtraction modulo 2^64.
    @inline(__always) static func i64Sub(_ a: UInt64, _ b: UInt64) -> UInt64 { a &- b }

    /// `i64.mul`: multiplication modulo 2^64.
    @inline(__always) static func i64Mul(_ a: UInt64, _ b: UInt64) -> UInt64 { a &* b }

    /// `i64.div_s`: signed division rounding toward zero; traps on a zero divisor and on
    /// -2^63 / -1, whose quotient does not fit.
    /// Spec: https://webassembly.github.io/spec/core/exec/numerics.html#op-idiv-s
    @inline(__always)
    static func i64DivS(_ a: UInt64, _ b: UInt64) throws(TrapReason) -> UInt64 {
        let x = Int64(bitPattern: a)
        let y = Int64(bitPattern: b)
        if y == 0 { throw .integerDivideByZero }
        if x == .min && y == -1 { throw .integerOverflow }
        return UInt64(bitPattern: x / y)
    }

    /// `i64.div_u`: unsigned division rounding toward zero; traps on a zero divisor.
    @inline(__always)
    static func i64DivU(_ a: UInt64, _ b: UInt64) throws(TrapReason) -> UInt64 {
        if b == 0 { throw .integerDivideByZero }
        return a / b
    }

    /// `i64.rem_s`: the remainder of signed division, with the sign of the dividend; traps on a
    /// zero divisor. -2^63 rem -1 is 0 (it does not trap).
    /// Spec: https://webassembly.github.io/spec/core/exec/numerics.html#op-irem-s
    @inline(__always)
    static func i64RemS(_ a: UInt64, _ b: UInt64) throws(TrapReason) -> UInt64 {
        let x = Int64(bitPattern: a)
        let y = Int64(bitPattern: b)
        if y == 0 { throw .integerDivideByZero }
        if y == -1 { return 0 }
        return UInt64(bitPattern: x % y)
    }

    /// `i64.rem_u`: the remainder of unsigned division; traps on a zero divisor.
    @inline(__always)
    static func i64RemU(_ a: UInt64, _ b: UInt64) throws(TrapReason) -> UInt64 {
        if b == 0 { throw .integerDivideByZero }
        return a % b
    }

    // MARK: Bitwise and shifts

    /// `i64.and`.
    @inline(__always) static func i64And(_ a: UInt64, _ b: UInt64) -> UInt64 { a & b }

    /// `i64.or`.
    @inline(__always) static func i64Or(_ a: UInt64, _ b: UInt64) -> UInt64 { a | b }

    /// `i64.xor`.
    @inline(__always) static func i64Xor(_ a: UInt64, _ b: UInt64) -> UInt64 { a ^ b }

    /// `i64.shl`: shift left by `b` modulo 64.
    @inline(__always) static func i64Shl(_ a: UInt64, _ b: UInt64) -> UInt64 { a &<< b }

    /// `i64.shr_s`: arithmetic shift right by `b` modulo 64.
    @inline(__always)
    static func i64ShrS(_ a: UInt64, _ b: UInt64) -> UInt64 {
        UInt64(bitPattern: Int64(bitPattern: a) &>> Int64(bitPattern: b))
    }

    /// `i64.shr_u`: logical shift right by `b` modulo 64.
    @inline(__always) static func i64ShrU(_ a: UInt64, _ b: UInt64) -> UInt64 { a &>> b }

    /// `i64.rotl`: rotate left by `b` modulo 64.
    @inline(__always)
    static func i64Rotl(_ a: UInt64, _ b: UInt64) -> UInt64 {
        (a &<< b) | (a &>> (0 &- b))
    }

    /// `i64.rotr`: rotate right by `b` modulo 64.
    @inline(__always)
    static func i64Rotr(_ a: UInt64, _ b: UInt64) -> UInt64 {
        (a &>> b) | (a &<< (0 &- b))
    }

    // MARK: Bit counts

    /// `i64.clz`: leading zero bits (64 for 0).
    @inline(__always) static func i64Clz(_ a: UInt64) -> UInt64 { UInt64(a.leadingZeroBitCount) }

    /// `i64.ctz`: trailing zero bits (64 for 0).
    @inline(__always) static func i64Ctz(_ a: UInt64) -> UInt64 { UInt64(a.trailingZeroBitCount) }

    /// `i64.popcnt`: the number of one bits.
    @inline(__always) static func i64Popcnt(_ a: UInt64) -> UInt64 { UInt64(a.nonzeroBitCount) }

    // MARK: Sign extension

    /// `i64.extend8_s`: sign-extends the low 8 bits.
    @inline(__always)
    static func i64Extend8S(_ a: UInt64) -> UInt64 {
        UInt64(bitPattern: Int64(Int8(truncatingIfNeeded: a)))
    }

    /// `i64.extend16_s`: sign-extends the low 16 bits.
    @inline(__always)
    static func i64Extend16S(_ a: UInt64) -> UInt64 {
        UInt64(bitPattern: Int64(Int16(truncatingIfNeeded: a)))
    }

    /// `i64.extend32_s`: sign-extends the low 32 bits.
    @inline(__always)
    static func i64Extend32S(_ a: UInt64) -> UInt64 {
        UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: a)))
    }

    // MARK: Tests and comparisons

    /// `i64.eqz`: 1 if `a` is zero.
    @inline(__always) static func i64Eqz(_ a: UInt64) -> UInt32 { bool(a == 0) }

    /// `i64.eq`.
    @inline(__always) static func i64Eq(_ a: UInt64, _ b: UInt64) -> UInt32 { bool(a == b) }

    /// `i64.ne`.
    @inline(__always) static func i64Ne(_ a: UInt64, _ b: UInt64) -> UInt32 { bool(a != b) }

    /// `i64.lt_s`.
    @inline(__always)
    static func i64LtS(_ a: UInt64, _ b: UInt64) -> UInt32 {
        bool(Int64(bitPattern: a) < Int64(bitPattern: b))
    }

    /// `i64.lt_u`.
    @inline(__always) static func i64LtU(_ a: UInt64, _ b: UInt64) -> UInt32 { bool(a < b) }

    /// `i64.gt_s`.
    @inline(__always)
    static func i64GtS(_ a: UInt64, _ b: UInt64) -> UInt32 {
        bool(Int64(bitPattern: a) > Int64(bitPattern: b))
    }

    /// `i64.gt_u`.
    @inline(__always) static func i64GtU(_ a: UInt64, _ b: UInt64) -> UInt32 { bool(a > b) }

    /// `i64.le_s`.
    @inline(__always)
    static func i64LeS(_ a: UInt64, _ b: UInt64) -> UInt32 {
        bool(Int64(bitPattern: a) <= Int64(bitPattern: b))
    }

    /// `i64.le_u`.
    @inline(__always) static func i64LeU(_ a: UInt64, _ b: UInt64) -> UInt32 { bool(a <= b) }

    /// `i64.ge_s`.
    @inline(__always)
    static func i64GeS(_ a: UInt64, _ b: UInt64) -> UInt32 {
        bool(Int64(bitPattern: a) >= Int64(bitPattern: b))
    }

    /// `i64.ge_u`.
    @inline(__always) static func i64GeU(_ a: UInt64, _ b: UInt64) -> UInt32 { bool(a >= b) }
}
