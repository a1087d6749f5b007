/// The scalar load instructions, by opcode.
public enum LoadOperation: UInt8, CaseIterable, Sendable {
    case i32Load = 0x28, i64Load, f32Load, f64Load
    case i32Load8S, i32Load8U, i32Load16S, i32Load16U
    case i64Load8S, i64Load8U, i64Load16S, i64Load16U, i64Load32S, i64Load32U

    /// The type of the loaded value.
    public var resultType: ValueType {
        switch self {
        case .i32Load, .i32Load8S, .i32Load8U, .i32Load16S, .i32Load16U: return .i32
        case .f32Load: return .f32
        case .f64Load: return .f64
        default: return .i64
        }
    }

    /// How many bytes the instruction reads.
    public var byteWidth: Int {
        switch self {
        case .i32Load8S, .i32Load8U, .i64Load8S, .i64Load8U: return 1
        case .i32Load16S, .i32Load16U, .i64Load16S, .i64Load16U: return 2
        case .i32Load, .f32Load, .i64Load32S, .i64Load32U: return 4
        case .i64Load, .f64Load: return 8
        }
    }

    /// log2 of the natural alignment: the largest alignment immediate validation allows.
    public var naturalAlignment: UInt32 { UInt32(byteWidth.trailingZeroBitCount) }

    /// The instruction's name in the text format.
    public var name: String {
        switch self {
        case .i32Load: return "i32.load"
        case .i64Load: return "i64.load"
        case .f32Load: return "f32.load"
        case .f64Load: return "f64.load"
        case .i32Load8S: return "i32.load8_s"
        case .i32Load8U: return "i32.load8_u"
        case .i32Load16S: return "i32.load16_s"
        case .i32Load16U: return "i32.load16_u"
        case .i64Load8S: return "i64.load8_s"
        case .i64Load8U: return "i64.load8_u"
        case .i64Load16S: return "i64.load16_s"
        case .i64Load16U: return "i64.load16_u"
        case .i64Load32S: return "i64.load32_s"
        case .i64Load32U: return "i64.load32_u"
        }
    }
}

/// The scalar store instructions, by opcode.
public enum StoreOperation: UInt8, CaseIterable, Sendable {
    case i32Store = 0x36, i64Store, f32Store, f64Store
    case i32Store8, i32Store16, i64Store8, i64Store16, i64Store32

    /// The type of the stored operand.
    public var valueType: ValueType {
        switch self {
        case .i32Store, .i32Store8, .i32Store16: return .i32
        case .f32Store: return .f32
        case .f64Store: return .f64
        case .i64Store, .i64Store8, .i64Store16, .i64Store32: return .i64
        }
    }

    /// How many bytes the instruction writes.
    public var byteWidth: Int {
        switch self {
        case .i32Store8, .i64Store8: return 1
        case .i32Store16, .i64Store16: return 2
        case .i32Store, .f32Store, .i64Store32: return 4
        case .i64Store, .f64Store: return 8
        }
    }

    /// log2 of the natural alignment: the largest alignment immediate validation allows.
    public var naturalAlignment: UInt32 { UInt32(byteWidth.trailingZeroBitCount) }

    /// The instruction's name in the text format.
    public var name: String {
        switch self {
        case .i32Store: return "i32.store"
        case .i64Store: return "i64.store"
        case .f32Store: return "f32.store"
        case .f64Store: return "f64.store"
        case .i32Store8: return "i32.store8"
        case .i32Store16: return "i32.store16"
        case .i64Store8: return "i64.store8"
        case .i64Store16: return "i64.store16"
        case .i64Store32: return "i64.store32"
        }
    }
}
