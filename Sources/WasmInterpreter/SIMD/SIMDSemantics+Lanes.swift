import WasmBinary

/// Splats, lane extraction and replacement, and the reductions `all_true` and `bitmask`.
/// Spec: https://webassembly.github.io/spec/core/exec/instructions.html#vector-instructions
extension SIMDSemantics {
    // MARK: Splat (the scalar arrives as its slot's 64 bits)

    @inline(__always) static func i8x16Splat(_ x: UInt64) -> V128 { splat(UInt8(truncatingIfNeeded: x)) }
    @inline(__always) static func i16x8Splat(_ x: UInt64) -> V128 { splat(UInt16(truncatingIfNeeded: x)) }
    @inline(__always) static func i32x4Splat(_ x: UInt64) -> V128 { splat(UInt32(truncatingIfNeeded: x)) }
    @inline(__always) static func i64x2Splat(_ x: UInt64) -> V128 { V128(low: x, high: x) }

    /// Every lane `value`.
    @inline(__always)
    static func splat<T: FixedWidthInteger & UnsignedInteger>(_ value: T) -> V128 {
        V128(lanes: T.self) { _ in value }
    }

    // MARK: Extract (to the result slot's 64 bits) and replace

    @inline(__always)
    static func i8x16ExtractLaneS(_ a: V128, _ lane: Int) -> UInt64 {
        UInt64(UInt32(bitPattern: Int32(Int8(bitPattern: a.lane(lane, as: UInt8.self)))))
    }
    @inline(__always) static func i8x16ExtractLaneU(_ a: V128, _ lane: Int) -> UInt64 { UInt64(a.lane(lane, as: UInt8.self)) }
    @inline(__always)
    static func i16x8ExtractLaneS(_ a: V128, _ lane: Int) -> UInt64 {
        UInt64(UInt32(bitPattern: Int32(Int16(bitPattern: a.lane(lane, as: UInt16.self)))))
    }
    @inline(__always) static func i16x8ExtractLaneU(_ a: V128, _ lane: Int) -> UInt64 { UInt64(a.lane(lane, as: UInt16.self)) }
    @inline(__always) static func i32x4ExtractLane(_ a: V128, _ lane: Int) -> UInt64 { UInt64(a.lane(lane, as: UInt32.self)) }
    @inline(__always) static func i64x2ExtractLane(_ a: V128, _ lane: Int) -> UInt64 { a.lane(lane, as: UInt64.self) }

    @inline(__always)
    static func i8x16ReplaceLane(_ a: V128, _ x: UInt64, _ lane: Int) -> V128 { a.replacing(lane: lane, with: UInt8(truncatingIfNeeded: x)) }
    @inline(__always)
    static func i16x8ReplaceLane(_ a: V128, _ x: UInt64, _ lane: Int) -> V128 { a.replacing(lane: lane, with: UInt16(truncatingIfNeeded: x)) }
    @inline(__always)
    static func i32x4ReplaceLane(_ a: V128, _ x: UInt64, _ lane: Int) -> V128 { a.replacing(lane: lane, with: UInt32(truncatingIfNeeded: x)) }
    @inline(__always)
    static func i64x2ReplaceLane(_ a: V128, _ x: UInt64, _ lane: Int) -> V128 { a.replacing(lane: lane, with: x) }

    // MARK: all_true and bitmask

    /// `all_true`: 1 when no lane is zero.
    @inline(__always)
    static func allTrue<T: FixedWidthInteger & UnsignedInteger>(_ a: V128, _ type: T.Type) -> UInt32 {
        for i in 0..<(128 / T.bitWidth) where a.lane(i, as: T.self) == 0 { return 0 }
        return 1
    }

    /// `bitmask`: bit `i` of the result is the top (sign) bit of lane `i`.
    @inline(__always)
    static func bitmask<T: FixedWidthInteger & UnsignedInteger>(_ a: V128, _ type: T.Type) -> UInt32 {
        var result: UInt32 = 0
        for i in 0..<(128 / T.bitWidth) {
            result |= UInt32(truncatingIfNeeded: a.lane(i, as: T.self) >> (T.bitWidth - 1)) << UInt32(i)
        }
        return result
    }

    @inline(__always) static func i8x16AllTrue(_ a: V128) -> UInt32 { allTrue(a, UInt8.self) }
    @inline(__always) static func i16x8AllTrue(_ a: V128) -> UInt32 { allTrue(a, UInt16.self) }
    @inline(__always) static func i32x4AllTrue(_ a: V128) -> UInt32 { allTrue(a, UInt32.self) }
    @inline(__always) static func i64x2AllTrue(_ a: V128) -> UInt32 { allTrue(a, UInt64.self) }
    @inline(__always) static func i8x16Bitmask(_ a: V128) -> UInt32 { bitmask(a, UInt8.self) }
    @inline(__always) static func i16x8Bitmask(_ a: V128) -> UInt32 { bitmask(a, UInt16.self) }
    @inline(__always) static func i32x4Bitmask(_ a: V128) -> UInt32 { bitmask(a, UInt32.self) }
    @inline(__always) static func i64x2Bitmask(_ a: V128) -> UInt32 { bitmask(a, UInt64.self) }
}
