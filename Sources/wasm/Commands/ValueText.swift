import WasmBinary
import WasmInterpreter

/// Command-line text for values: parsing arguments by type, printing results.
enum ValueText {
    /// Parses `text` as a value of `type`, or nil when it is not one.
    static func parse(_ text: String, as type: ValueType) -> Value? {
        switch type {
        case .i32:
            if let value = integer(text, bits: 32) { return .i32(UInt32(truncatingIfNeeded: value)) }
        case .i64:
            if let value = integer(text, bits: 64) { return .i64(UInt64(truncatingIfNeeded: value)) }
        case .f32:
            if let value = Float(text) { return Value(value) }
        case .f64:
            if let value = Double(text) { return Value(value) }
        case .ref(let referenceType):
            if text == "null" { return .ref(.null(referenceType)) }
            if referenceType == .externref, let value = UInt32(text) { return .ref(.extern(value)) }
        case .v128:
            return nil
        }
        return nil
    }

    /// A signed or unsigned integer that fits in `bits`, as its bit pattern in the low bits.
    private static func integer(_ text: String, bits: Int) -> UInt64? {
        var digits = Substring(text)
        var negative = false
        if digits.hasPrefix("-") {
            negative = true
            digits = digits.dropFirst()
        }
        let radix = digits.hasPrefix("0x") ? 16 : 10
        if radix == 16 { digits = digits.dropFirst(2) }
        guard let magnitude = UInt64(digits, radix: radix) else { return nil }
        let limit: UInt64 = bits == 64 ? .max : (1 << UInt64(bits)) - 1
        if negative {
            let signedLimit: UInt64 = 1 << UInt64(bits - 1)
            guard magnitude <= signedLimit else { return nil }
            return 0 &- magnitude
        }
        guard magnitude <= limit else { return nil }
        return magnitude
    }

    /// Integers in signed decimal, floats in shortest round-trip form.
    static func format(_ value: Value) -> String {
        switch value {
        case .i32(let bits): return String(Int32(bitPattern: bits))
        case .i64(let bits): return String(Int64(bitPattern: bits))
        case .f32(let bits): return Float(bitPattern: bits).description
        case .f64(let bits): return Double(bitPattern: bits).description
        case .v128(let vector): return "v128 " + vector.bytes.map { String($0, radix: 16) }.joined(separator: " ")
        case .ref(let reference): return reference.description
        }
    }
}
