import WasmBinary

/// The relaxed SIMD instructions that are not a 2.0 instruction in the deterministic profile
/// (see `SIMDSemantics+Relaxed.swift`): multiply-add and the 8-bit dot products.

/// Three v128 to v128. Operands: (a, b, c), then the destination slot.
@inline(__always)
func simdTernary(_ pc: CodePointer, _ fp: FramePointer, _ md: UnsafeMutableRawPointer, _ ms: Int, _ state: StatePointer, _ acc: UInt64, _ facc: Double,
                 _ operation: (V128, V128, V128) -> V128) {
    let result = operation(fp.v128(at: slotA(pc)), fp.v128(at: slotB(pc)), fp.v128(at: slotD(pc)))
    fp.setV128(result, at: Int(truncatingIfNeeded: pc[2]))
    next(pc + 3, fp, md, ms, state, acc, facc)
}

extension SIMDHandlers {
    /// The handler word of a relaxed SIMD instruction without a deterministic 2.0 equivalent: a
    /// ternary one (operands (a, b, c), then the destination) or the binary dot product
    /// (operands (a, b, destination)); nil for the others.
    static func relaxedHandler(_ operation: RelaxedSIMDOperation) -> UInt64? {
        switch operation {
        case .f32x4RelaxedMadd:
            return handlerWord { simdTernary($0, $1, $2, $3, $4, $5, $6) { a, b, c in SIMDSemantics.f32x4RelaxedMadd(a, b, c, negated: false) } }
        case .f32x4RelaxedNmadd:
            return handlerWord { simdTernary($0, $1, $2, $3, $4, $5, $6) { a, b, c in SIMDSemantics.f32x4RelaxedMadd(a, b, c, negated: true) } }
        case .f64x2RelaxedMadd:
            return handlerWord { simdTernary($0, $1, $2, $3, $4, $5, $6) { a, b, c in SIMDSemantics.f64x2RelaxedMadd(a, b, c, negated: false) } }
        case .f64x2RelaxedNmadd:
            return handlerWord { simdTernary($0, $1, $2, $3, $4, $5, $6) { a, b, c in SIMDSemantics.f64x2RelaxedMadd(a, b, c, negated: true) } }
        case .i32x4RelaxedDotI8x16I7x16AddS:
            return handlerWord { simdTernary($0, $1, $2, $3, $4, $5, $6) { a, b, c in SIMDSemantics.i32x4RelaxedDotI8x16I7x16AddS(a, b, c) } }
        case .i16x8RelaxedDotI8x16I7x16S:
            return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.i16x8RelaxedDotI8x16I7x16S(a, b) } }
        default:
            return nil
        }
    }
}
