import WasmBinary
import WasmInterpreter

/// Text for values and expectations in failure reports: integers in signed decimal, floats in
/// decimal with their bits (so NaN payloads and signed zeros are visible), vectors lane by lane.
enum SpecValueFormat {
    /// `value` as text; vectors are split in `shape` (i32x4 when nil).
    static func describe(_ value: Value, shape: LaneShape? = nil) -> String {
        switch value {
        case .i32(let bits): return "i32:\(Int32(bitPattern: bits))"
        case .i64(let bits): return "i64:\(Int64(bitPattern: bits))"
        case .f32(let bits): return "f32:\(Float(bitPattern: bits)) (\(hex(UInt64(bits), digits: 8)))"
        case .f64(let bits): return "f64:\(Double(bitPattern: bits)) (\(hex(bits, digits: 16)))"
        case .v128(let vector):
            let shape = shape ?? .i32x4
            let lanes = shape.lanes(of: vector).map { describeLane($0, shape: shape) }
            return "v128:\(shape) [\(lanes.joined(separator: " "))]"
        case .ref(let reference):
            switch reference {
            case .null(let type): return "ref.null \(type.heapType)"
            case .function(let address): return "ref.func @\(address.rawValue)"
            case .extern(let number): return "ref.extern \(number)"
            case .exception: return "ref.exn"
            }
        }
    }

    /// A list of values as text, e.g. `(i32:1, f32:2.5 (0x40200000))`.
    static func describe(_ values: [Value], shapes: [LaneShape?] = []) -> String {
        let items = values.enumerated().map { index, value in
            describe(value, shape: index < shapes.count ? shapes[index] : nil)
        }
        return "(\(items.joined(separator: ", ")))"
    }

    /// What an expectation accepts, as text.
    static func describe(_ expected: ExpectedValue) -> String {
        switch expected {
        case .exact(let value): return describe(value)
        case .f32NaN(let pattern): return "f32:\(pattern)"
        case .f64NaN(let pattern): return "f64:\(pattern)"
        case .vector(let shape, let patterns):
            let lanes = patterns.map { pattern in
                switch pattern {
                case .bits(let bits): return describeLane(bits, shape: shape)
                case .nan(let nan): return nan.description
                }
            }
            return "v128:\(shape) [\(lanes.joined(separator: " "))]"
        case .anyFunctionReference: return "ref.func"
        case .anyExternReference: return "ref.extern"
        case .anyNullReference: return "ref.null"
        case .anyExceptionReference: return "ref.exn"
        case .anyGarbageCollectedReference(let kind): return "ref.\(kind)"
        case .either(let alternatives): return "either(\(alternatives.map { describe($0) }.joined(separator: " | ")))"
        }
    }

    /// A list of expectations as text.
    static func describe(_ expected: [ExpectedValue]) -> String {
        "(\(expected.map { describe($0) }.joined(separator: ", ")))"
    }

    /// The shape to show each result in, taken from the vector expectations.
    static func shapes(of expected: [ExpectedValue]) -> [LaneShape?] {
        expected.map { expectation in
            if case .vector(let shape, _) = expectation { return shape }
            return nil
        }
    }

    private static func describeLane(_ bits: UInt64, shape: LaneShape) -> String {
        switch shape {
        case .f32x4:
            let value = Float(bitPattern: UInt32(truncatingIfNeeded: bits))
            return value.isNaN ? "nan(\(hex(bits, digits: 8)))" : "\(value)"
        case .f64x2:
            let value = Double(bitPattern: bits)
            return value.isNaN ? "nan(\(hex(bits, digits: 16)))" : "\(value)"
        case .i8x16, .i16x8, .i32x4, .i64x2: return hex(bits, digits: shape.laneBits / 4)
        }
    }

    private static func hex(_ bits: UInt64, digits: Int) -> String {
        let text = String(bits, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
