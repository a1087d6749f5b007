import Testing
@testable import WasmBinary
import TestSupport

/// Malformed input never crashes the decoder: truncated and mutated modules decode or throw.
@Suite struct HostileInputTests {
    /// A small deterministic generator (SplitMix64), so every run mutates the same bytes.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Modules that reach every section and many instruction kinds.
    static let seeds: [(String, String)] = [
        ("global", "global.0.wasm"), ("elem", "elem.0.wasm"), ("data", "data.0.wasm"),
        ("names", "names.2.wasm"), ("simd_lane", "simd_lane.0.wasm"), ("br_table", "br_table.0.wasm"),
        ("imports", "imports.0.wasm"), ("table_init", "table_init.97.wasm"), ("custom", "custom.0.wasm"),
    ]

    @Test(.enabled(if: Testsuite.isPresent, Comment(rawValue: Testsuite.missingMessage)))
    func everyTruncationDecodesOrThrows() throws {
        var rejected = 0
        for (script, file) in Self.seeds {
            let bytes = try Testsuite.bytes(of: file, in: script)
            // Every length for small modules, about 600 evenly spread ones for large ones.
            for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 600)) {
                if (try? ModuleDecoder.decode(Array(bytes[..<length]))) == nil { rejected += 1 }
            }
        }
        // A prefix of a module can still be a module (ending between sections), so most, not all, fail.
        #expect(rejected > 0)
    }

    @Test(.enabled(if: Testsuite.isPresent, Comment(rawValue: Testsuite.missingMessage)))
    func mutatedModulesDecodeOrThrow() throws {
        var generator = SplitMix64(state: 2026)
        var outcomes = [0, 0]
        for (script, file) in Self.seeds {
            let original = try Testsuite.bytes(of: file, in: script)
            for _ in 0..<500 {
                var bytes = original
                for _ in 0..<Int.random(in: 1...4, using: &generator) {
                    let index = Int.random(in: 8..<bytes.count, using: &generator)
                    bytes[index] = [0x00, 0x7F, 0x80, 0xFF, UInt8.random(in: 0...255, using: &generator)].randomElement(using: &generator) ?? 0
                }
                outcomes[(try? ModuleDecoder.decode(bytes)) == nil ? 1 : 0] += 1
            }
        }
        #expect(outcomes[0] + outcomes[1] == Self.seeds.count * 500)
    }

    /// Sizes and counts near 2^32 are refused without allocating for them.
    @Test(arguments: [
        // a type section claiming 2^32 - 1 types
        ModuleBytes.module(ModuleBytes.section(1, [0xFF, 0xFF, 0xFF, 0xFF, 0x0F])),
        // a data segment claiming 2^32 - 1 bytes
        ModuleBytes.module(ModuleBytes.section(11, [0x01, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F])),
        // a br_table with 2^32 - 1 labels
        ModuleBytes.function(code: [0x41, 0x00, 0x0E, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x0B]),
        // a section size of 2^32 - 1
        ModuleBytes.header + [0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F],
    ])
    func refusesHugeCounts(bytes: [UInt8]) {
        #expect(decodeError(bytes) != nil)
    }

    /// Nesting depth is only counted, so a deeply nested body decodes without recursion.
    @Test func decodesDeeplyNestedBlocks() throws {
        let depth = 100_000
        let code = Array(repeating: [0x02, 0x40] as [UInt8], count: depth).flatMap { $0 } + Array(repeating: 0x0B, count: depth + 1)
        let module = try ModuleDecoder.decode(ModuleBytes.function(code: code))
        #expect(module.codes.first?.code.count == code.count)
    }
}
