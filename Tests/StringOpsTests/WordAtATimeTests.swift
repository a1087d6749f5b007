import StringOps
import Testing
import WasmBinary
import WasmInterpreter

/// The module's 8-bytes-at-a-time loops against the byte-at-a-time Swift fallback, called on the
/// raw module (so that pointers can be unaligned and ranges can end at the end of memory): every
/// length from 0 to 17 around the 8-byte steps, differences and needles at every position, bytes
/// with the high bit set, and ranges that end on the memory's last byte.
@Suite("stringOps word-at-a-time edge cases")
struct WordAtATimeTests {
    /// The built-in module with a 16 MiB memory that cannot grow, and the values passed to env.log.
    final class RawModule {
        let memory: Memory
        let hash: TypedFunction<UInt32, UInt32, UInt32>
        let compare: TypedFunction<UInt32, UInt32, UInt32, UInt32, UInt32>
        let search: TypedFunction<UInt32, UInt32, UInt32, UInt32, UInt32>
        var logged: [UInt32] = []
        static let pages = 256

        init() throws {
            let runtime = Runtime()
            memory = try runtime.createMemory(MemoryType(limits: Limits(min: UInt64(Self.pages), max: UInt64(Self.pages))))
            weak var weakSelf: RawModule?
            let log = runtime.hostFunction(type: FunctionType(parameters: [.i32])) { arguments in
                if case .i32(let value)? = arguments.first { weakSelf?.logged.append(value) }
                return []
            }
            var imports = Imports()
            imports.define(module: "env", name: "memory", .memory(memory))
            imports.define(module: "env", name: "log", .function(log))
            let instance = try runtime.instantiate(try CompiledModule(bytes: StringOpsModule.bytes), imports: imports)
            hash = try instance.typedFunction("fastHash", ((UInt32, UInt32) -> UInt32).self)
            compare = try instance.typedFunction("fastCompare", ((UInt32, UInt32, UInt32, UInt32) -> UInt32).self)
            search = try instance.typedFunction("fastSearch", ((UInt32, UInt32, UInt32, UInt32) -> UInt32).self)
            weakSelf = self
        }

        var end: Int { Self.pages * 65_536 }

        /// Writes `bytes` at `offset` and returns the offset as the module's pointer.
        @discardableResult
        func put(_ bytes: [UInt8], at offset: Int) throws -> UInt32 {
            try memory.write(bytes, at: offset)
            return UInt32(offset)
        }

        func hash(_ bytes: [UInt8], at offset: Int) throws -> UInt32 {
            try hash(try put(bytes, at: offset), UInt32(bytes.count))
        }

        func compare(_ first: [UInt8], at firstOffset: Int, _ second: [UInt8], at secondOffset: Int) throws -> Int {
            let result = try compare(try put(first, at: firstOffset), UInt32(first.count),
                                     try put(second, at: secondOffset), UInt32(second.count))
            return Int(Int32(bitPattern: result))
        }

        func search(_ haystack: [UInt8], at haystackOffset: Int, for needle: [UInt8], at needleOffset: Int) throws -> Int? {
            let result = try search(try put(haystack, at: haystackOffset), UInt32(haystack.count),
                                    try put(needle, at: needleOffset), UInt32(needle.count))
            return result == UInt32.max ? nil : Int(result)
        }
    }

    let reference = SwiftStringOps()
    /// Bytes that include 0x00, 0x7F, 0x80 and 0xFF, so that signedness and per-lane borrows show.
    static let awkwardBytes: [UInt8] = [0x61, 0x00, 0x80, 0xFF, 0x7F, 0x01, 0x61, 0xFE, 0x62, 0x81]

    static func bytes(_ count: Int, seed: Int) -> [UInt8] {
        (0..<count).map { awkwardBytes[($0 * 7 + seed) % awkwardBytes.count] }
    }

    @Test func hashEveryLengthAndAlignment() throws {
        let module = try RawModule()
        for length in 0...17 {
            for offset in 100...108 {
                let input = Self.bytes(length, seed: offset)
                #expect(try module.hash(input, at: offset) == reference.hash(input), "length \(length) at \(offset)")
            }
        }
        let long = Self.bytes(1000, seed: 3)
        #expect(try module.hash(long, at: 1001) == reference.hash(long))
    }

    @Test func compareFindsTheFirstDifferenceAtEveryPosition() throws {
        let module = try RawModule()
        for length in 0...17 {
            let base = Self.bytes(length, seed: length)
            #expect(try module.compare(base, at: 3, base, at: 4000) == 0)
            for position in 0..<length {
                for replacement: UInt8 in [0x00, 0x01, 0x7F, 0x80, 0xFF] where replacement != base[position] {
                    var other = base
                    other[position] = replacement
                    // A later difference in the other direction must not win over the first one.
                    if position + 1 < length { other[position + 1] = base[position + 1] == 0 ? 0xFF : 0 }
                    let expected = reference.compare(base, other)
                    #expect(try module.compare(base, at: 5, other, at: 2003) == expected, "length \(length) position \(position)")
                    #expect(try module.compare(other, at: 11, base, at: 2010) == -expected)
                }
            }
        }
    }

    @Test func compareOrdersPrefixesAndLengths() throws {
        let module = try RawModule()
        let text = Self.bytes(17, seed: 1)
        for first in 0...17 {
            for second in 0...17 {
                let a = Array(text.prefix(first)), b = Array(text.prefix(second))
                #expect(try module.compare(a, at: 7, b, at: 3001) == reference.compare(a, b), "\(first) vs \(second)")
            }
        }
    }

