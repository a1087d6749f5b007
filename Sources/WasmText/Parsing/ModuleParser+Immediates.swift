import WasmBinary

/// Immediates: numeric constants, memory arguments, and the SIMD instructions' lanes and shapes.
extension ModuleParser {
    /// An `iN.const` operand: the signed or the unsigned range, as a bit pattern.
    mutating func parseIntegerConstant(bits: Int) throws(WatError) -> UInt64 {
        let token = cursor.current
        guard token.kind == .number else { throw cursor.error(.invalidConstant(expected: "i\(bits) constant"), at: token) }
        switch IntegerLiteral.bitPattern(token.text, bits: bits) {
        case .value(let value):
            cursor.advance()
            return value
        case .outOfRange: throw cursor.error(.constantOutOfRange, at: token)
        case .invalid: throw cursor.error(.unknownOperator(token.text), at: token)
        }
    }

    /// An `fN.const` operand as a bit pattern.
    mutating func parseFloatConstant(_ format: FloatLiteral.Format) throws(WatError) -> UInt64 {
        let token = cursor.current
        let name = format.mantissaBits == 23 ? "f32" : "f64"
        guard token.kind == .number || token.kind == .keyword else {
            throw cursor.error(.invalidConstant(expected: "\(name) constant"), at: token)
        }
        switch FloatLiteral.bits(token.text, format) {
        case .value(let value):
            cursor.advance()
            return value
        case .outOfRange: throw cursor.error(.constantOutOfRange, at: token)
        case .invalid:
            if token.text.hasSuffix(":canonical") || token.text.hasSuffix(":arithmetic") {
                throw cursor.error(.unexpectedToken(token.text), at: token)  // a result pattern, not a constant
            }
            throw cursor.error(.unknownOperator(token.text), at: token)
        }
    }

    /// A memory index before a memory argument: an identifier, or a number followed by another
    /// number or by `offset=`/`align=` (a lone number after a lane instruction is its lane). 0
    /// when absent.
    mutating func takeMemoryIndex() throws(WatError) -> UInt32 {
        if cursor.current.kind == .identifier { return try cursor.expectIndex(in: spaces.memories) }
        guard cursor.isUnsignedNumber else { return 0 }
        let next = cursor.peek(1)
        let isMemoryIndex = next.kind == .number
            || (next.kind == .keyword && (next.text.hasPrefix("offset=") || next.text.hasPrefix("align=")))
        return isMemoryIndex ? try cursor.expectIndex(in: spaces.memories) : 0
    }

    /// `offset=N`? `align=N`?, with the natural alignment when `align` is absent; the offset is a
    /// `u64` (validation bounds it for 32-bit memories).
    mutating func parseMemoryArgument(naturalAlignment: UInt32, memory: UInt32 = 0) throws(WatError) -> MemoryArgument {
        var memarg = MemoryArgument(alignment: naturalAlignment, offset: 0, memoryIndex: memory)
        if cursor.current.kind == .keyword && cursor.current.text.hasPrefix("offset=") {
            let token = cursor.advance()
            memarg.offset = try memoryImmediate(token, prefixLength: 7, bits: 64)
        }
        if cursor.current.kind == .keyword && cursor.current.text.hasPrefix("align=") {
            let token = cursor.advance()
            let alignment = try memoryImmediate(token, prefixLength: 6, bits: 64)
            guard alignment != 0, alignment & (alignment - 1) == 0 else {
                throw cursor.error(.alignmentNotPowerOfTwo, at: token)
            }
            memarg.alignment = UInt32(alignment.trailingZeroBitCount)
        }
        return memarg
    }

    private func memoryImmediate(_ token: Token, prefixLength: Int, bits: Int) throws(WatError) -> UInt64 {
        switch IntegerLiteral.unsigned(String(token.text.dropFirst(prefixLength)), bits: bits) {
        case .value(let value): return value
        case .outOfRange: throw cursor.error(.immediateOutOfRange(bits: bits), at: token)
        case .invalid: throw cursor.error(.unknownOperator(token.text), at: token)
        }
    }

