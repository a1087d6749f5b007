import StringOps
import Testing

@Suite("MemoryDump")
struct MemoryDumpTests {
    @Test func showsHexAddressesAndPrintableCharacters() {
        let dump = MemoryDump(offset: 0x20, bytes: Array("Hello, WebAssembly!\0\n".utf8))
        let lines = dump.hexView.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0] == "00000020  48 65 6c 6c 6f 2c 20 57  65 62 41 73 73 65 6d 62  |Hello, WebAssemb|")
        #expect(lines[1].hasPrefix("00000030  6c 79 21 00 0a "))
        #expect(lines[1].hasSuffix("|ly!..|"))
        #expect(lines[0].firstIndex(of: "|") == lines[1].firstIndex(of: "|"))
    }

    @Test func decodesTextAndEscapesControlCharacters() {
        let dump = MemoryDump(offset: 0, bytes: Array("世界\0\u{1B}".utf8) + [0xFF])
        #expect(dump.text == "世界\0\u{1B}\u{FFFD}")
        #expect(dump.escapedText == "世界\\0\\u{1B}\u{FFFD}")
        #expect(dump.description.hasPrefix("Memory at offset 0 (9 bytes):\n00000000  e4 b8 96 e7 95 8c 00 1b  ff"))
        #expect(dump.description.hasSuffix("As text: 世界\\0\\u{1B}\u{FFFD}"))
    }

    @Test func describesAnEmptyRange() {
        let dump = MemoryDump(offset: 5, bytes: [])
        #expect(dump.hexView.isEmpty)
        #expect(dump.description == "Memory at offset 5 (0 bytes):")
    }
}