    @Test func searchFindsNeedlesAtEveryPositionAndEnd() throws {
        let module = try RawModule()
        for haystackLength in 0...24 {
            let haystack = Self.bytes(haystackLength, seed: 2)
            for needleLength in 0...17 where needleLength <= haystackLength + 1 {
                for start in 0...max(0, haystackLength - needleLength) {
                    let needle = Array(haystack[min(start, haystackLength)..<min(start + needleLength, haystackLength)])
                    let expected = reference.search(haystack, for: needle)
                    #expect(try module.search(haystack, at: 301, for: needle, at: 5003) == expected,
                            "haystack \(haystackLength) needle \(needleLength) from \(start)")
                }
                // A needle that is absent: the haystack's bytes with one byte no haystack has.
                let absent = Array(haystack.prefix(needleLength).dropLast()) + [0x55]
                #expect(try module.search(haystack, at: 302, for: absent, at: 6001) == reference.search(haystack, for: absent))
            }
        }
    }

    @Test func searchSkipsFalseCandidates() throws {
        let module = try RawModule()
        // Many offsets start with the needle's first byte; only the last one matches in full.
        for length in [9, 16, 17, 40, 65] {
            for first: UInt8 in [0x00, 0x80, 0xFF, 0x61] {
                var haystack = [UInt8](repeating: first, count: length)
                let needle: [UInt8] = [first, first, 0x01]
                haystack[length - 1] = 0x01
                #expect(try module.search(haystack, at: 13, for: needle, at: 7001) == length - 3)
                haystack[length - 1] = 0x02
                #expect(try module.search(haystack, at: 13, for: needle, at: 7001) == nil)
                // A zero byte just after a lane that borrows: 0x00 then 0x01 in the same word.
                let mixed: [UInt8] = [0x02, 0x01, 0x00, 0x01] + [UInt8](repeating: 0x03, count: length)
                #expect(try module.search(mixed, at: 17, for: [0x01], at: 7100) == 1)
                #expect(try module.search(mixed, at: 17, for: [0x00, 0x01], at: 7100) == 2)
            }
        }
    }

    @Test func rangesEndingAtTheEndOfMemory() throws {
        let module = try RawModule()
        for length in [1, 7, 8, 9, 15, 16, 17, 64] {
            let input = Self.bytes(length, seed: length)
            let offset = module.end - length
            #expect(try module.hash(input, at: offset) == reference.hash(input))
            #expect(try module.compare(input, at: offset, input, at: 50) == 0)
            #expect(try module.compare(Array(input.dropLast()) + [0xFF], at: 90, input, at: offset)
                    == reference.compare(Array(input.dropLast()) + [0xFF], input))
            let needle = Array(input.suffix(min(3, length)))
            #expect(try module.search(input, at: offset, for: needle, at: 70) == reference.search(input, for: needle))
            // The needle itself may end at the end of memory too.
            #expect(try module.search(input, at: 200, for: Array(input.suffix(1)), at: module.end - 1)
                    == reference.search(input, for: Array(input.suffix(1))))
        }
    }

    @Test func rangesPastTheAddressSpaceAreLoggedAndTrap() throws {
        let module = try RawModule()
        #expect(throws: Trap(.unreachable)) { try module.hash(0xFFFF_FFF0, 32) }
        #expect(throws: Trap(.unreachable)) { try module.compare(0, 1, 0xFFFF_FFFF, 2) }
        #expect(throws: Trap(.unreachable)) { try module.search(0xFFFF_FFFE, 3, 0, 1) }
        #expect(module.logged == [0xFFFF_FFF0, 0xFFFF_FFFF, 0xFFFF_FFFE])
        // The last byte of the address space is fine (and past this memory: out of bounds).
        #expect(throws: Trap(.outOfBoundsMemoryAccess)) { try module.hash(0xFFFF_FFF0, 16) }
        #expect(module.logged.count == 3)
    }

    /// A range that runs past the end of memory traps where a byte-at-a-time loop would reach
    /// the first missing byte, and not before: an answer found earlier is still given.
    @Test func rangesPastTheEndOfMemoryBehaveLikeByteLoops() throws {
        let module = try RawModule()
        let tail = module.end - 4
        try module.put([0x61, 0x62, 0x63, 0x64], at: tail)
        try module.put([0x61, 0x62, 0x7A, 0x00, 0x63, 0x64], at: 64)
        #expect(throws: Trap(.outOfBoundsMemoryAccess)) { try module.hash(UInt32(tail), 8) }
        // The third byte differs: decided before the end of memory.
        #expect(try module.compare(UInt32(tail), 16, 64, 16) == UInt32(bitPattern: -1))
        #expect(try module.compare(64, 16, UInt32(tail), 16) == 1)
        // Equal up to the end of memory: the next byte is missing.
        #expect(throws: Trap(.outOfBoundsMemoryAccess)) { try module.compare(UInt32(tail), 16, UInt32(tail), 16) }
        // The needle "cd" is found before the haystack runs out of memory; "cdx" is not.
        #expect(try module.search(UInt32(tail), 16, 68, 2) == 2)
        try module.put([0x63, 0x64, 0x78], at: 80)
        #expect(throws: Trap(.outOfBoundsMemoryAccess)) { try module.search(UInt32(tail), 16, 80, 3) }
        // A needle that runs past the end of memory: a mismatch before its missing bytes ends the
        // try ("abz" against "abc"); a haystack that matches up to them traps.
        #expect(try module.search(64, 16, UInt32(tail), 12) == UInt32.max)
        try module.put([0x61, 0x62, 0x63, 0x64], at: 100)
        #expect(throws: Trap(.outOfBoundsMemoryAccess)) { try module.search(100, 16, UInt32(tail), 12) }
    }
}
