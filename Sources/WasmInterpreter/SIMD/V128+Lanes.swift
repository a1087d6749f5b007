import WasmBinary

/// Lane-wise views of a v128. Lane `i` of a shape with `W`-bit lanes is bits `i*W ..< (i+1)*W`
/// of the 128-bit little-endian value: the first half of the lanes is in `low`, the rest in
/// `high`. Lanes are unsigned bit patterns (floats as their IEEE bits); signed operations
/// reinterpret them, as `NumericSemantics` does for scalars.
extension V128 {
    /// Lane `index` of the shape whose lanes are `T`.
    @inline(__always)
    func lane<T: FixedWidthInteger & UnsignedInteger>(_ index: Int, as type: T.Type = T.self) -> T {
        let perHalf = 64 / T.bitWidth
        let word = index < perHalf ? low : high
        return T(truncatingIfNeeded: word >> UInt64((index % perHalf) * T.bitWidth))
    }

    /// A vector whose lane `i` (of type `T`) is `make(i)`.
    @inline(__always)
    init<T: FixedWidthInteger & UnsignedInteger>(lanes type: T.Type, _ make: (Int) -> T) {
        let perHalf = 64 / T.bitWidth
        var lo: UInt64 = 0
        var hi: UInt64 = 0
        for i in 0..<perHalf {
            let shift = UInt64(i * T.bitWidth)
            lo |= UInt64(make(i)) << shift
            hi |= UInt64(make(i + perHalf)) << shift
        }
        self.init(low: lo, high: hi)
    }

    /// The vector with `lane` (of type `T`) replaced by `value`.
    @inline(__always)
    func replacing<T: FixedWidthInteger & UnsignedInteger>(lane index: Int, with value: T) -> V128 {
        let perHalf = 64 / T.bitWidth
        let shift = UInt64((index % perHalf) * T.bitWidth)
        let mask = UInt64(T.max) << shift
        let bits = UInt64(value) << shift
        if index < perHalf { return V128(low: (low & ~mask) | bits, high: high) }
        return V128(low: low, high: (high & ~mask) | bits)
    }

    /// `operation` applied to each lane of `a`.
    @inline(__always)
    static func map<T: FixedWidthInteger & UnsignedInteger>(_ a: V128, _ type: T.Type, _ operation: (T) -> T) -> V128 {
        V128(lanes: T.self) { operation(a.lane($0)) }
    }

    /// `operation` applied to each pair of corresponding lanes of `a` and `b`.
    @inline(__always)
    static func zip<T: FixedWidthInteger & UnsignedInteger>(_ a: V128, _ b: V128, _ type: T.Type,
                                                            _ operation: (T, T) -> T) -> V128 {
        V128(lanes: T.self) { operation(a.lane($0), b.lane($0)) }
    }

    /// Each lane all ones where `test` holds for the corresponding lanes of `a` and `b`, else zero.
    @inline(__always)
    static func compare<T: FixedWidthInteger & UnsignedInteger>(_ a: V128, _ b: V128, _ type: T.Type,
                                                                _ test: (T, T) -> Bool) -> V128 {
        V128(lanes: T.self) { test(a.lane($0), b.lane($0)) ? T.max : 0 }
    }
}
