/// The numeric instructions (opcodes 0x45 to 0xC4, and the saturating truncations 0xFC 0 to 7): one row each,
/// with the raw value being the opcode (prefixed ones as 0xFC00 | subopcode).
public enum NumericOperation: UInt16, CaseIterable, Sendable {
    case i32Eqz = 0x45
    case i32Eq = 0x46
    case i32Ne = 0x47
    case i32LtS = 0x48
    case i32LtU = 0x49
    case i32GtS = 0x4A
    case i32GtU = 0x4B
    case i32LeS = 0x4C
    case i32LeU = 0x4D
    case i32GeS = 0x4E
    case i32GeU = 0x4F
    case i64Eqz = 0x50
    case i64Eq = 0x51
    case i64Ne = 0x52
    case i64LtS = 0x53
    case i64LtU = 0x54
    case i64GtS = 0x55
    case i64GtU = 0x56
    case i64LeS = 0x57
    case i64LeU = 0x58
    case i64GeS = 0x59
    case i64GeU = 0x5A
    case f32Eq = 0x5B
    case f32Ne = 0x5C
    case f32Lt = 0x5D
    case f32Gt = 0x5E
    case f32Le = 0x5F
    case f32Ge = 0x60
    case f64Eq = 0x61
    case f64Ne = 0x62
    case f64Lt = 0x63
    case f64Gt = 0x64
    case f64Le = 0x65
    case f64Ge = 0x66
    case i32Clz = 0x67
    case i32Ctz = 0x68
    case i32Popcnt = 0x69
    case i32Add = 0x6A
    case i32Sub = 0x6B
    case i32Mul = 0x6C
    case i32DivS = 0x6D
    case i32DivU = 0x6E
    case i32RemS = 0x6F
    case i32RemU = 0x70
    case i32And = 0x71
    case i32Or = 0x72
    case i32Xor = 0x73
    case i32Shl = 0x74
    case i32ShrS = 0x75
    case i32ShrU = 0x76
    case i32Rotl = 0x77
    case i32Rotr = 0x78
    case i64Clz = 0x79
    case i64Ctz = 0x7A
    case i64Popcnt = 0x7B
    case i64Add = 0x7C
    case i64Sub = 0x7D
    case i64Mul = 0x7E
    case i64DivS = 0x7F
    case i64DivU = 0x80
    case i64RemS = 0x81
    case i64RemU = 0x82
    case i64And = 0x83
    case i64Or = 0x84
    case i64Xor = 0x85
    case i64Shl = 0x86
    case i64ShrS = 0x87
    case i64ShrU = 0x88
    case i64Rotl = 0x89
    case i64Rotr = 0x8A
    case f32Abs = 0x8B
    case f32Neg = 0x8C
    case f32Ceil = 0x8D
    case f32Floor = 0x8E
    case f32Trunc = 0x8F
    case f32Nearest = 0x90
    case f32Sqrt = 0x91
    case f32Add = 0x92
    case f32Sub = 0x93
    case f32Mul = 0x94
    case f32Div = 0x95
    case f32Min = 0x96
    case f32Max = 0x97
    case f32Copysign = 0x98
    case f64Abs = 0x99
    case f64Neg = 0x9A
    case f64Ceil = 0x9B
    case f64Floor = 0x9C
    case f64Trunc = 0x9D
    case f64Nearest = 0x9E
    case f64Sqrt = 0x9F
    case f64Add = 0xA0
    case f64Sub = 0xA1
    case f64Mul = 0xA2
    case f64Div = 0xA3
    case f64Min = 0xA4
    case f64Max = 0xA5
    case f64Copysign = 0xA6
    case i32WrapI64 = 0xA7
    case i32TruncF32S = 0xA8
    case i32TruncF32U = 0xA9
    case i32TruncF64S = 0xAA
    case i32TruncF64U = 0xAB
    case i64ExtendI32S = 0xAC
    case i64ExtendI32U = 0xAD
    case i64TruncF32S = 0xAE
    case i64TruncF32U = 0xAF
    case i64TruncF64S = 0xB0
    case i64TruncF64U = 0xB1
    case f32ConvertI32S = 0xB2
    case f32ConvertI32U = 0xB3
    case f32ConvertI64S = 0xB4
    case f32ConvertI64U = 0xB5
    case f32DemoteF64 = 0xB6
    case f64ConvertI32S = 0xB7
    case f64ConvertI32U = 0xB8
    case f64ConvertI64S = 0xB9
    case f64ConvertI64U = 0xBA
    case f64PromoteF32 = 0xBB
    case i32ReinterpretF32 = 0xBC
    case i64ReinterpretF64 = 0xBD
    case f32ReinterpretI32 = 0xBE
    case f64ReinterpretI64 = 0xBF
    case i32Extend8S = 0xC0
    case i32Extend16S = 0xC1
    case i64Extend8S = 0xC2
    case i64Extend16S = 0xC3
    case i64Extend32S = 0xC4
    case i32TruncSatF32S = 0xFC00
    case i32TruncSatF32U = 0xFC01
    case i32TruncSatF64S = 0xFC02
    case i32TruncSatF64U = 0xFC03
    case i64TruncSatF32S = 0xFC04
    case i64TruncSatF32U = 0xFC05
    case i64TruncSatF64S = 0xFC06
    case i64TruncSatF64U = 0xFC07

