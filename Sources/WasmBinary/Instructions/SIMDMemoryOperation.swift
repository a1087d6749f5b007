/// SIMD loads and stores without a lane immediate, by their 0xFD subopcode.
public enum SIMDMemoryOperation: UInt32, CaseIterable, Sendable {
    case v128Load = 0
    case v128Load8x8S = 1, v128Load8x8U, v128Load16x4S, v128Load16x4U, v128Load32x2S, v128Load32x2U
    case v128Load8Splat = 7, v128Load16Splat, v128Load32Splat, v128Load64Splat
    case v128Store = 11
    case v128Load32Zero = 92, v128Load64Zero = 93

    /// How many bytes the instruction reads or writes.
    public var byteWidth: Int {
        switch self {
        case .v128Load, .v128Store: return 16
        case .v128Load8x8S, .v128Load8x8U, .v128Load16x4S, .v128Load16x4U, .v128Load32x2S, .v128Load32x2U: return 8
        case .v128Load8Splat: return 1
        case .v128Load16Splat: return 2
        case .v128Load32Splat, .v128Load32Zero: return 4
        case .v128Load64Splat, .v128Load64Zero: return 8
        }
    }

    /// log2 of the natural alignment: the largest alignment immediate validation allows.
    public var naturalAlignment: UInt32 { UInt32(byteWidth.trailingZeroBitCount) }

    /// True for `v128.store`.
    public var isStore: Bool { self == .v128Store }

    /// The instruction's name in the text format.
    public var name: String {
        switch self {
        case .v128Load: return "v128.load"
        case .v128Load8x8S: return "v128.load8x8_s"
        case .v128Load8x8U: return "v128.load8x8_u"
        case .v128Load16x4S: return "v128.load16x4_s"
        case .v128Load16x4U: return "v128.load16x4_u"
        case .v128Load32x2S: return "v128.load32x2_s"
        case .v128Load32x2U: return "v128.load32x2_u"
        case .v128Load8Splat: return "v128.load8_splat"
        case .v128Load16Splat: return "v128.load16_splat"
        case .v128Load32Splat: return "v128.load32_splat"
        case .v128Load64Splat: return "v128.load64_splat"
        case .v128Store: return "v128.store"
        case .v128Load32Zero: return "v128.load32_zero"
        case .v128Load64Zero: return "v128.load64_zero"
        }
    }
}

/// SIMD loads and stores of one lane (`v128.loadN_lane`, `v128.storeN_lane`), by their 0xFD subopcode.
public enum SIMDMemoryLaneOperation: UInt32, CaseIterable, Sendable {
    case v128Load8Lane = 84, v128Load16Lane, v128Load32Lane, v128Load64Lane
    case v128Store8Lane = 88, v128Store16Lane, v128Store32Lane, v128Store64Lane

    /// How many bytes the instruction reads or writes.
    public var byteWidth: Int {
        switch self {
        case .v128Load8Lane, .v128Store8Lane: return 1
        case .v128Load16Lane, .v128Store16Lane: return 2
        case .v128Load32Lane, .v128Store32Lane: return 4
        case .v128Load64Lane, .v128Store64Lane: return 8
        }
    }

    /// How many lanes of this width a v128 has (the lane immediate must be smaller).
    public var laneCount: UInt8 { UInt8(16 / byteWidth) }

    /// log2 of the natural alignment: the largest alignment immediate validation allows.
    public var naturalAlignment: UInt32 { UInt32(byteWidth.trailingZeroBitCount) }

    /// True for the `storeN_lane` operations.
    public var isStore: Bool { rawValue >= 88 }

    /// The instruction's name in the text format.
    public var name: String {
        let width = byteWidth * 8
        return isStore ? "v128.store\(width)_lane" : "v128.load\(width)_lane"
    }
}

/// Lane extraction and replacement, by their 0xFD subopcode.
public enum SIMDLaneOperation: UInt32, CaseIterable, Sendable {
    case i8x16ExtractLaneS = 21, i8x16ExtractLaneU, i8x16ReplaceLane
    case i16x8ExtractLaneS, i16x8ExtractLaneU, i16x8ReplaceLane
    case i32x4ExtractLane, i32x4ReplaceLane
    case i64x2ExtractLane, i64x2ReplaceLane
    case f32x4ExtractLane, f32x4ReplaceLane
    case f64x2ExtractLane, f64x2ReplaceLane

    /// The scalar type of a lane.
    public var laneType: ValueType {
        switch self {
        case .i8x16ExtractLaneS, .i8x16ExtractLaneU, .i8x16ReplaceLane,
             .i16x8ExtractLaneS, .i16x8ExtractLaneU, .i16x8ReplaceLane,
             .i32x4ExtractLane, .i32x4ReplaceLane:
            return .i32
        case .i64x2ExtractLane, .i64x2ReplaceLane: return .i64
        case .f32x4ExtractLane, .f32x4ReplaceLane: return .f32
        case .f64x2ExtractLane, .f64x2ReplaceLane: return .f64
        }
    }

    /// How many lanes the shape has (the lane immediate must be smaller).
    public var laneCount: UInt8 {
        switch self {
        case .i8x16ExtractLaneS, .i8x16ExtractLaneU, .i8x16ReplaceLane: return 16
        case .i16x8ExtractLaneS, .i16x8ExtractLaneU, .i16x8ReplaceLane: return 8
        case .i32x4ExtractLane, .i32x4ReplaceLane, .f32x4ExtractLane, .f32x4ReplaceLane: return 4
        case .i64x2ExtractLane, .i64x2ReplaceLane, .f64x2ExtractLane, .f64x2ReplaceLane: return 2
        }
    }

    /// True for `replace_lane` (v128 and a scalar to v128); false for `extract_lane` (v128 to a scalar).
    public var isReplace: Bool {
        switch self {
        case .i8x16ReplaceLane, .i16x8ReplaceLane, .i32x4ReplaceLane, .i64x2ReplaceLane, .f32x4ReplaceLane, .f64x2ReplaceLane:
            return true
        default:
            return false
        }
    }

    /// The instruction's name in the text format.
    public var name: String {
        switch self {
        case .i8x16ExtractLaneS: return "i8x16.extract_lane_s"
        case .i8x16ExtractLaneU: return "i8x16.extract_lane_u"
        case .i8x16ReplaceLane: return "i8x16.replace_lane"
        case .i16x8ExtractLaneS: return "i16x8.extract_lane_s"
        case .i16x8ExtractLaneU: return "i16x8.extract_lane_u"
        case .i16x8ReplaceLane: return "i16x8.replace_lane"
        case .i32x4ExtractLane: return "i32x4.extract_lane"
        case .i32x4ReplaceLane: return "i32x4.replace_lane"
        case .i64x2ExtractLane: return "i64x2.extract_lane"
        case .i64x2ReplaceLane: return "i64x2.replace_lane"
        case .f32x4ExtractLane: return "f32x4.extract_lane"
        case .f32x4ReplaceLane: return "f32x4.replace_lane"
        case .f64x2ExtractLane: return "f64x2.extract_lane"
        case .f64x2ReplaceLane: return "f64x2.replace_lane"
        }
    }
}
