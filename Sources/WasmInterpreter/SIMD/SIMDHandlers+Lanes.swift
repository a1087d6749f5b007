import WasmBinary

/// `extract_lane` and `replace_lane`: the lane index is an immediate word.

/// A lane of a v128 to a scalar. Operands: (vector, -, destination), then the lane index.
@inline(__always)
func simdExtractLane(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double,
                     _ operation: (V128, Int) -> UInt64) {
    fp[slotD(pc)] = operation(fp.v128(at: slotA(pc)), Int(truncatingIfNeeded: pc[2]))
    next(pc + 3, fp, md, ms, state, acc, facc)
}

/// A v128 with one lane replaced by a scalar. Operands: (vector, scalar, destination), then the lane index.
@inline(__always)
func simdReplaceLane(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double,
                     _ operation: (V128, UInt64, Int) -> V128) {
    fp.setV128(operation(fp.v128(at: slotA(pc)), fp[slotB(pc)], Int(truncatingIfNeeded: pc[2])), at: slotD(pc))
    next(pc + 3, fp, md, ms, state, acc, facc)
}

extension SIMDHandlers {
    /// The handler word of a lane extraction or replacement.
    static func laneHandler(_ operation: SIMDLaneOperation) -> UInt64 {
        switch operation {
        case .i8x16ExtractLaneS: return handlerWord { simdExtractLane($0, $1, $2, $3, $4, $5, $6, SIMDSemantics.i8x16ExtractLaneS) }
        case .i8x16ExtractLaneU: return handlerWord { simdExtractLane($0, $1, $2, $3, $4, $5, $6, SIMDSemantics.i8x16ExtractLaneU) }
        case .i16x8ExtractLaneS: return handlerWord { simdExtractLane($0, $1, $2, $3, $4, $5, $6, SIMDSemantics.i16x8ExtractLaneS) }
        case .i16x8ExtractLaneU: return handlerWord { simdExtractLane($0, $1, $2, $3, $4, $5, $6, SIMDSemantics.i16x8ExtractLaneU) }
        case .i32x4ExtractLane, .f32x4ExtractLane:
            return handlerWord { simdExtractLane($0, $1, $2, $3, $4, $5, $6, SIMDSemantics.i32x4ExtractLane) }
        case .i64x2ExtractLane, .f64x2ExtractLane:
            return handlerWord { simdExtractLane($0, $1, $2, $3, $4, $5, $6, SIMDSemantics.i64x2ExtractLane) }
        case .i8x16ReplaceLane: return handlerWord { simdReplaceLane($0, $1, $2, $3, $4, $5, $6, SIMDSemantics.i8x16ReplaceLane) }
        case .i16x8ReplaceLane: return handlerWord { simdReplaceLane($0, $1, $2, $3, $4, $5, $6, SIMDSemantics.i16x8ReplaceLane) }
        case .i32x4ReplaceLane, .f32x4ReplaceLane:
            return handlerWord { simdReplaceLane($0, $1, $2, $3, $4, $5, $6, SIMDSemantics.i32x4ReplaceLane) }
        case .i64x2ReplaceLane, .f64x2ReplaceLane:
            return handlerWord { simdReplaceLane($0, $1, $2, $3, $4, $5, $6, SIMDSemantics.i64x2ReplaceLane) }
        }
    }

    /// The handler word of a SIMD operation without immediates other than `v128.bitselect`.
    static func handler(_ operation: SIMDOperation) -> UInt64? {
        if operation == .v128Bitselect { return bitselect }
        return integerHandler(operation) ?? floatHandler(operation) ?? conversionHandler(operation) ?? bitwiseHandler(operation)
    }
}