    /// The instruction's name in the text format.
    public var name: String {
        switch self {
        case .i32Eqz: return "i32.eqz"
        case .i32Eq: return "i32.eq"
        case .i32Ne: return "i32.ne"
        case .i32LtS: return "i32.lt_s"
        case .i32LtU: return "i32.lt_u"
        case .i32GtS: return "i32.gt_s"
        case .i32GtU: return "i32.gt_u"
        case .i32LeS: return "i32.le_s"
        case .i32LeU: return "i32.le_u"
        case .i32GeS: return "i32.ge_s"
        case .i32GeU: return "i32.ge_u"
        case .i64Eqz: return "i64.eqz"
        case .i64Eq: return "i64.eq"
        case .i64Ne: return "i64.ne"
        case .i64LtS: return "i64.lt_s"
        case .i64LtU: return "i64.lt_u"
        case .i64GtS: return "i64.gt_s"
        case .i64GtU: return "i64.gt_u"
        case .i64LeS: return "i64.le_s"
        case .i64LeU: return "i64.le_u"
        case .i64GeS: return "i64.ge_s"
        case .i64GeU: return "i64.ge_u"
        case .f32Eq: return "f32.eq"
        case .f32Ne: return "f32.ne"
        case .f32Lt: return "f32.lt"
        case .f32Gt: return "f32.gt"
        case .f32Le: return "f32.le"
        case .f32Ge: return "f32.ge"
        case .f64Eq: return "f64.eq"
        case .f64Ne: return "f64.ne"
        case .f64Lt: return "f64.lt"
        case .f64Gt: return "f64.gt"
        case .f64Le: return "f64.le"
        case .f64Ge: return "f64.ge"
        case .i32Clz: return "i32.clz"
        case .i32Ctz: return "i32.ctz"
        case .i32Popcnt: return "i32.popcnt"
        case .i32Add: return "i32.add"
        case .i32Sub: return "i32.sub"
        case .i32Mul: return "i32.mul"
        case .i32DivS: return "i32.div_s"
        case .i32DivU: return "i32.div_u"
        case .i32RemS: return "i32.rem_s"
        case .i32RemU: return "i32.rem_u"
        case .i32And: return "i32.and"
        case .i32Or: return "i32.or"
        case .i32Xor: return "i32.xor"
        case .i32Shl: return "i32.shl"
        case .i32ShrS: return "i32.shr_s"
        case .i32ShrU: return "i32.shr_u"
        case .i32Rotl: return "i32.rotl"
        case .i32Rotr: return "i32.rotr"
        case .i64Clz: return "i64.clz"
        case .i64Ctz: return "i64.ctz"
        case .i64Popcnt: return "i64.popcnt"
        case .i64Add: return "i64.add"
        case .i64Sub: return "i64.sub"
        case .i64Mul: return "i64.mul"
        case .i64DivS: return "i64.div_s"
        case .i64DivU: return "i64.div_u"
        case .i64RemS: return "i64.rem_s"
        case .i64RemU: return "i64.rem_u"
        case .i64And: return "i64.and"
        case .i64Or: return "i64.or"
        case .i64Xor: return "i64.xor"
        case .i64Shl: return "i64.shl"
        case .i64ShrS: return "i64.shr_s"
        case .i64ShrU: return "i64.shr_u"
        case .i64Rotl: return "i64.rotl"
        case .i64Rotr: return "i64.rotr"
        case .f32Abs: return "f32.abs"
        case .f32Neg: return "f32.neg"
        case .f32Ceil: return "f32.ceil"
        case .f32Floor: return "f32.floor"
        case .f32Trunc: return "f32.trunc"
        case .f32Nearest: return "f32.nearest"
        case .f32Sqrt: return "f32.sqrt"
        case .f32Add: return "f32.add"
        case .f32Sub: return "f32.sub"
        case .f32Mul: return "f32.mul"
        case .f32Div: return "f32.div"
        case .f32Min: return "f32.min"
        case .f32Max: return "f32.max"
        case .f32Copysign: return "f32.copysign"
        case .f64Abs: return "f64.abs"
        case .f64Neg: return "f64.neg"
        case .f64Ceil: return "f64.ceil"
        case .f64Floor: return "f64.floor"
        case .f64Trunc: return "f64.trunc"
        case .f64Nearest: return "f64.nearest"
        case .f64Sqrt: return "f64.sqrt"
        case .f64Add: return "f64.add"
        case .f64Sub: return "f64.sub"
        case .f64Mul: return "f64.mul"
        case .f64Div: return "f64.div"
        case .f64Min: return "f64.min"
        case .f64Max: return "f64.max"
        case .f64Copysign: return "f64.copysign"
        case .i32WrapI64: return "i32.wrap_i64"
        case .i32TruncF32S: return "i32.trunc_f32_s"
        case .i32TruncF32U: return "i32.trunc_f32_u"
        case .i32TruncF64S: return "i32.trunc_f64_s"
        case .i32TruncF64U: return "i32.trunc_f64_u"
        case .i64ExtendI32S: return "i64.extend_i32_s"
        case .i64ExtendI32U: return "i64.extend_i32_u"
        case .i64TruncF32S: return "i64.trunc_f32_s"
        case .i64TruncF32U: return "i64.trunc_f32_u"
        case .i64TruncF64S: return "i64.trunc_f64_s"
        case .i64TruncF64U: return "i64.trunc_f64_u"
        case .f32ConvertI32S: return "f32.convert_i32_s"
        case .f32ConvertI32U: return "f32.convert_i32_u"
        case .f32ConvertI64S: return "f32.convert_i64_s"
        case .f32ConvertI64U: return "f32.convert_i64_u"
        case .f32DemoteF64: return "f32.demote_f64"
        case .f64ConvertI32S: return "f64.convert_i32_s"
        case .f64ConvertI32U: return "f64.convert_i32_u"
        case .f64ConvertI64S: return "f64.convert_i64_s"
        case .f64ConvertI64U: return "f64.convert_i64_u"
        case .f64PromoteF32: return "f64.promote_f32"
        case .i32ReinterpretF32: return "i32.reinterpret_f32"
        case .i64ReinterpretF64: return "i64.reinterpret_f64"
        case .f32ReinterpretI32: return "f32.reinterpret_i32"
        case .f64ReinterpretI64: return "f64.reinterpret_i64"
        case .i32Extend8S: return "i32.extend8_s"
        case .i32Extend16S: return "i32.extend16_s"
        case .i64Extend8S: return "i64.extend8_s"
        case .i64Extend16S: return "i64.extend16_s"
        case .i64Extend32S: return "i64.extend32_s"
        case .i32TruncSatF32S: return "i32.trunc_sat_f32_s"
        case .i32TruncSatF32U: return "i32.trunc_sat_f32_u"
        case .i32TruncSatF64S: return "i32.trunc_sat_f64_s"
        case .i32TruncSatF64U: return "i32.trunc_sat_f64_u"
        case .i64TruncSatF32S: return "i64.trunc_sat_f32_s"
        case .i64TruncSatF32U: return "i64.trunc_sat_f32_u"
        case .i64TruncSatF64S: return "i64.trunc_sat_f64_s"
        case .i64TruncSatF64U: return "i64.trunc_sat_f64_u"
        }
    }

