import StringOps
import Testing

/// The fallback's semantics: FNV-1a over UTF-8 bytes, byte order, byte offsets.
@Suite("SwiftStringOps")
struct SwiftStringOpsTests {
    let operations = SwiftStringOps()

    /// Published 32-bit FNV-1a test vectors (the FNV reference suite).
    @Test(arguments: [
        ("", 0x811c_9dc5), ("a", 0xe40c_292c), ("b", 0xe70c_2de5), ("foo", 0xa9f3_7ed7), ("foobar", 0xbf9c_f968),
    ] as [(String, UInt32)])
    func hashesFNV1aVectors(text: String, expected: UInt32) {
        #expect(operations.hash(text) == expected)
    }

    @Test func hashesUTF8BytesNotUTF16Units() {
        // "é" is one UTF-16 unit (0xE9) but two UTF-8 bytes (0xC3 0xA9).
        #expect(operations.hash("é") == operations.hash([0xC3, 0xA9]))
        #expect(operations.hash("é") != operations.hash([0xE9]))
    }

    @Test(arguments: [
        ("Z", "a", -1),  // byte order, not the locale's
        ("a", "B", 1),
        ("z", "é", -1),  // 0x7A < 0xC3
        ("abc", "abd", -1),
        ("abc", "ab", 1),  // a proper prefix sorts first
        ("ab", "abc", -1),
        ("a\0", "a", 1),  // NUL is an ordinary byte
        ("\0", "", 1),
        ("🚀", "🚀", 0),
        ("e\u{301}", "é", -1),  // no Unicode normalization: 0x65 < 0xC3
    ] as [(String, String, Int)])
    func comparesBytes(first: String, second: String, expected: Int) {
        #expect(operations.compare(first, second) == expected)
        #expect(operations.compare(second, first) == -expected)
    }

    @Test func comparesBytesAsUnsigned() {
        #expect(operations.compare([0x7F], [0x80]) == -1)
        #expect(operations.compare([0xFF], [0x00, 0x00]) == 1)
    }

    @Test(arguments: [
        ("hello world", "o", 4),
        ("世界", "界", 3),  // byte offset, not character offset
        ("aaab", "aab", 1),  // a partial match does not skip the real one
        ("abc", "abc", 0),
        ("abc", "c", 2),  // at the very end
        ("a\0b", "\0b", 1),
        ("", "", 0),
        ("🚀🚀", "🚀", 0),
    ] as [(String, String, Int)])
    func findsByteOffsets(haystack: String, needle: String, expected: Int) {
        #expect(operations.search(haystack, for: needle) == expected)
    }

    @Test(arguments: [("abc", "abcd"), ("", "a"), ("abc", "d"), ("aab", "abb"), ("é", "\u{301}")] as [(String, String)])
    func reportsMissingNeedles(haystack: String, needle: String) {
        #expect(operations.search(haystack, for: needle) == nil)
    }

    @Test func searchesInvalidUTF8Bytes() {
        #expect(operations.search([0xFF, 0xFE, 0x80, 0xFE], for: [0xFE]) == 1)
        #expect(operations.search([0xFF, 0xFE, 0x80, 0xFE], for: [0x80, 0xFE]) == 2)
    }
}
