import WasmBinary

/// Byte permutations: `i8x16.swizzle` (indices from a vector) and `i8x16.shuffle` (immediate indices).
/// Spec: https://webassembly.github.io/spec/core/exec/instructions.html#exec-vec-swizzle
extension SIMDSemantics {
    /// `i8x16.swizzle`: byte `i` is `a`'s byte `indices[i]`, or 0 when that index is 16 or more.
    @inline(__always)
    static func i8x16Swizzle(_ a: V128, _ indices: V128) -> V128 {
        V128(lanes: UInt8.self) { i in
            let index = Int(indices.lane(i, as: UInt8.self))
            return index < 16 ? a.lane(index, as: UInt8.self) : 0
        }
    }

    /// `i8x16.shuffle`: byte `i` is byte `lanes[i]` of the 32 bytes `a` then `b` (validation keeps
    /// every index below 32; a larger one is taken modulo 32).
    @inline(__always)
    static func i8x16Shuffle(_ a: V128, _ b: V128, lanes: V128) -> V128 {
        V128(lanes: UInt8.self) { i in
            let index = Int(lanes.lane(i, as: UInt8.self) & 31)
            return index < 16 ? a.lane(index, as: UInt8.self) : b.lane(index - 16, as: UInt8.self)
        }
    }
}
