import StringOps
import Synchronization
import Testing

/// The coordinator running real modules: stringOps and the second fixture, byteStats.
@Suite("WasmRuntimeCoordinator with WebAssembly")
struct CoordinatorWasmTests {
    /// Adler-32 as zlib defines it, written independently of the module.
    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return b << 16 | a
    }

    static let byteStatsFunctions: [String: FunctionSignature] = [
        "adler32": FunctionSignature([.bytes], .uint32),
        "countByte": FunctionSignature([.bytes, .int32], .int32),
        "sumBytes": FunctionSignature([.bytes], .int64),
    ]

    static let byteStatsFallback = SwiftBackend([
        "adler32": { arguments in .uint32(adler32(arguments.first?.byteString ?? [])) },
        "countByte": { arguments in
            guard case .int32(let byte)? = arguments.last else { throw FakeFailure(message: "countByte needs a byte") }
            return .int32(Int32((arguments.first?.byteString ?? []).filter { $0 == UInt8(truncatingIfNeeded: byte) }.count))
        },
        "sumBytes": { arguments in .int64((arguments.first?.byteString ?? []).reduce(0) { $0 + Int64($1) }) },
    ])

    static func byteStats(logHandler: LogHandler? = nil) -> ModuleRegistration {
        .webAssembly(
            name: "byteStats", source: .file(path: FixtureFiles.path("byteStats.wasm")),
            functions: byteStatsFunctions, logHandler: logHandler, fallback: byteStatsFallback)
    }

    @Test func runsAModuleBesidesStringOps() async throws {
        let logged = Mutex<[UInt32]>([])
        let coordinator = WasmRuntimeCoordinator(
            policy: .verify, modules: [.stringOps(), Self.byteStats { value in logged.withLock { $0.append(value) } }])
        let reports = await coordinator.initialize()
        #expect(reports.map(\.module) == ["stringOps", "byteStats"])
        #expect(reports.allSatisfy { $0.backend == .webAssembly }, "\(reports)")

        // Wikipedia's worked example of Adler-32.
        let wikipedia = try coordinator.execute(module: "byteStats", function: "adler32", arguments: ["Wikipedia"])
        #expect(wikipedia.value == .uint32(0x11E6_0398))
        #expect(wikipedia.backend == .webAssembly && wikipedia.divergence == nil)

        let count = try coordinator.execute(module: "byteStats", function: "countByte", arguments: ["hello world", .int32(0x6F)])
        #expect(count.value == .int32(2))
        #expect(logged.withLock { $0 } == [4, 7])  // env.log receives each match's offset

        let sum = try coordinator.execute(module: "byteStats", function: "sumBytes", arguments: [.bytes([255, 255, 255])])
        #expect(sum.value == .int64(765))

        let hash = try coordinator.execute(module: "stringOps", function: "fastHash", arguments: ["hello"])
        #expect(hash.value == .uint32(SwiftStringOps().hash("hello")))

        let statistics = try #require(coordinator.statistics(for: "byteStats"))
        #expect(statistics.calls == 3 && statistics.webAssemblyCalls == 3 && statistics.divergences == 0 && statistics.failures == 0)
        #expect(coordinator.statistics(for: "stringOps")?.calls == 1)
    }

    @Test func checksArgumentTypesOfRealModules() async throws {
        let coordinator = WasmRuntimeCoordinator(modules: [.stringOps(), Self.byteStats()])
        await coordinator.initialize()
        for (module, function, arguments) in [
            ("stringOps", "fastHash", [ExecutionValue.int32(5)]),
            ("stringOps", "fastCompare", ["a"]),
            ("byteStats", "countByte", ["abc", "b"]),
        ] as [(String, String, [ExecutionValue])] {
            #expect(throws: CoordinatorError.self) {
                try coordinator.execute(module: module, function: function, arguments: arguments)
            }
        }
        #expect(coordinator.statistics(for: "stringOps")?.calls == 0)
    }

    @Test func fallsBackWhenAnInputExceedsTheMemory() async throws {
        let coordinator = WasmRuntimeCoordinator(modules: [.stringOps(configuration: HostConfiguration(maximumMemoryPages: 256))])
        await coordinator.initialize()
        let big = [UInt8](repeating: 0x41, count: 17 * 1024 * 1024)
        let result = try coordinator.execute(module: "stringOps", function: "fastCompare", arguments: [.bytes(big), .bytes([0x42])])
        #expect(result.value == .int32(-1))
        #expect(result.backend == .swift)
        guard case .inputTooLarge? = result.fallbackReason as? HostingError else {
            Issue.record("expected inputTooLarge, got \(String(describing: result.fallbackReason))")
            return
        }
        #expect(coordinator.statistics(for: "stringOps")?.failures == 1)
    }

    @Test func fallsBackWhenTheModuleFileIsMissing() async throws {
        let coordinator = WasmRuntimeCoordinator(modules: [.stringOps(source: .file(path: "/nonexistent/stringOps.wasm"))])
        let report = try #require(await coordinator.initialize().first)
        #expect(report.backend == .swift)
        #expect("\(report)" == "stringOps: Swift (WebAssembly unavailable: module file not found: /nonexistent/stringOps.wasm)")
        let result = try coordinator.execute(module: "stringOps", function: "fastSearch", arguments: ["hello world", "world"])
        #expect(result.value == .int32(6) && result.backend == .swift)
    }
}
