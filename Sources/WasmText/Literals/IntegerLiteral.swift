/// Integer literals: decimal or `0x` hexadecimal digits, optional sign, `_` between digits.
/// [Integers](https://webassembly.github.io/spec/core/text/values.html#integers)
enum IntegerLiteral {
    /// The outcome of reading a literal that must fit a given range.
    enum Parsed<Value> {
        case value(Value)
        case outOfRange
        case invalid

        var isInvalid: Bool {
            if case .invalid = self { return true }
            return false
        }
    }

    /// An optional sign and the magnitude (saturated, with `overflow` set past `UInt64.max`).
    struct Components {
        var negative: Bool
        var hasSign: Bool
        var magnitude: UInt64
        var overflow: Bool
    }

    /// Splits a literal into sign and magnitude, or nil if it is not an integer literal.
    static func components(_ text: String) -> Components? {
        var utf8 = Substring(text).utf8[...]
        var negative = false
        var hasSign = false
        if let first = utf8.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            hasSign = true
            utf8 = utf8.dropFirst()
        }
        var radix: UInt64 = 10
        if utf8.starts(with: "0x".utf8) {
            radix = 16
            utf8 = utf8.dropFirst(2)
        }
        guard let (magnitude, overflow) = digits(utf8, radix: radix) else { return nil }
        return Components(negative: negative, hasSign: hasSign, magnitude: magnitude, overflow: overflow)
    }

    /// Reads digits of `radix` with `_` separators between digits; nil when the text is not such a run.
    static func digits(_ utf8: Substring.UTF8View.SubSequence, radix: UInt64) -> (UInt64, Bool)? {
        var value: UInt64 = 0
        var overflow = false
        var sawDigit = false
        var lastUnderscore = false
        for byte in utf8 {
            if byte == UInt8(ascii: "_") {
                guard sawDigit, !lastUnderscore else { return nil }
                lastUnderscore = true
                continue
            }
            guard let digit = digitValue(byte), UInt64(digit) < radix else { return nil }
            let (shifted, o1) = value.multipliedReportingOverflow(by: radix)
            let (sum, o2) = shifted.addingReportingOverflow(UInt64(digit))
            if o1 || o2 { overflow = true }
            value = sum
            sawDigit = true
            lastUnderscore = false
        }
        guard sawDigit, !lastUnderscore else { return nil }
        return (value, overflow)
    }

    static func digitValue(_ byte: UInt8) -> UInt8? {
        Lexer.hexDigit(byte)
    }

    /// An unsigned literal without sign (indices, alignments, limits) that fits `bits` bits.
    static func unsigned(_ text: String, bits: Int) -> Parsed<UInt64> {
        guard let parts = components(text), !parts.hasSign else { return .invalid }
        if parts.overflow || (bits < 64 && parts.magnitude >> UInt64(bits) != 0) { return .outOfRange }
        return .value(parts.magnitude)
    }

    /// The bit pattern of an `iN` literal: signed values from -2^(N-1), unsigned ones up to 2^N - 1.
    static func bitPattern(_ text: String, bits: Int) -> Parsed<UInt64> {
        guard let parts = components(text) else { return .invalid }
        if parts.overflow { return .outOfRange }
        let limit: UInt64 = bits == 64 ? .max : (1 << UInt64(bits)) - 1
        if parts.negative {
            let signedLimit: UInt64 = 1 << UInt64(bits - 1)
            if parts.magnitude > signedLimit { return .outOfRange }
            return .value((0 &- parts.magnitude) & limit)
        }
        if parts.magnitude > limit { return .outOfRange }
        return .value(parts.magnitude)
    }
}
