/// Float literals to IEEE 754 bit patterns, rounded to nearest-even: decimal and hexadecimal
/// notation, `inf`, `nan` and `nan:0x…` payloads. A finite literal that rounds to infinity is out of range.
/// [Floating-point](https://webassembly.github.io/spec/core/text/values.html#floating-point)
enum FloatLiteral {
    /// An IEEE 754 binary format: its significand field width and exponent field width.
    struct Format {
        var mantissaBits: Int
        var exponentBits: Int
        static let binary32 = Format(mantissaBits: 23, exponentBits: 8)
        static let binary64 = Format(mantissaBits: 52, exponentBits: 11)

        var bias: Int { (1 << (exponentBits - 1)) - 1 }
        var infinityBits: UInt64 { UInt64((1 << exponentBits) - 1) << UInt64(mantissaBits) }
        var signBit: UInt64 { 1 << UInt64(mantissaBits + exponentBits) }
    }

    static func f32Bits(_ text: String) -> IntegerLiteral.Parsed<UInt32> {
        switch bits(text, .binary32) {
        case .value(let bits): return .value(UInt32(truncatingIfNeeded: bits))
        case .outOfRange: return .outOfRange
        case .invalid: return .invalid
        }
    }

    static func f64Bits(_ text: String) -> IntegerLiteral.Parsed<UInt64> {
        bits(text, .binary64)
    }

    /// The bit pattern of `text` in `format`.
    static func bits(_ text: String, _ format: Format) -> IntegerLiteral.Parsed<UInt64> {
        var body = Substring(text)
        var negative = false
        if let first = body.first, first == "+" || first == "-" {
            negative = first == "-"
            body = body.dropFirst()
        }
        let sign = negative ? format.signBit : 0
        if body == "inf" { return .value(sign | format.infinityBits) }
        if body == "nan" { return .value(sign | format.infinityBits | 1 << UInt64(format.mantissaBits - 1)) }
        if body.hasPrefix("nan:0x") {
            guard let (payload, overflow) = IntegerLiteral.digits(body.dropFirst(6).utf8[...], radix: 16) else { return .invalid }
            guard !overflow, payload != 0, payload >> UInt64(format.mantissaBits) == 0 else { return .outOfRange }
            return .value(sign | format.infinityBits | payload)
        }
        let magnitude: IntegerLiteral.Parsed<UInt64>
        if body.hasPrefix("0x") {
            magnitude = hexadecimal(body.dropFirst(2), format)
        } else {
            magnitude = decimal(body, format)
        }
        if case .value(let bits) = magnitude { return .value(sign | bits) }
        return magnitude
    }

    /// A decimal literal's magnitude: checked against the grammar here, converted by the standard
    /// library's correctly rounded parser.
    private static func decimal(_ body: Substring, _ format: Format) -> IntegerLiteral.Parsed<UInt64> {
        guard let parts = Parts(body, radix: 10, exponentMarkers: "eE") else { return .invalid }
        let normalized = parts.integerDigits + "." + (parts.fractionDigits.isEmpty ? "0" : parts.fractionDigits)
            + "e" + (parts.exponentNegative ? "-" : "") + String(parts.exponent)
        if format.mantissaBits == 23 {
            guard let value = Float(normalized) else { return .invalid }
            return value.isInfinite ? .outOfRange : .value(UInt64(value.bitPattern))
        }
        guard let value = Double(normalized) else { return .invalid }
        return value.isInfinite ? .outOfRange : .value(value.bitPattern)
    }

