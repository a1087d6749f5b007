import StringOps
import Testing

/// The module bytes built into the library are the checked-in fixture's (regenerate with
/// `sh Fixtures/generate-swift-bytes.sh Fixtures/stringOps.wasm StringOpsModule >
/// Sources/StringOps/Operations/StringOpsModule+Bytes.swift`).
@Suite("Built-in module bytes")
struct ModuleBytesTests {
    @Test func matchTheFixture() throws {
        let fixture = try FixtureFiles.bytes("stringOps.wasm")
        #expect(StringOpsModule.bytes == fixture, "Sources/StringOps/Operations/StringOpsModule+Bytes.swift is stale: regenerate it")
    }

    @Test func startWithTheWasmHeader() {
        #expect(Array(StringOpsModule.bytes.prefix(8)) == [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00])
    }
}
