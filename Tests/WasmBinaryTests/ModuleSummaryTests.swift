import Testing
@testable import WasmBinary

/// `ModuleSummary`, the text `wasm dump` prints.
@Suite struct ModuleSummaryTests {
    typealias B = ModuleBytes

    /// A module with one of everything: an imported function and global, a defined function
    /// exported under a name the `name` section also gives it, a table, a memory, a global,
    /// a start function, an element and a data segment.
    static let bytes: [UInt8] = B.module(
        B.section(1, [0x02, 0x60, 0x00, 0x00, 0x60, 0x01, 0x7F, 0x01, 0x7E]),
        B.section(2, [0x02] + B.name("env") + B.name("log") + [0x00, 0x01]
            + B.name("env") + B.name("g") + [0x03, 0x7D, 0x00]),
        B.section(3, [0x01, 0x00]),
        B.section(4, [0x01, 0x70, 0x01, 0x01, 0x04]),
        B.section(5, [0x01, 0x01, 0x01, 0x02]),
        B.section(6, [0x01, 0x7F, 0x01, 0x41, 0x2A, 0x0B]),
        B.section(7, [0x02] + B.name("run") + [0x00, 0x01] + B.name("mem") + [0x02, 0x00]),
        B.section(8, [0x01]),
        B.section(9, [0x01, 0x00, 0x41, 0x00, 0x0B, 0x01, 0x01]),
        B.section(10, [0x01, 0x02, 0x00, 0x0B]),
        B.section(11, [0x01, 0x01, 0x03, 0x61, 0x62, 0x63]),
        B.section(0, B.name("name") + B.section(1, [0x01, 0x01] + B.name("main"))))

    @Test func listsEverySectionWithItsSize() throws {
        let summary = try ModuleSummary(decoding: Self.bytes)
        #expect(summary.sections.map(\.id) == [.type, .import, .function, .table, .memory, .global, .export, .start, .element, .code, .data, .custom])
        #expect(summary.sections.last?.customName == "name")
        // Each section's contents end where the next section's id byte is.
        for (section, next) in zip(summary.sections, summary.sections.dropFirst()) {
            #expect(section.contentOffset + section.size == next.offset)
        }
        #expect(summary.sections.first?.offset == 8)
        let lines = summary.text.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("Type") && $0.contains("size=0x00000009") })
    }

    @Test func describesImportsExportsAndLimits() throws {
        let text = try ModuleSummary(decoding: Self.bytes).text
        #expect(text.contains("func (i32) -> (i64) <- \"env\".\"log\""))
        #expect(text.contains("global f32 <- \"env\".\"g\""))
        #expect(text.contains("\"run\" -> func[1] <main> () -> ()"))
        #expect(text.contains("\"mem\" -> memory[0]"))
        #expect(text.contains("Functions: 1 defined, 1 imported"))
        #expect(text.contains("Table[0]: funcref limits 1..4"))
        #expect(text.contains("Memory[0]: pages 1..2"))
        #expect(text.contains("global[0] (mut i32) = 42"))
        #expect(text.contains("Start: func[1] <main>"))
        #expect(text.contains("Element segments: 1 (1 elements; 1 active, 0 passive, 0 declarative)"))
        #expect(text.contains("Data segments: 1 (3 bytes; 0 active, 1 passive)"))
    }

    @Test func escapesInvisibleCharactersInNames() throws {
        let bytes = B.module(B.section(7, [0x01] + B.name("a\"b\u{FEFF}\n") + [0x00, 0x00]))
        let text = try ModuleSummary(decoding: bytes).text
        #expect(text.contains(#""a\"b\u{feff}\u{a}" -> func[0]"#))
    }

    @Test func reportsTheDecodeError() {
        #expect(throws: DecodeError(.unknownBinaryVersion, at: 4)) {
            try ModuleSummary(decoding: [0x00, 0x61, 0x73, 0x6D, 0x02, 0x00, 0x00, 0x00])
        }
    }
}