    /// The operand types, first operand first, and the result type.
    public var signature: (operands: [ValueType], result: ValueType) {
        switch self {
        case .i32Eqz, .i32Clz, .i32Ctz, .i32Popcnt, .i32Extend8S, .i32Extend16S:
            return ([.i32], .i32)
        case .i32Eq, .i32Ne, .i32LtS, .i32LtU, .i32GtS, .i32GtU, .i32LeS, .i32LeU, .i32GeS, .i32GeU, .i32Add, .i32Sub, .i32Mul, .i32DivS, .i32DivU, .i32RemS, .i32RemU, .i32And, .i32Or, .i32Xor, .i32Shl, .i32ShrS, .i32ShrU, .i32Rotl, .i32Rotr:
            return ([.i32, .i32], .i32)
        case .i64Eqz, .i32WrapI64:
            return ([.i64], .i32)
        case .i64Eq, .i64Ne, .i64LtS, .i64LtU, .i64GtS, .i64GtU, .i64LeS, .i64LeU, .i64GeS, .i64GeU:
            return ([.i64, .i64], .i32)
        case .f32Eq, .f32Ne, .f32Lt, .f32Gt, .f32Le, .f32Ge:
            return ([.f32, .f32], .i32)
        case .f64Eq, .f64Ne, .f64Lt, .f64Gt, .f64Le, .f64Ge:
            return ([.f64, .f64], .i32)
        case .i64Clz, .i64Ctz, .i64Popcnt, .i64Extend8S, .i64Extend16S, .i64Extend32S:
            return ([.i64], .i64)
        case .i64Add, .i64Sub, .i64Mul, .i64DivS, .i64DivU, .i64RemS, .i64RemU, .i64And, .i64Or, .i64Xor, .i64Shl, .i64ShrS, .i64ShrU, .i64Rotl, .i64Rotr:
            return ([.i64, .i64], .i64)
        case .f32Abs, .f32Neg, .f32Ceil, .f32Floor, .f32Trunc, .f32Nearest, .f32Sqrt:
            return ([.f32], .f32)
        case .f32Add, .f32Sub, .f32Mul, .f32Div, .f32Min, .f32Max, .f32Copysign:
            return ([.f32, .f32], .f32)
        case .f64Abs, .f64Neg, .f64Ceil, .f64Floor, .f64Trunc, .f64Nearest, .f64Sqrt:
            return ([.f64], .f64)
        case .f64Add, .f64Sub, .f64Mul, .f64Div, .f64Min, .f64Max, .f64Copysign:
            return ([.f64, .f64], .f64)
        case .i32TruncF32S, .i32TruncF32U, .i32ReinterpretF32, .i32TruncSatF32S, .i32TruncSatF32U:
            return ([.f32], .i32)
        case .i32TruncF64S, .i32TruncF64U, .i32TruncSatF64S, .i32TruncSatF64U:
            return ([.f64], .i32)
        case .i64ExtendI32S, .i64ExtendI32U:
            return ([.i32], .i64)
        case .i64TruncF32S, .i64TruncF32U, .i64TruncSatF32S, .i64TruncSatF32U:
            return ([.f32], .i64)
        case .i64TruncF64S, .i64TruncF64U, .i64ReinterpretF64, .i64TruncSatF64S, .i64TruncSatF64U:
            return ([.f64], .i64)
        case .f32ConvertI32S, .f32ConvertI32U, .f32ReinterpretI32:
            return ([.i32], .f32)
        case .f32ConvertI64S, .f32ConvertI64U:
            return ([.i64], .f32)
        case .f32DemoteF64:
            return ([.f64], .f32)
        case .f64ConvertI32S, .f64ConvertI32U:
            return ([.i32], .f64)
        case .f64ConvertI64S, .f64ConvertI64U, .f64ReinterpretI64:
            return ([.i64], .f64)
        case .f64PromoteF32:
            return ([.f32], .f64)
        }
    }
}
