import WasmBinary

/// Constants in actions and expected results: `(i32.const 1)`, `(f32.const nan:canonical)`,
/// `(v128.const f32x4 nan:arithmetic 1 2 3)`, `(ref.null func)`, `(ref.extern 1)`, `(ref.func)`.
extension WastParser {
    mutating func parseExpectedValue() throws(WatError) -> WastExpectedValue {
        if cursor.takeOpen("either") {
            var alternatives: [WastExpectedValue] = []
            while cursor.current.kind == .leftParen { alternatives.append(try parseExpectedValue()) }
            try cursor.expectRightParen()
            return .either(alternatives)
        }
        try cursor.expectLeftParen()
        let keyword = cursor.current
        guard keyword.kind == .keyword else { throw cursor.unexpected() }
        cursor.advance()
        let result: WastExpectedValue
        switch keyword.text {
        case "i32.const": result = .value(.i32(UInt32(truncatingIfNeeded: try integer(bits: 32))))
        case "i64.const": result = .value(.i64(try integer(bits: 64)))
        case "f32.const":
            if let pattern = takeNaNPattern() {
                result = .f32NaN(pattern)
            } else {
                result = .value(.f32(bits: UInt32(truncatingIfNeeded: try float(.binary32))))
            }
        case "f64.const":
            if let pattern = takeNaNPattern() {
                result = .f64NaN(pattern)
            } else {
                result = .value(.f64(bits: try float(.binary64)))
            }
        case "v128.const": result = try parseVector()
        case "ref.null":
            if cursor.current.kind == .rightParen {
                result = .anyNullReference
            } else {
                result = .value(.refNull(try cursor.expectHeapType(IndexSpace(kind: "type"))))
            }
        case "ref.extern":
            result = cursor.current.kind == .rightParen ? .anyExternReference : .value(.refExtern(try cursor.expectU32()))
        case "ref.host":
            result = .value(.refHost(try cursor.expectU32()))
        case "ref.func":
            if cursor.current.kind != .rightParen { _ = try cursor.expectU32() }
            result = .anyFunctionReference
        case "ref.exn":
            result = .anyExceptionReference
        case "ref.any", "ref.eq", "ref.i31", "ref.struct", "ref.array":
            if cursor.current.kind != .rightParen { _ = try cursor.expectU32() }
            result = .anyGarbageCollectedReference(String(keyword.text.dropFirst(4)))
        default:
            throw cursor.error(.unknownOperator(keyword.text), at: keyword)
        }
        try cursor.expectRightParen()
        return result
    }

    private mutating func takeNaNPattern() -> WastNaNPattern? {
        if cursor.takeKeyword("nan:canonical") { return .canonical }
        if cursor.takeKeyword("nan:arithmetic") { return .arithmetic }
        return nil
    }

    private mutating func integer(bits: Int) throws(WatError) -> UInt64 {
        let token = cursor.current
        switch IntegerLiteral.bitPattern(token.text, bits: bits) {
        case .value(let value):
            cursor.advance()
            return value
        case .outOfRange: throw cursor.error(.constantOutOfRange, at: token)
        case .invalid: throw cursor.error(.invalidConstant(expected: "i\(bits) constant"), at: token)
        }
    }

    private mutating func float(_ format: FloatLiteral.Format) throws(WatError) -> UInt64 {
        let token = cursor.current
        switch FloatLiteral.bits(token.text, format) {
        case .value(let value):
            cursor.advance()
            return value
        case .outOfRange: throw cursor.error(.constantOutOfRange, at: token)
        case .invalid: throw cursor.error(.invalidConstant(expected: "float constant"), at: token)
        }
    }

    /// `shape lane*`: an exact vector, or lanes with NaN patterns.
    private mutating func parseVector() throws(WatError) -> WastExpectedValue {
        let shapeToken = cursor.current
        guard let shape = WastLaneShape(rawValue: shapeToken.text) else { throw cursor.unexpected() }
        cursor.advance()
        var lanes: [WastExpectedLane] = []
        for _ in 0..<shape.laneCount {
            if shape.isFloat, let pattern = takeNaNPattern() {
                lanes.append(.nan(pattern))
            } else if shape.isFloat {
                lanes.append(.bits(try float(shape == .f32x4 ? .binary32 : .binary64)))
            } else {
                lanes.append(.bits(try integer(bits: shape.laneWidth * 8)))
            }
        }
        if lanes.contains(where: { if case .nan = $0 { return true } else { return false } }) {
            return .v128(shape: shape, lanes: lanes)
        }
        var bytes: [UInt8] = []
        for case .bits(let value) in lanes {
            for i in 0..<shape.laneWidth { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(8 * i))) }
        }
        return .value(.v128(V128(bytes: bytes)))
    }
}
