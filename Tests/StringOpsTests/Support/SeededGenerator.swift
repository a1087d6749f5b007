/// SplitMix64: a small, fast generator whose sequence depends only on its seed, so randomized
/// tests replay exactly.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random strings of the kinds the differential tests need.
enum RandomText {
    /// Pieces strings are built from: ASCII, 2-, 3- and 4-byte UTF-8, NUL, combining marks.
    static let pieces: [String] = [
        "a", "b", "c", "z", " ", "\0", "é", "ß", "世", "界", "🚀", "👩‍💻", "e\u{301}", "\u{7F}", "ab", "aa",
    ]

    /// A string of up to `maxPieces` random pieces.
    static func string(maxPieces: Int, using generator: inout SeededGenerator) -> String {
        let count = Int.random(in: 0...maxPieces, using: &generator)
        var text = ""
        for _ in 0..<count {
            text += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
        }
        return text
    }

    /// Random bytes, not necessarily valid UTF-8.
    static func bytes(maxCount: Int, using generator: inout SeededGenerator) -> [UInt8] {
        (0..<Int.random(in: 0...maxCount, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    /// A needle for `haystack`: often a piece of it (so searches find something), else random.
    static func needle(in haystack: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        if !haystack.isEmpty, Bool.random(using: &generator) {
            let start = Int.random(in: 0..<haystack.count, using: &generator)
            let end = Int.random(in: start...min(haystack.count, start + 8), using: &generator)
            return Array(haystack[start..<end])
        }
        return Array(string(maxPieces: 3, using: &generator).utf8)
    }
}