    /// A hexadecimal literal's magnitude (`0x` already removed), rounded to nearest-even.
    private static func hexadecimal(_ body: Substring, _ format: Format) -> IntegerLiteral.Parsed<UInt64> {
        guard let parts = Parts(body, radix: 16, exponentMarkers: "pP") else { return .invalid }
        // Keep the leading 60 bits or so exactly; later nonzero digits only set a sticky bit.
        var significand: UInt64 = 0
        var exponent = 0
        var sticky = false
        for character in parts.integerDigits {
            let digit = UInt64(character.hexDigitValue ?? 0)
            if significand >> 59 == 0 {
                significand = significand << 4 | digit
            } else {
                exponent += 4
                sticky = sticky || digit != 0
            }
        }
        for character in parts.fractionDigits {
            let digit = UInt64(character.hexDigitValue ?? 0)
            if significand >> 59 == 0 {
                significand = significand << 4 | digit
                exponent -= 4
            } else {
                sticky = sticky || digit != 0
            }
        }
        if significand == 0 { return .value(0) }
        significand = significand << 1 | (sticky ? 1 : 0)
        exponent -= 1
        exponent += parts.exponentNegative ? -parts.exponent : parts.exponent
        return round(significand: significand, exponent: exponent, format)
    }

    /// Rounds `significand × 2^exponent` (significand nonzero) to nearest-even in `format`.
    static func round(significand: UInt64, exponent: Int, _ format: Format) -> IntegerLiteral.Parsed<UInt64> {
        let mantissaBits = format.mantissaBits
        let bitLength = 64 - significand.leadingZeroBitCount
        let leadingExponent = bitLength - 1 + exponent
        if leadingExponent > format.bias { return .outOfRange }
        let minimumExponent = 1 - format.bias
        var quantum = max(leadingExponent, minimumExponent) - mantissaBits
        let shift = exponent - quantum
        var result: UInt64
        if shift >= 0 {
            result = significand << UInt64(shift)
        } else if -shift >= 65 {
            result = 0
        } else {
            let dropped = -shift
            result = dropped == 64 ? 0 : significand >> UInt64(dropped)
            let remainder = dropped == 64 ? significand : significand & ((1 << UInt64(dropped)) - 1)
            let half: UInt64 = 1 << UInt64(dropped - 1)
            if remainder > half || (remainder == half && result & 1 == 1) { result += 1 }
        }
        if result >> UInt64(mantissaBits + 1) != 0 {
            result >>= 1
            quantum += 1
        }
        if result == 0 { return .value(0) }
        if result >> UInt64(mantissaBits) == 0 { return .value(result) }  // subnormal
        let biasedExponent = quantum + mantissaBits + format.bias
        if biasedExponent >= (1 << format.exponentBits) - 1 { return .outOfRange }
        return .value(UInt64(biasedExponent) << UInt64(mantissaBits) | (result & ((1 << UInt64(mantissaBits)) - 1)))
    }

    /// A finite literal split by the grammar: `num ('.' frac?)? (E sign? num)?`, separators removed.
    private struct Parts {
        var integerDigits = ""
        var fractionDigits = ""
        var exponentNegative = false
        /// The exponent, saturated far beyond any format's range.
        var exponent = 0

        init?(_ body: Substring, radix: UInt64, exponentMarkers: String) {
            var rest = body
            var exponentText: Substring?
            if let markerIndex = rest.firstIndex(where: { exponentMarkers.contains($0) }) {
                exponentText = rest[rest.index(after: markerIndex)...]
                rest = rest[..<markerIndex]
            }
            var fractionText: Substring?
            if let dot = rest.firstIndex(of: ".") {
                fractionText = rest[rest.index(after: dot)...]
                rest = rest[..<dot]
            }
            guard let integer = Parts.digits(rest, radix: radix) else { return nil }
            integerDigits = integer
            if let fractionText, !fractionText.isEmpty {
                guard let fraction = Parts.digits(fractionText, radix: radix) else { return nil }
                fractionDigits = fraction
            }
            if var exponentText {
                if let first = exponentText.first, first == "+" || first == "-" {
                    exponentNegative = first == "-"
                    exponentText = exponentText.dropFirst()
                }
                guard let digits = Parts.digits(exponentText, radix: 10) else { return nil }
                for character in digits {
                    exponent = min(exponent * 10 + (character.wholeNumberValue ?? 0), 100_000_000)
                }
            }
        }

        /// The digits of a nonempty run with `_` only between digits, or nil.
        static func digits(_ text: Substring, radix: UInt64) -> String? {
            guard IntegerLiteral.digits(text.utf8[...], radix: radix) != nil else { return nil }
            return String(text.filter { $0 != "_" })
        }
    }
}
