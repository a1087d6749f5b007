import WasmBinary

extension LaneShape {
    /// The vector whose lanes, lowest first, hold the given bits (each truncated to the lane width).
    public func vector(lanes: [UInt64]) -> V128 {
        precondition(lanes.count == laneCount, "\(self) has \(laneCount) lanes")
        var low: UInt64 = 0
        var high: UInt64 = 0
        let perHalf = laneCount / 2
        for (index, lane) in lanes.enumerated() {
            let shift = UInt64((index % perHalf) * laneBits)
            let bits = lane & laneMask
            if index < perHalf { low |= bits << shift } else { high |= bits << shift }
        }
        return V128(low: low, high: high)
    }

    /// The lanes of `vector`, lowest first, each zero-extended to 64 bits.
    public func lanes(of vector: V128) -> [UInt64] {
        let perHalf = laneCount / 2
        return (0..<laneCount).map { index in
            let half = index < perHalf ? vector.low : vector.high
            return (half >> UInt64((index % perHalf) * laneBits)) & laneMask
        }
    }

    /// All ones in a lane's width.
    var laneMask: UInt64 { laneBits == 64 ? .max : (1 << UInt64(laneBits)) - 1 }
}
