import WasmBinary

/// The handlers of the whole-vector bitwise operations, splats and swizzle.
extension SIMDHandlers {
    /// The handler word of a bitwise operation, splat or swizzle, or nil for other operations.
    static func bitwiseHandler(_ operation: SIMDOperation) -> UInt64? {
        switch operation {
        case .v128Not: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.v128Not(a) } }
        case .v128And: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.v128And(a, b) } }
        case .v128Andnot: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.v128Andnot(a, b) } }
        case .v128Or: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.v128Or(a, b) } }
        case .v128Xor: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.v128Xor(a, b) } }
        case .v128AnyTrue: return handlerWord { simdTest($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.v128AnyTrue(a) } }
        case .i8x16Swizzle: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.i8x16Swizzle(a, b) } }
        case .i8x16Splat: return handlerWord { simdSplat($0, $1, $2, $3, $4, $5, $6) { x in SIMDSemantics.i8x16Splat(x) } }
        case .i16x8Splat: return handlerWord { simdSplat($0, $1, $2, $3, $4, $5, $6) { x in SIMDSemantics.i16x8Splat(x) } }
        case .i32x4Splat: return handlerWord { simdSplat($0, $1, $2, $3, $4, $5, $6) { x in SIMDSemantics.i32x4Splat(x) } }
        case .i64x2Splat: return handlerWord { simdSplat($0, $1, $2, $3, $4, $5, $6) { x in SIMDSemantics.i64x2Splat(x) } }
        case .f32x4Splat: return handlerWord { simdSplat($0, $1, $2, $3, $4, $5, $6) { x in SIMDSemantics.i32x4Splat(x) } }
        case .f64x2Splat: return handlerWord { simdSplat($0, $1, $2, $3, $4, $5, $6) { x in SIMDSemantics.i64x2Splat(x) } }
        default: return nil
        }
    }
}
