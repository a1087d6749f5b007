import StringOps
import Synchronization
import Testing
import WasmInterpreter

/// The wrapper's memory management, logging and memory inspection.
@Suite("WasmStringOps")
struct WasmStringOpsTests {
    @Test func doesNotLeakMemoryAcrossCalls() throws {
        let operations = try WasmStringOps()
        let initialPages = try #require(operations.host.memoryPageCounts.first)
        #expect(initialPages == 256)
        let first = [UInt8](repeating: 0x61, count: 8 * 1024)
        let second = [UInt8](repeating: 0x62, count: 8 * 1024)
        for _ in 0..<2_000 {
            // 32 MiB of inputs in all (decided at the first byte, so quick): a bump allocator that
            // never frees would have outgrown the 16 MiB memory.
            #expect(try operations.compare(first, second) == -1)
        }
        #expect(try operations.hash("") == 2_166_136_261)
        #expect(operations.host.memoryPageCounts == [initialPages])
    }

    @Test func growsMemoryForLargeInputs() throws {
        let operations = try WasmStringOps()
        let size = 9 * 1024 * 1024  // two of these need more than the initial 16 MiB
        let first = [UInt8](repeating: 0x61, count: size)
        let second = [UInt8](repeating: 0x62, count: size)
        #expect(try operations.compare(first, second) == -1)  // decided at the first byte
        let grownPages = try #require(operations.host.memoryPageCounts.first)
        #expect(grownPages > 256)
        #expect(grownPages * 65_536 >= 2 * size)
        #expect(try operations.compare(second, first) == 1)
        #expect(operations.host.memoryPageCounts == [grownPages])  // the space is reused
        #expect(try operations.hash("small") == SwiftStringOps().hash("small"))
    }

    @Test func failsClearlyPastTheMaximum() throws {
        let operations = try WasmStringOps(configuration: HostConfiguration(maximumMemoryPages: 300))
        let size = 10 * 1024 * 1024
        let error = #expect(throws: HostingError.self) {
            try operations.compare([UInt8](repeating: 1, count: size), [UInt8](repeating: 2, count: size))
        }
        guard case .inputTooLarge(let required, let maximum)? = error else {
            Issue.record("expected inputTooLarge, got \(String(describing: error))")
            return
        }
        #expect(required > maximum && maximum == 300 * 65_536)
        #expect(error?.description.contains("more than its maximum of 19660800 bytes") == true)
        // The failed call released its space: ordinary calls still work.
        #expect(try operations.compare("a", "b") == -1)
    }

    @Test func sendsEnvLogToTheHandler() throws {
        let operations = try WasmStringOps()
        let logged = Mutex<[UInt32]>([])
        operations.setLogHandler { value in logged.withLock { $0.append(value) } }
        // A range running past the 32-bit address space: the module logs its pointer and traps.
        let error = #expect(throws: HostingError.self) {
            try operations.host.call("fastHash", [.uint32(0xFFFF_FFF0), .uint32(0x20)])
        }
        guard case .trap(function: "fastHash", let trap)? = error else {
            Issue.record("expected a trap, got \(String(describing: error))")
            return
        }
        #expect(trap.reason == .unreachable)
        #expect(logged.withLock { $0 } == [0xFFFF_FFF0])
        // The instance stays usable after the trap.
        #expect(try operations.hash("") == 2_166_136_261)
        operations.setLogHandler(nil)
        _ = try? operations.host.call("fastHash", [.uint32(0xFFFF_FFF0), .uint32(0x20)])
        #expect(logged.withLock { $0 }.count == 1)
    }

    @Test func showsTheLastInputsInMemory() throws {
        let operations = try WasmStringOps()
        #expect(try operations.search("hello world", for: "wor") == 6)
        let dump = try operations.inspectMemory(offset: 0, count: 20)
        #expect(dump.bytes == Array("hello world\0\0\0\0\0wor\0".utf8))
        #expect(dump.hexView.hasPrefix("00000000  68 65 6c 6c 6f 20 77 6f  72 6c 64 00 00 00 00 00  |hello world.....|"))
        #expect(dump.text.hasPrefix("hello world"))
    }

    @Test func refusesRangesOutsideMemory() throws {
        let operations = try WasmStringOps()
        let bytes = 256 * 65_536
        for (offset, count) in [(bytes, 1), (bytes - 4, 5), (-1, 4), (0, -1), (Int.max, 2)] {
            #expect {
                try operations.inspectMemory(offset: offset, count: count)
            } throws: { error in
                guard case HostingError.rangeOutOfBounds = error else { return false }
                return true
            }
        }
        #expect(try operations.inspectMemory(offset: bytes - 4, count: 4).bytes.count == 4)
    }

    @Test func checksArgumentsOfDirectCalls() throws {
        let operations = try WasmStringOps()
        #expect {
            try operations.host.call("fastHash", [.int64(1)])
        } throws: { error in
            guard case HostingError.argumentMismatch(function: "fastHash", expected: [.i32, .i32], actual: [.i64]) = error else {
                return false
            }
            return "\(error)" == "'fastHash' takes (i32, i32), given (i64)"
        }
        #expect(throws: HostingError.self) { try operations.host.call("fastHashes", ["x"]) }
    }
}
