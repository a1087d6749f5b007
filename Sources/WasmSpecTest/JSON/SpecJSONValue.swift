import WasmBinary
import WasmInterpreter

/// The values of wast2json scripts: `{"type": "i32", "value": "4294967295"}` (integers and floats
/// as the unsigned decimal of their bits), `nan:canonical`/`nan:arithmetic`, v128 as
/// `{"type": "v128", "lane_type": "i16", "value": [...]}`, references as `"null"` or a number.
enum SpecJSONValue {
    /// An argument of an `invoke` action: always a concrete value.
    static func argument(_ value: WastJSONFormat.Value) throws(SpecScriptError) -> Value {
        switch value.type {
        case "i32": return .i32(try number(value, as: UInt32.self))
        case "i64": return .i64(try number(value, as: UInt64.self))
        case "f32": return .f32(try number(value, as: UInt32.self))
        case "f64": return .f64(try number(value, as: UInt64.self))
        case "v128":
            let (shape, lanes) = try vectorLanes(value)
            let bits = try lanes.map { lane throws(SpecScriptError) in try laneBits(lane, shape: shape) }
            return .v128(shape.vector(lanes: bits))
        case "funcref":
            guard try text(value) == "null" else {
                throw SpecScriptError("a funcref argument other than null cannot be built")
            }
            return .ref(.null(.funcref))
        case "externref":
            let text = try text(value)
            if text == "null" { return .ref(.null(.externref)) }
            guard let number = UInt32(text) else { throw SpecScriptError("bad externref \"\(text)\"") }
            return .ref(.extern(number))
        case let other:
            throw SpecScriptError("unknown value type \"\(other)\"")
        }
    }

    /// An expected result of `assert_return`: a value or a pattern.
    static func expected(_ value: WastJSONFormat.Value) throws(SpecScriptError) -> ExpectedValue {
        var single: String?
        if case .single(let text)? = value.value { single = text }
        switch value.type {
        case "f32":
            if let pattern = single.flatMap(nanPattern) { return .f32NaN(pattern) }
        case "f64":
            if let pattern = single.flatMap(nanPattern) { return .f64NaN(pattern) }
        case "v128":
            let (shape, lanes) = try vectorLanes(value)
            let patterns = try lanes.map { lane throws(SpecScriptError) -> LanePattern in
                if let pattern = nanPattern(lane) {
                    guard shape.isFloat else { throw SpecScriptError("\(lane) in an integer lane") }
                    return .nan(pattern)
                }
                return .bits(try laneBits(lane, shape: shape))
            }
            return .vector(shape, patterns)
        case "funcref":
            // A function reference cannot be named by number: any non-null one matches.
            if single != "null" { return .anyFunctionReference }
        case "externref":
            if value.value == nil { return .anyExternReference }
        default:
            break
        }
        return .exact(try argument(value))
    }

    static func nanPattern(_ text: String) -> NaNPattern? {
        switch text {
        case "nan:canonical": return .canonical
        case "nan:arithmetic": return .arithmetic
        default: return nil
        }
    }

    static func text(_ value: WastJSONFormat.Value) throws(SpecScriptError) -> String {
        guard case .single(let text)? = value.value else {
            throw SpecScriptError("a \(value.type) value needs one string")
        }
        return text
    }

    static func number<T: FixedWidthInteger & UnsignedInteger>(
        _ value: WastJSONFormat.Value, as: T.Type
    ) throws(SpecScriptError) -> T {
        let text = try text(value)
        guard let number = T(text) else { throw SpecScriptError("bad \(value.type) value \"\(text)\"") }
        return number
    }

    static func vectorLanes(_ value: WastJSONFormat.Value) throws(SpecScriptError) -> (LaneShape, [String]) {
        let laneType = try SpecJSONReader.required(value.laneType, "lane_type")
        guard let shape = LaneShape(laneType: laneType) else {
            throw SpecScriptError("unknown lane type \"\(laneType)\"")
        }
        guard case .lanes(let lanes)? = value.value, lanes.count == shape.laneCount else {
            throw SpecScriptError("a \(shape) needs \(shape.laneCount) lanes")
        }
        return (shape, lanes)
    }

    /// A lane's bits from its unsigned decimal (a signed decimal is accepted and wrapped).
    static func laneBits(_ text: String, shape: LaneShape) throws(SpecScriptError) -> UInt64 {
        let value: UInt64
        if let unsigned = UInt64(text) {
            value = unsigned
        } else if let signed = Int64(text) {
            value = UInt64(bitPattern: signed) & shape.laneMask
        } else {
            throw SpecScriptError("bad \(shape) lane \"\(text)\"")
        }
        guard value & ~shape.laneMask == 0 else { throw SpecScriptError("lane \(text) too wide for \(shape)") }
        return value
    }
}
