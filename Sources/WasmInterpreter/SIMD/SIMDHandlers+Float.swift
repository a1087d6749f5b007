import WasmBinary

/// The f32x4 and f64x2 operations' handlers: the scalar float semantics per lane.
extension SIMDHandlers {
    /// The handler word of a float lane operation (arithmetic, rounding, comparison), or nil for other operations.
    static func floatHandler(_ operation: SIMDOperation) -> UInt64? {
        switch operation {
        case .f32x4Abs: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.f32x4(a, NumericSemantics.f32Abs) } }
        case .f32x4Neg: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.f32x4(a, NumericSemantics.f32Neg) } }
        case .f32x4Sqrt: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.f32x4(a, NumericSemantics.f32Sqrt) } }
        case .f32x4Ceil: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.f32x4(a, NumericSemantics.f32Ceil) } }
        case .f32x4Floor: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.f32x4(a, NumericSemantics.f32Floor) } }
        case .f32x4Trunc: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.f32x4(a, NumericSemantics.f32Trunc) } }
        case .f32x4Nearest: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.f32x4(a, NumericSemantics.f32Nearest) } }
        case .f32x4Add: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.f32x4(a, b, NumericSemantics.f32Add) } }
        case .f32x4Sub: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.f32x4(a, b, NumericSemantics.f32Sub) } }
        case .f32x4Mul: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.f32x4(a, b, NumericSemantics.f32Mul) } }
        case .f32x4Div: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.f32x4(a, b, NumericSemantics.f32Div) } }
        case .f32x4Min: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.f32x4(a, b, NumericSemantics.f32Min) } }
        case .f32x4Max: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.f32x4(a, b, NumericSemantics.f32Max) } }
        case .f32x4Pmin: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.f32x4Pmin(a, b) } }
        case .f32x4Pmax: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.f32x4Pmax(a, b) } }
        case .f32x4Eq: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.f32x4Compare(a, b, NumericSemantics.f32Eq) } }
        case .f32x4Ne: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.f32x4Compare(a, b, NumericSemantics.f32Ne) } }
        case .f32x4Lt: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.f32x4Compare(a, b, NumericSemantics.f32Lt) } }
        case .f32x4Gt: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.f32x4Compare(a, b, NumericSemantics.f32Gt) } }
        case .f32x4Le: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.f32x4Compare(a, b, NumericSemantics.f32Le) } }
        case .f32x4Ge: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.f32x4Compare(a, b, NumericSemantics.f32Ge) } }
        case .f64x2Abs: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.f64x2(a, NumericSemantics.f64Abs) } }
        case .f64x2Neg: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.f64x2(a, NumericSemantics.f64Neg) } }
        case .f64x2Sqrt: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.f64x2(a, NumericSemantics.f64Sqrt) } }
        case .f64x2Ceil: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.f64x2(a, NumericSemantics.f64Ceil) } }
        case .f64x2Floor: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.f64x2(a, NumericSemantics.f64Floor) } }
        case .f64x2Trunc: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.f64x2(a, NumericSemantics.f64Trunc) } }
        case .f64x2Nearest: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.f64x2(a, NumericSemantics.f64Nearest) } }
        case .f64x2Add: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.f64x2(a, b, NumericSemantics.f64Add) } }
        case .f64x2Sub: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.f64x2(a, b, NumericSemantics.f64Sub) } }
        case .f64x2Mul: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.f64x2(a, b, NumericSemantics.f64Mul) } }
        case .f64x2Div: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.f64x2(a, b, NumericSemantics.f64Div) } }
        case .f64x2Min: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.f64x2(a, b, NumericSemantics.f64Min) } }
        case .f64x2Max: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.f64x2(a, b, NumericSemantics.f64Max) } }
        case .f64x2Pmin: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.f64x2Pmin(a, b) } }
        case .f64x2Pmax: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.f64x2Pmax(a, b) } }
        case .f64x2Eq: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.f64x2Compare(a, b, NumericSemantics.f64Eq) } }
        case .f64x2Ne: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.f64x2Compare(a, b, NumericSemantics.f64Ne) } }
        case .f64x2Lt: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.f64x2Compare(a, b, NumericSemantics.f64Lt) } }
        case .f64x2Gt: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.f64x2Compare(a, b, NumericSemantics.f64Gt) } }
        case .f64x2Le: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.f64x2Compare(a, b, NumericSemantics.f64Le) } }
        case .f64x2Ge: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.f64x2Compare(a, b, NumericSemantics.f64Ge) } }
        default: return nil
        }
    }
}
