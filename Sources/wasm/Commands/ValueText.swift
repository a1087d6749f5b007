import WasmBinary
import WasmInterpreter
import WasmText

/// Command-line text for values: parsing arguments by type, printing results.
enum ValueText {
    /// Parses `text` as a value of `type`, or nil when it is not one (`problem(with:as:)` says why).
    /// Numbers are read as the text format writes them: integers signed or unsigned, decimal or
    /// 0x hex; floats decimal or hex, `inf`, `nan`, with their sign kept (`-nan`) and NaN payloads
    /// (`nan:0x1`). A float that would round to infinity is not a value of its type.
    static func parse(_ text: String, as type: ValueType) -> Value? {
        try? value(text, as: type)
    }

    /// Why `text` is not a value of `type`, or nil when it is one.
    static func problem(with text: String, as type: ValueType) -> String? {
        do {
            _ = try value(text, as: type)
            return nil
        } catch .outOfRange {
            switch type {
            case .f32 where text.contains("nan"): return "'\(text)': a NaN payload of f32 is from 0x1 to 0x7fffff"
            case .f64 where text.contains("nan"): return "'\(text)': a NaN payload of f64 is from 0x1 to 0xfffffffffffff"
            case .f32, .f64: return "'\(text)' is out of range for \(type) (it would round to infinity)"
            default: return "'\(text)' is out of range for \(type)"
            }
        } catch {
            return "'\(text)' is not a valid \(type)"
        }
    }

    /// The value `text` denotes as a `type`.
    private static func value(_ text: String, as type: ValueType) throws(NumericLiteral.Failure) -> Value {
        switch type {
        case .i32: return .i32(UInt32(truncatingIfNeeded: try NumericLiteral.integerBits(text, bits: 32)))
        case .i64: return .i64(try NumericLiteral.integerBits(text, bits: 64))
        case .f32: return .f32(try NumericLiteral.f32Bits(text))
        case .f64: return .f64(try NumericLiteral.f64Bits(text))
        case .ref(let referenceType):
            if text == "null" { return .ref(.null(referenceType)) }
            if referenceType == .externref, let value = UInt32(text) { return .ref(.extern(value)) }
            throw .invalid
        case .v128:
            throw .invalid
        }
    }

    /// Integers in signed decimal, floats in shortest round-trip form.
    static func format(_ value: Value) -> String {
        switch value {
        case .i32(let bits): return String(Int32(bitPattern: bits))
        case .i64(let bits): return String(Int64(bitPattern: bits))
        case .f32(let bits):
            let value = Float(bitPattern: bits)
            return value.isNaN ? nan(sign: value.sign, payload: UInt64(bits & 0x7F_FFFF), canonical: 0x40_0000) : value.description
        case .f64(let bits):
            let value = Double(bitPattern: bits)
            return value.isNaN ? nan(sign: value.sign, payload: bits & 0xF_FFFF_FFFF_FFFF, canonical: 0x8_0000_0000_0000) : value.description
        case .v128(let vector): return "v128 " + vector.bytes.map { String($0, radix: 16) }.joined(separator: " ")
        case .ref(let reference): return reference.description
        }
    }

    /// A NaN as the text format writes it: `nan` or `-nan` for the canonical payload, else `nan:0x…`.
    private static func nan(sign: FloatingPointSign, payload: UInt64, canonical: UInt64) -> String {
        let prefix = sign == .minus ? "-nan" : "nan"
        return payload == canonical ? prefix : prefix + ":0x" + String(payload, radix: 16)
    }
}
