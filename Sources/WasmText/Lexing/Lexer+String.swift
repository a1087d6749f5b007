/// String literals: escapes decoded to bytes, source characters checked.
/// [Strings](https://webassembly.github.io/spec/core/text/values.html#strings)
extension Lexer {
    /// Reads a string starting at its opening quote and returns its bytes.
    mutating func readString() throws(WatError) -> [UInt8] {
        let (bytes, end) = try Lexer.decodeString(source, from: position + 1, line: line, column: column)
        position = end
        return bytes
    }

    /// Decodes the string whose contents start at `start`; returns its bytes and the offset after the closing quote.
    static func decodeString(_ source: [UInt8], from start: Int, line: Int, column: Int) throws(WatError) -> ([UInt8], Int) {
        var bytes: [UInt8] = []
        var index = start
        func fail(_ reason: WatError.Reason) -> WatError {
            WatError(reason, line: line, column: column + (index - start) + 1)
        }
        while true {
            guard index < source.count else { throw fail(.unclosedString) }
            let byte = source[index]
            switch byte {
            case UInt8(ascii: "\""):
                return (bytes, index + 1)
            case UInt8(ascii: "\\"):
                guard index + 1 < source.count else { throw fail(.unclosedString) }
                let escape = source[index + 1]
                index += 2
                switch escape {
                case UInt8(ascii: "t"): bytes.append(0x09)
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "r"): bytes.append(0x0D)
                case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"): bytes.append(escape)
                case UInt8(ascii: "u"):
                    guard index < source.count, source[index] == UInt8(ascii: "{") else { throw fail(.malformedString("illegal escape")) }
                    index += 1
                    var value: UInt32 = 0
                    var digits = 0
                    var lastWasUnderscore = false
                    while index < source.count, source[index] != UInt8(ascii: "}") {
                        if source[index] == UInt8(ascii: "_") && digits > 0 && !lastWasUnderscore {
                            lastWasUnderscore = true
                            index += 1
                            continue
                        }
                        guard let digit = hexDigit(source[index]) else { throw fail(.malformedString("illegal escape")) }
                        value = value > 0x10FFFF ? value : value * 16 + UInt32(digit)
                        digits += 1
                        lastWasUnderscore = false
                        index += 1
                    }
                    guard index < source.count, digits > 0, !lastWasUnderscore,
                          let scalar = Unicode.Scalar(value) else { throw fail(.malformedString("illegal escape")) }
                    index += 1
                    bytes.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    guard let high = hexDigit(escape), index < source.count, let low = hexDigit(source[index]) else {
                        throw fail(.malformedString("illegal escape"))
                    }
                    index += 1
                    bytes.append(high << 4 | low)
                }
            default:
                if byte < 0x20 || byte == 0x7F { throw fail(.malformedString("illegal control character")) }
                if byte < 0x80 {
                    bytes.append(byte)
                    index += 1
                } else {
                    let length = utf8SequenceLength(source, at: index)
                    guard length > 0 else { throw fail(.malformedUTF8) }
                    bytes.append(contentsOf: source[index..<index + length])
                    index += length
                }
            }
        }
    }

    static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// The length of the well-formed UTF-8 sequence at `index`, or 0 if it is malformed.
    static func utf8SequenceLength(_ source: [UInt8], at index: Int) -> Int {
        let first = source[index]
        let length: Int
        var minimum: UInt32
        switch first {
        case 0xC2...0xDF: length = 2; minimum = 0x80
        case 0xE0...0xEF: length = 3; minimum = 0x800
        case 0xF0...0xF4: length = 4; minimum = 0x10000
        default: return 0
        }
        guard index + length <= source.count else { return 0 }
        var value = UInt32(first) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length {
            let byte = source[index + offset]
            guard byte & 0xC0 == 0x80 else { return 0 }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        minimum = value < minimum ? 1 : 0
        guard minimum == 0, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return 0 }
        return length
    }
}
