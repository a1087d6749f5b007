/// The pure-Swift fallback: exactly the stringOps module's semantics, on UTF-8 bytes.
///
/// Unlike the design guide's JavaScript fallback, it hashes bytes (not UTF-16 code units), compares
/// bytes (not with the locale's collation) and reports byte offsets, so it answers every input as
/// the WebAssembly module does. It never fails.
public struct SwiftStringOps: StringOperations {
    /// FNV-1a's 32-bit offset basis.
    public static let fnvOffsetBasis: UInt32 = 2_166_136_261
    /// FNV-1a's 32-bit prime.
    public static let fnvPrime: UInt32 = 16_777_619

    public init() {}

    /// Always `.swift`.
    public var backend: ExecutionBackend { .swift }

    /// The 32-bit FNV-1a hash of the bytes.
    public func hash(_ bytes: [UInt8]) -> UInt32 {
        var hash = Self.fnvOffsetBasis
        for byte in bytes {
            hash = (hash ^ UInt32(byte)) &* Self.fnvPrime
        }
        return hash
    }

    /// -1, 0 or 1, comparing bytes as unsigned values; a proper prefix sorts first.
    public func compare(_ first: [UInt8], _ second: [UInt8]) -> Int {
        for (left, right) in zip(first, second) where left != right {
            return left < right ? -1 : 1
        }
        if first.count == second.count { return 0 }
        return first.count < second.count ? -1 : 1
    }

    /// The byte offset of the first occurrence of `needle`, 0 for an empty needle, or nil.
    public func search(_ haystack: [UInt8], for needle: [UInt8]) -> Int? {
        if needle.isEmpty { return 0 }
        if needle.count > haystack.count { return nil }
        let last = haystack.count - needle.count
        for start in 0...last {
            var matched = true
            for index in needle.indices where haystack[start + index] != needle[index] {
                matched = false
                break
            }
            if matched { return start }
        }
        return nil
    }

    /// The FNV-1a hash of the string's UTF-8 bytes.
    public func hash(_ text: String) -> UInt32 { hash(Array(text.utf8)) }

    /// Compares the strings' UTF-8 bytes: -1, 0 or 1.
    public func compare(_ first: String, _ second: String) -> Int {
        compare(Array(first.utf8), Array(second.utf8))
    }

    /// The UTF-8 byte offset of the first occurrence of `needle` in `haystack`, or nil.
    public func search(_ haystack: String, for needle: String) -> Int? {
        search(Array(haystack.utf8), for: Array(needle.utf8))
    }
}
