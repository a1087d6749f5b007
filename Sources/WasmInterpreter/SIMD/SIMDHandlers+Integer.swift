import WasmBinary

/// The integer SIMD operations' handlers: a handler shape with the lane type's semantics.
extension SIMDHandlers {
    /// The handler word of an integer lane operation (arithmetic, saturating, comparison, shift, reduction), or nil for other operations.
    static func integerHandler(_ operation: SIMDOperation) -> UInt64? {
        switch operation {
        case .i8x16Add: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.add(a, b, UInt8.self) } }
        case .i8x16Sub: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.sub(a, b, UInt8.self) } }
        case .i8x16Neg: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.neg(a, UInt8.self) } }
        case .i8x16Abs: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.abs(a, UInt8.self) } }
        case .i8x16MinS: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.minS(a, b, UInt8.self) } }
        case .i8x16MinU: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.minU(a, b, UInt8.self) } }
        case .i8x16MaxS: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.maxS(a, b, UInt8.self) } }
        case .i8x16MaxU: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.maxU(a, b, UInt8.self) } }
        case .i8x16AvgrU: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.avgrU(a, b, UInt8.self) } }
        case .i8x16AddSatS: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.addSatS(a, b, UInt8.self) } }
        case .i8x16AddSatU: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.addSatU(a, b, UInt8.self) } }
        case .i8x16SubSatS: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.subSatS(a, b, UInt8.self) } }
        case .i8x16SubSatU: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.subSatU(a, b, UInt8.self) } }
        case .i8x16AllTrue: return handlerWord { simdTest($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.allTrue(a, UInt8.self) } }
        case .i8x16Bitmask: return handlerWord { simdTest($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.bitmask(a, UInt8.self) } }
        case .i8x16Shl: return handlerWord { simdShift($0, $1, $2, $3, $4, $5, $6) { a, n in SIMDSemantics.shl(a, n, UInt8.self) } }
        case .i8x16ShrS: return handlerWord { simdShift($0, $1, $2, $3, $4, $5, $6) { a, n in SIMDSemantics.shrS(a, n, UInt8.self) } }
        case .i8x16ShrU: return handlerWord { simdShift($0, $1, $2, $3, $4, $5, $6) { a, n in SIMDSemantics.shrU(a, n, UInt8.self) } }
        case .i8x16Eq: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.eq(a, b, UInt8.self) } }
        case .i8x16Ne: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.ne(a, b, UInt8.self) } }
        case .i8x16LtS: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.ltS(a, b, UInt8.self) } }
        case .i8x16GtS: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.gtS(a, b, UInt8.self) } }
        case .i8x16LeS: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.leS(a, b, UInt8.self) } }
        case .i8x16GeS: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.geS(a, b, UInt8.self) } }
        case .i8x16LtU: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.ltU(a, b, UInt8.self) } }
        case .i8x16GtU: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.gtU(a, b, UInt8.self) } }
        case .i8x16LeU: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.leU(a, b, UInt8.self) } }
        case .i8x16GeU: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.geU(a, b, UInt8.self) } }
        case .i16x8Add: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.add(a, b, UInt16.self) } }
        case .i16x8Sub: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.sub(a, b, UInt16.self) } }
        case .i16x8Mul: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.mul(a, b, UInt16.self) } }
        case .i16x8Neg: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.neg(a, UInt16.self) } }
        case .i16x8Abs: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.abs(a, UInt16.self) } }
        case .i16x8MinS: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.minS(a, b, UInt16.self) } }
        case .i16x8MinU: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.minU(a, b, UInt16.self) } }
        case .i16x8MaxS: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.maxS(a, b, UInt16.self) } }
        case .i16x8MaxU: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.maxU(a, b, UInt16.self) } }
        case .i16x8AvgrU: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.avgrU(a, b, UInt16.self) } }
        case .i16x8AddSatS: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.addSatS(a, b, UInt16.self) } }
        case .i16x8AddSatU: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.addSatU(a, b, UInt16.self) } }
        case .i16x8SubSatS: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.subSatS(a, b, UInt16.self) } }
        case .i16x8SubSatU: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.subSatU(a, b, UInt16.self) } }
        case .i16x8AllTrue: return handlerWord { simdTest($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.allTrue(a, UInt16.self) } }
        case .i16x8Bitmask: return handlerWord { simdTest($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.bitmask(a, UInt16.self) } }
        case .i16x8Shl: return handlerWord { simdShift($0, $1, $2, $3, $4, $5, $6) { a, n in SIMDSemantics.shl(a, n, UInt16.self) } }
        case .i16x8ShrS: return handlerWord { simdShift($0, $1, $2, $3, $4, $5, $6) { a, n in SIMDSemantics.shrS(a, n, UInt16.self) } }
        case .i16x8ShrU: return handlerWord { simdShift($0, $1, $2, $3, $4, $5, $6) { a, n in SIMDSemantics.shrU(a, n, UInt16.self) } }
        case .i16x8Eq: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.eq(a, b, UInt16.self) } }
        case .i16x8Ne: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.ne(a, b, UInt16.self) } }
        case .i16x8LtS: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.ltS(a, b, UInt16.self) } }
        case .i16x8GtS: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.gtS(a, b, UInt16.self) } }
        case .i16x8LeS: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.leS(a, b, UInt16.self) } }
        case .i16x8GeS: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.geS(a, b, UInt16.self) } }
        case .i16x8LtU: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.ltU(a, b, UInt16.self) } }
        case .i16x8GtU: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.gtU(a, b, UInt16.self) } }
        case .i16x8LeU: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.leU(a, b, UInt16.self) } }
        case .i16x8GeU: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.geU(a, b, UInt16.self) } }
        case .i32x4Add: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.add(a, b, UInt32.self) } }
        case .i32x4Sub: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.sub(a, b, UInt32.self) } }
        case .i32x4Mul: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.mul(a, b, UInt32.self) } }
        case .i32x4Neg: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.neg(a, UInt32.self) } }
        case .i32x4Abs: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.abs(a, UInt32.self) } }
        case .i32x4MinS: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.minS(a, b, UInt32.self) } }
        case .i32x4MinU: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.minU(a, b, UInt32.self) } }
        case .i32x4MaxS: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.maxS(a, b, UInt32.self) } }
        case .i32x4MaxU: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.maxU(a, b, UInt32.self) } }
        case .i32x4AllTrue: return handlerWord { simdTest($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.allTrue(a, UInt32.self) } }
        case .i32x4Bitmask: return handlerWord { simdTest($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.bitmask(a, UInt32.self) } }
        case .i32x4Shl: return handlerWord { simdShift($0, $1, $2, $3, $4, $5, $6) { a, n in SIMDSemantics.shl(a, n, UInt32.self) } }
        case .i32x4ShrS: return handlerWord { simdShift($0, $1, $2, $3, $4, $5, $6) { a, n in SIMDSemantics.shrS(a, n, UInt32.self) } }
        case .i32x4ShrU: return handlerWord { simdShift($0, $1, $2, $3, $4, $5, $6) { a, n in SIMDSemantics.shrU(a, n, UInt32.self) } }
        case .i32x4Eq: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.eq(a, b, UInt32.self) } }
        case .i32x4Ne: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.ne(a, b, UInt32.self) } }
        case .i32x4LtS: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.ltS(a, b, UInt32.self) } }
        case .i32x4GtS: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.gtS(a, b, UInt32.self) } }
        case .i32x4LeS: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.leS(a, b, UInt32.self) } }
        case .i32x4GeS: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.geS(a, b, UInt32.self) } }
        case .i32x4LtU: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.ltU(a, b, UInt32.self) } }
        case .i32x4GtU: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.gtU(a, b, UInt32.self) } }
        case .i32x4LeU: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.leU(a, b, UInt32.self) } }
        case .i32x4GeU: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.geU(a, b, UInt32.self) } }
        case .i64x2Add: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.add(a, b, UInt64.self) } }
        case .i64x2Sub: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.sub(a, b, UInt64.self) } }
        case .i64x2Mul: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.mul(a, b, UInt64.self) } }
        case .i64x2Neg: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.neg(a, UInt64.self) } }
        case .i64x2Abs: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.abs(a, UInt64.self) } }
        case .i64x2AllTrue: return handlerWord { simdTest($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.allTrue(a, UInt64.self) } }
        case .i64x2Bitmask: return handlerWord { simdTest($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.bitmask(a, UInt64.self) } }
        case .i64x2Shl: return handlerWord { simdShift($0, $1, $2, $3, $4, $5, $6) { a, n in SIMDSemantics.shl(a, n, UInt64.self) } }
        case .i64x2ShrS: return handlerWord { simdShift($0, $1, $2, $3, $4, $5, $6) { a, n in SIMDSemantics.shrS(a, n, UInt64.self) } }
        case .i64x2ShrU: return handlerWord { simdShift($0, $1, $2, $3, $4, $5, $6) { a, n in SIMDSemantics.shrU(a, n, UInt64.self) } }
        case .i64x2Eq: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.eq(a, b, UInt64.self) } }
        case .i64x2Ne: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.ne(a, b, UInt64.self) } }
        case .i64x2LtS: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.ltS(a, b, UInt64.self) } }
        case .i64x2GtS: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.gtS(a, b, UInt64.self) } }
        case .i64x2LeS: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.leS(a, b, UInt64.self) } }
        case .i64x2GeS: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.geS(a, b, UInt64.self) } }
        case .i8x16Popcnt: return handlerWord { simdUnary($0, $1, $2, $3, $4, $5, $6) { a in SIMDSemantics.i8x16Popcnt(a) } }
        case .i16x8Q15mulrSatS: return handlerWord { simdBinary($0, $1, $2, $3, $4, $5, $6) { a, b in SIMDSemantics.i16x8Q15mulrSatS(a, b) } }
        default: return nil
        }
    }
}
