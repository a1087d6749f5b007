import StringOps
import Testing

/// The WebAssembly module and the Swift fallback give the same answer for every input.
@Suite("WebAssembly vs Swift")
struct DifferentialTests {
    let webAssembly: WasmStringOps
    let swift = SwiftStringOps()

    init() throws {
        webAssembly = try WasmStringOps()
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func agreeOnRandomStrings(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<500 {
            let first = RandomText.string(maxPieces: 24, using: &generator)
            let second = Bool.random(using: &generator) ? first : RandomText.string(maxPieces: 24, using: &generator)
            let needle = RandomText.needle(in: Array(first.utf8), using: &generator)
            #expect(try webAssembly.hash(first) == swift.hash(first), "hash \(first.debugDescription)")
            #expect(try webAssembly.compare(first, second) == swift.compare(first, second), "compare \(first.debugDescription) \(second.debugDescription)")
            #expect(try webAssembly.compare(second, first) == swift.compare(second, first))
            #expect(try webAssembly.search(Array(first.utf8), for: needle) == swift.search(Array(first.utf8), for: needle),
                    "search \(first.debugDescription) for \(needle)")
        }
    }

    @Test(arguments: [5, 6] as [UInt64])
    func agreeOnRandomBytes(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<500 {
            let first = RandomText.bytes(maxCount: 40, using: &generator)
            let second = Bool.random(using: &generator) ? first + RandomText.bytes(maxCount: 2, using: &generator)
                : RandomText.bytes(maxCount: 40, using: &generator)
            let needle = RandomText.needle(in: first, using: &generator)
            #expect(try webAssembly.hash(first) == swift.hash(first))
            #expect(try webAssembly.compare(first, second) == swift.compare(first, second), "compare \(first) \(second)")
            #expect(try webAssembly.search(first, for: needle) == swift.search(first, for: needle), "search \(first) for \(needle)")
        }
    }

    @Test func agreeOnEdgeCases() throws {
        let cases: [(String, String)] = [
            ("", ""), ("", "a"), ("a", ""), ("\0", ""), ("\0", "\0\0"), ("a\0b", "a\0c"), ("🚀", "🚁"),
            ("é", "e\u{301}"), ("\u{7F}", "\u{80}"), ("aaaaaaaab", "aaab"), ("abcabcabd", "abcabd"),
        ]
        for (first, second) in cases {
            #expect(try webAssembly.hash(first) == swift.hash(first))
            #expect(try webAssembly.compare(first, second) == swift.compare(first, second))
            #expect(try webAssembly.search(first, for: second) == swift.search(first, for: second))
            #expect(try webAssembly.search(second, for: first) == swift.search(second, for: first))
        }
    }

    @Test func agreeOnLongStrings() throws {
        var generator = SeededGenerator(seed: 7)
        var long = ""
        while long.utf8.count < 200_000 { long += RandomText.string(maxPieces: 64, using: &generator) }
        let bytes = Array(long.utf8)
        let tail = Array(bytes.suffix(37))
        var changed = bytes
        changed[changed.count - 1] ^= 1
        #expect(try webAssembly.hash(long) == swift.hash(long))
        #expect(try webAssembly.compare(bytes, changed) == swift.compare(bytes, changed))
        #expect(try webAssembly.compare(bytes, bytes) == 0)
        #expect(try webAssembly.search(bytes, for: tail) == swift.search(bytes, for: tail))
        #expect(try webAssembly.search(bytes, for: [0xFF]) == nil)  // never in valid UTF-8
    }
}