    /// A lane index immediate: an unsigned literal below 256, "i8 constant out of range" otherwise
    /// (the lane count is checked by validation).
    mutating func parseLaneIndex() throws(WatError) -> UInt8 {
        let token = cursor.current
        guard token.kind == .number else { throw cursor.error(.unexpectedToken(token.displayText), at: token) }
        switch IntegerLiteral.unsigned(token.text, bits: 8) {
        case .value(let value):
            cursor.advance()
            return UInt8(value)
        case .outOfRange: throw cursor.error(.immediateOutOfRange(bits: 8), at: token)
        case .invalid: throw cursor.unexpected()
        }
    }

    /// A SIMD instruction (the keyword has been read).
    mutating func parseVectorInstruction(_ keyword: Token) throws(WatError) -> Instruction {
        let name = keyword.text
        if let operation = InstructionNames.simdMemory[name] {
            let memory = try takeMemoryIndex()
            return .simdMemory(operation, try parseMemoryArgument(naturalAlignment: operation.naturalAlignment, memory: memory))
        }
        if let operation = InstructionNames.simdMemoryLane[name] {
            let memory = try takeMemoryIndex()
            let memarg = try parseMemoryArgument(naturalAlignment: operation.naturalAlignment, memory: memory)
            return .simdMemoryLane(operation, memarg, lane: try parseLaneIndex())
        }
        if let operation = InstructionNames.simdLane[name] {
            return .simdLane(operation, lane: try parseLaneIndex())
        }
        switch name {
        case "v128.const":
            return .v128Const(try parseVectorConstant())
        case "i8x16.shuffle":
            var lanes: [UInt8] = []
            for _ in 0..<16 {
                let token = cursor.current
                let isFloatKeyword = token.kind == .keyword && (token.text.hasPrefix("nan") || token.text.hasPrefix("inf"))
                guard token.kind == .number || isFloatKeyword else { throw cursor.error(.invalidLaneLength) }
                guard case .value(let lane) = IntegerLiteral.unsigned(token.text, bits: 8) else {
                    throw cursor.error(.malformedLaneIndex, at: token)
                }
                cursor.advance()
                lanes.append(UInt8(lane))
            }
            if cursor.current.kind == .number { throw cursor.error(.invalidLaneLength) }
            return .i8x16Shuffle(lanes: V128(bytes: lanes))
        default:
            throw cursor.error(.unknownOperator(name), at: keyword)
        }
    }

    /// `shape lane*` after `v128.const`.
    mutating func parseVectorConstant() throws(WatError) -> V128 {
        let shapeToken = cursor.current
        guard shapeToken.kind == .keyword else { throw cursor.error(.unexpectedToken(shapeToken.text), at: shapeToken) }
        cursor.advance()
        var bytes: [UInt8] = []
        func append(_ value: UInt64, width: Int) {
            for i in 0..<width { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(8 * i))) }
        }
        let laneCount = WastLaneShape(rawValue: shapeToken.text)?.laneCount ?? 0
        for distance in 0...laneCount {
            let token = cursor.peek(distance)
            let isLane = token.kind == .number || (token.kind == .keyword && (token.text.hasPrefix("nan") || token.text == "inf"))
            if isLane != (distance < laneCount) { throw cursor.error(.wrongLaneCount, at: token) }
        }
        switch shapeToken.text {
        case "i8x16": for _ in 0..<16 { append(try parseIntegerConstant(bits: 8), width: 1) }
        case "i16x8": for _ in 0..<8 { append(try parseIntegerConstant(bits: 16), width: 2) }
        case "i32x4": for _ in 0..<4 { append(try parseIntegerConstant(bits: 32), width: 4) }
        case "i64x2": for _ in 0..<2 { append(try parseIntegerConstant(bits: 64), width: 8) }
        case "f32x4": for _ in 0..<4 { append(try parseFloatConstant(.binary32), width: 4) }
        case "f64x2": for _ in 0..<2 { append(try parseFloatConstant(.binary64), width: 8) }
        default: throw cursor.error(.unexpectedToken(shapeToken.text), at: shapeToken)
        }
        return V128(bytes: bytes)
    }
}
