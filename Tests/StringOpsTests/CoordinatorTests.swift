import StringOps
import Synchronization
import Testing

/// The coordinator's rules, with stand-in backends (no WebAssembly involved).
@Suite("WasmRuntimeCoordinator rules")
struct CoordinatorTests {
    @Test func refusesCallsBeforeInitialize() async throws {
        let wasm = FakeBackend(correctMath)
        let coordinator = WasmRuntimeCoordinator(modules: [mathRegistration(webAssembly: wasm, fallback: nil)])
        #expect(!coordinator.isInitialized)
        let error = #expect(throws: CoordinatorError.self) {
            try coordinator.execute(module: "math", function: "add", arguments: [1, 2])
        }
        guard case .notInitialized(module: "math")? = error else {
            Issue.record("expected notInitialized, got \(String(describing: error))")
            return
        }
        #expect(error?.description.contains("initialize()") == true)
        await coordinator.initialize()
        #expect(coordinator.isInitialized)
        #expect(try coordinator.execute(module: "math", function: "add", arguments: [1, 2]).value == .int32(3))
    }

    @Test func refusesUnknownModulesAndFunctions() async {
        let coordinator = WasmRuntimeCoordinator(modules: [mathRegistration(webAssembly: FakeBackend(correctMath), fallback: nil)])
        await coordinator.initialize()
        #expect {
            try coordinator.execute(module: "nope", function: "add", arguments: [1, 2])
        } throws: { error in
            guard case CoordinatorError.unknownModule("nope") = error else { return false }
            return true
        }
        #expect {
            try coordinator.execute(module: "math", function: "sub", arguments: [1, 2])
        } throws: { error in
            guard case CoordinatorError.unknownFunction(module: "math", function: "sub") = error else { return false }
            return true
        }
    }

    @Test(arguments: [
        [.string("1"), .int32(2)],
        [.int32(1)],
        [.int32(1), .int32(2), .int32(3)],
        [.int64(1), .int32(2)],
        [.uint32(1), .int32(2)],
    ] as [[ExecutionValue]])
    func refusesWrongArgumentKinds(arguments: [ExecutionValue]) async {
        let wasm = FakeBackend(correctMath)
        let coordinator = WasmRuntimeCoordinator(modules: [mathRegistration(webAssembly: wasm, fallback: nil)])
        await coordinator.initialize()
        #expect {
            try coordinator.execute(module: "math", function: "add", arguments: arguments)
        } throws: { error in
            guard case CoordinatorError.argumentMismatch(_, _, let expected, let actual) = error else { return false }
            return expected == [.int32, .int32] && actual == arguments.map(\.kind)
                && "\(error)".contains("math.add takes (int32, int32)")
        }
        #expect(wasm.calls == 0)
    }

    @Test func prefersWebAssemblyAndKeepsStatistics() async throws {
        let wasm = FakeBackend(correctMath)
        let swift = FakeBackend(correctMath)
        let coordinator = WasmRuntimeCoordinator(modules: [mathRegistration(webAssembly: wasm, fallback: swift)])
        let reports = await coordinator.initialize()
        #expect(reports.count == 1)
        #expect(reports.first?.backend == .webAssembly)
        for value: Int32 in 0..<10 {
            let result = try coordinator.execute(module: "math", function: "add", arguments: [.int32(value), 5])
            #expect(result.value == .int32(value + 5))
            #expect(result.backend == .webAssembly)
            #expect(result.fallbackReason == nil && result.divergence == nil)
            #expect(result.duration >= .zero)
        }
        #expect(try coordinator.execute(module: "math", function: "length", arguments: ["héllo"]).value == .int64(6))
        let statistics = try #require(coordinator.statistics(for: "math"))
        #expect(statistics.backend == .webAssembly)
        #expect(statistics.calls == 11 && statistics.webAssemblyCalls == 11 && statistics.swiftCalls == 0)
        #expect(statistics.failures == 0 && statistics.divergences == 0)
        #expect(statistics.totalDuration > .zero)
        #expect(wasm.calls == 11 && swift.calls == 0)
    }

    @Test func fallsBackWhenWebAssemblyDoesNotLoad() async throws {
        let swift = FakeBackend(correctMath)
        let coordinator = WasmRuntimeCoordinator(
            modules: [mathRegistration(webAssembly: nil, loadFailure: FakeFailure(message: "corrupt module"), fallback: swift)])
        let report = try #require(await coordinator.initialize().first)
        #expect(report.backend == .swift)
        #expect("\(String(describing: report.webAssemblyFailure))".contains("corrupt module"))
        let result = try coordinator.execute(module: "math", function: "add", arguments: [2, 2])
        #expect(result.value == .int32(4) && result.backend == .swift)
        let statistics = try #require(coordinator.statistics(for: "math"))
        #expect(statistics.backend == .swift && statistics.loadFailure == "corrupt module" && statistics.swiftCalls == 1)
    }

    @Test func fallsBackWhenAWebAssemblyCallFails() async throws {
        let wasm = FakeBackend { _, _ in throw FakeFailure(message: "trap") }
        let coordinator = WasmRuntimeCoordinator(modules: [mathRegistration(webAssembly: wasm, fallback: FakeBackend(correctMath))])
        await coordinator.initialize()
        let result = try coordinator.execute(module: "math", function: "add", arguments: [2, 3])
        #expect(result.value == .int32(5) && result.backend == .swift)
        #expect("\(String(describing: result.fallbackReason))".contains("trap"))
        let statistics = try #require(coordinator.statistics(for: "math"))
        #expect(statistics.failures == 1 && statistics.swiftCalls == 1 && statistics.calls == 1)
    }

    @Test func reportsFailureWhenEveryBackendFails() async throws {
        let wasm = FakeBackend { _, _ in throw FakeFailure(message: "wasm broke") }
        let swift = FakeBackend { _, _ in throw FakeFailure(message: "swift broke") }
        let coordinator = WasmRuntimeCoordinator(modules: [mathRegistration(webAssembly: wasm, fallback: swift)])
        await coordinator.initialize()
        #expect {
            try coordinator.execute(module: "math", function: "add", arguments: [2, 3])
        } throws: { error in
            guard case CoordinatorError.executionFailed(module: "math", function: "add", backend: .swift, _) = error else { return false }
            return "\(error)".contains("swift broke")
        }
        #expect(coordinator.statistics(for: "math")?.failures == 1)
    }

    @Test func reportsModulesWithoutAnyBackend() async throws {
        let coordinator = WasmRuntimeCoordinator(
            modules: [mathRegistration(webAssembly: nil, loadFailure: FakeFailure(message: "missing file"), fallback: nil)])
        let report = try #require(await coordinator.initialize().first)
        #expect(report.backend == nil)
        #expect {
            try coordinator.execute(module: "math", function: "add", arguments: [1, 1])
        } throws: { error in
            guard case CoordinatorError.noBackend(module: "math", let reason) = error else { return false }
            return reason.contains("missing file")
        }
    }

    @Test func prefersTheFallbackWhenAsked() async throws {
        let wasm = FakeBackend(correctMath)
        let swift = FakeBackend(correctMath)
        let coordinator = WasmRuntimeCoordinator(
            policy: .preferFallback, modules: [mathRegistration(webAssembly: wasm, fallback: swift)])
        await coordinator.initialize()
        #expect(try coordinator.execute(module: "math", function: "add", arguments: [1, 1]).backend == .swift)
        coordinator.policy = .preferWebAssembly
        #expect(try coordinator.execute(module: "math", function: "add", arguments: [1, 1]).backend == .webAssembly)
        #expect(wasm.calls == 1 && swift.calls == 1)
    }

    @Test func verifyRunsBothAndReportsDivergence() async throws {
        let wasm = FakeBackend { function, arguments in
            // Wrong for negative sums, like a sign bug would be.
            let value = try correctMath(function, arguments)
            if case .int32(let sum) = value, sum < 0 { return .int32(0) }
            return value
        }
        let swift = FakeBackend(correctMath)
        let coordinator = WasmRuntimeCoordinator(policy: .verify, modules: [mathRegistration(webAssembly: wasm, fallback: swift)])
        await coordinator.initialize()
        let agreeing = try coordinator.execute(module: "math", function: "add", arguments: [2, 3])
        #expect(agreeing.value == .int32(5) && agreeing.divergence == nil && agreeing.backend == .webAssembly)
        let diverging = try coordinator.execute(module: "math", function: "add", arguments: [2, -3])
        let divergence = try #require(diverging.divergence)
        #expect(diverging.value == .int32(0))  // the WebAssembly answer, as documented
        guard case .value(.int32(0)) = divergence.webAssembly, case .value(.int32(-1)) = divergence.swift else {
            Issue.record("unexpected divergence \(divergence)")
            return
        }
        #expect(wasm.calls == 2 && swift.calls == 2)
        #expect(coordinator.statistics(for: "math")?.divergences == 1)
    }

    @Test func registersModulesOnceAndLoadsLateRegistrations() async throws {
        let coordinator = WasmRuntimeCoordinator(modules: [])
        try coordinator.register(mathRegistration(webAssembly: FakeBackend(correctMath), fallback: nil))
        #expect(throws: CoordinatorError.self) {
            try coordinator.register(mathRegistration(webAssembly: nil, fallback: nil))
        }
        await coordinator.initialize()
        let late = ModuleRegistration(
            name: "late", functions: ["add": FunctionSignature([.int32, .int32], .int32)],
            loadWebAssembly: nil, fallback: FakeBackend(correctMath))
        try coordinator.register(late)
        #expect(!coordinator.isInitialized)
        #expect(throws: CoordinatorError.self) { try coordinator.execute(module: "late", function: "add", arguments: [1, 2]) }
        let reports = await coordinator.initialize()
        #expect(reports.map(\.module) == ["math", "late"])
        #expect(try coordinator.execute(module: "late", function: "add", arguments: [1, 2]).value == .int32(3))
        #expect(coordinator.moduleNames == ["math", "late"])
    }

    @Test func loadsEachModuleOnceUnderConcurrentInitialize() async throws {
        let loads = Counter()
        let registration = ModuleRegistration(
            name: "math", functions: mathFunctions,
            loadWebAssembly: {
                loads.increment()
                return FakeBackend(correctMath)
            },
            fallback: nil)
        let coordinator = WasmRuntimeCoordinator(modules: [registration])
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    await coordinator.initialize()
                    // Whichever initialize() returns, the module is usable right after it.
                    #expect((try? coordinator.execute(module: "math", function: "add", arguments: [1, 1]))?.value == .int32(2))
                }
            }
        }
        #expect(loads.value == 1)
    }
}
