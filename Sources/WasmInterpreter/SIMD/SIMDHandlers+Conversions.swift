import WasmBinary

/// The handlers of the operations that change shape.
extension SIMDHandlers {
    /// The handler word of a conversion between shapes (float/int, narrow, extend, extmul, extadd, dot), or nil for other operations.
    static func conversionHandler(_ operation: SIMDOperation) -> UInt64? {
        switch operation {
        case .i32x4TruncSatF32x4S: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.f32x4(a, NumericSemantics.i32TruncSatF32S) } }
        case .i32x4TruncSatF32x4U: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.f32x4(a, NumericSemantics.i32TruncSatF32U) } }
        case .f32x4ConvertI32x4S: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.f32x4(a, NumericSemantics.f32ConvertI32S) } }
        case .f32x4ConvertI32x4U: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.f32x4(a, NumericSemantics.f32ConvertI32U) } }
        case .i32x4TruncSatF64x2SZero: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.i32x4TruncSatF64x2SZero(a) } }
        case .i32x4TruncSatF64x2UZero: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.i32x4TruncSatF64x2UZero(a) } }
        case .f64x2ConvertLowI32x4S: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.f64x2ConvertLowI32x4S(a) } }
        case .f64x2ConvertLowI32x4U: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.f64x2ConvertLowI32x4U(a) } }
        case .f32x4DemoteF64x2Zero: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.f32x4DemoteF64x2Zero(a) } }
        case .f64x2PromoteLowF32x4: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.f64x2PromoteLowF32x4(a) } }
        case .i8x16NarrowI16x8S: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.narrowS(a, b, from: UInt16.self, to: UInt8.self) } }
        case .i8x16NarrowI16x8U: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.narrowU(a, b, from: UInt16.self, to: UInt8.self) } }
        case .i16x8NarrowI32x4S: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.narrowS(a, b, from: UInt32.self, to: UInt16.self) } }
        case .i16x8NarrowI32x4U: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.narrowU(a, b, from: UInt32.self, to: UInt16.self) } }
        case .i16x8ExtendLowI8x16S: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.extend(a, from: UInt8.self, to: UInt16.self, high: false, signed: true) } }
        case .i16x8ExtmulLowI8x16S: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.extmul(a, b, from: UInt8.self, to: UInt16.self, high: false, signed: true) } }
        case .i16x8ExtendLowI8x16U: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.extend(a, from: UInt8.self, to: UInt16.self, high: false, signed: false) } }
        case .i16x8ExtmulLowI8x16U: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.extmul(a, b, from: UInt8.self, to: UInt16.self, high: false, signed: false) } }
        case .i16x8ExtendHighI8x16S: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.extend(a, from: UInt8.self, to: UInt16.self, high: true, signed: true) } }
        case .i16x8ExtmulHighI8x16S: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.extmul(a, b, from: UInt8.self, to: UInt16.self, high: true, signed: true) } }
        case .i16x8ExtendHighI8x16U: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.extend(a, from: UInt8.self, to: UInt16.self, high: true, signed: false) } }
        case .i16x8ExtmulHighI8x16U: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.extmul(a, b, from: UInt8.self, to: UInt16.self, high: true, signed: false) } }
        case .i32x4ExtendLowI16x8S: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.extend(a, from: UInt16.self, to: UInt32.self, high: false, signed: true) } }
        case .i32x4ExtmulLowI16x8S: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.extmul(a, b, from: UInt16.self, to: UInt32.self, high: false, signed: true) } }
        case .i32x4ExtendLowI16x8U: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.extend(a, from: UInt16.self, to: UInt32.self, high: false, signed: false) } }
        case .i32x4ExtmulLowI16x8U: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.extmul(a, b, from: UInt16.self, to: UInt32.self, high: false, signed: false) } }
        case .i32x4ExtendHighI16x8S: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.extend(a, from: UInt16.self, to: UInt32.self, high: true, signed: true) } }
        case .i32x4ExtmulHighI16x8S: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.extmul(a, b, from: UInt16.self, to: UInt32.self, high: true, signed: true) } }
        case .i32x4ExtendHighI16x8U: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.extend(a, from: UInt16.self, to: UInt32.self, high: true, signed: false) } }
        case .i32x4ExtmulHighI16x8U: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.extmul(a, b, from: UInt16.self, to: UInt32.self, high: true, signed: false) } }
        case .i64x2ExtendLowI32x4S: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.extend(a, from: UInt32.self, to: UInt64.self, high: false, signed: true) } }
        case .i64x2ExtmulLowI32x4S: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.extmul(a, b, from: UInt32.self, to: UInt64.self, high: false, signed: true) } }
        case .i64x2ExtendLowI32x4U: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.extend(a, from: UInt32.self, to: UInt64.self, high: false, signed: false) } }
        case .i64x2ExtmulLowI32x4U: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.extmul(a, b, from: UInt32.self, to: UInt64.self, high: false, signed: false) } }
        case .i64x2ExtendHighI32x4S: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.extend(a, from: UInt32.self, to: UInt64.self, high: true, signed: true) } }
        case .i64x2ExtmulHighI32x4S: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.extmul(a, b, from: UInt32.self, to: UInt64.self, high: true, signed: true) } }
        case .i64x2ExtendHighI32x4U: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.extend(a, from: UInt32.self, to: UInt64.self, high: true, signed: false) } }
        case .i64x2ExtmulHighI32x4U: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.extmul(a, b, from: UInt32.self, to: UInt64.self, high: true, signed: false) } }
        case .i16x8ExtaddPairwiseI8x16S: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.extaddPairwise(a, from: UInt8.self, to: UInt16.self, signed: true) } }
        case .i16x8ExtaddPairwiseI8x16U: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.extaddPairwise(a, from: UInt8.self, to: UInt16.self, signed: false) } }
        case .i32x4ExtaddPairwiseI16x8S: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.extaddPairwise(a, from: UInt16.self, to: UInt32.self, signed: true) } }
        case .i32x4ExtaddPairwiseI16x8U: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.extaddPairwise(a, from: UInt16.self, to: UInt32.self, signed: false) } }
        case .i32x4DotI16x8S: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.i32x4DotI16x8S(a, b) } }
        default: return nil
        }
    }
}
