import StringOps
import Testing

/// The "optional enhancement" service: usable at once, switching to WebAssembly when loaded.
@Suite("StringOpsService")
struct StringOpsServiceTests {
    /// A loader that waits until the test opens its gate.
    final class GatedLoader: Sendable {
        let gate: AsyncStream<Void>
        let open: AsyncStream<Void>.Continuation
        let result: StringOpsLoadResult

        init(result: StringOpsLoadResult) {
            (gate, open) = AsyncStream<Void>.makeStream()
            self.result = result
        }

        func load() async -> StringOpsLoadResult {
            for await _ in gate { break }
            return result
        }
    }

    @Test func answersOnTheFallbackWhileLoadingThenSwitches() async throws {
        let loader = GatedLoader(result: StringOpsLoadResult(operations: PretendWasmOperations(limit: .max), fallbackReason: nil))
        let service = StringOpsService(loader: loader.load)
        let reference = SwiftStringOps()

        #expect(service.backend == .swift)
        #expect(service.hash("hello") == reference.hash("hello"))
        #expect(service.compare("apple", "banana") == -1)
        #expect(service.search("hello world", for: "world") == 6)

        loader.open.yield()
        let result = await service.waitUntilLoaded()
        #expect(result.backend == .webAssembly)
        #expect(service.backend == .webAssembly)
        #expect(service.hash("hello") == reference.hash("hello"))
        #expect(service.search("hello world", for: "xyz") == nil)
    }

    @Test func callsDuringTheSwitchAllGetTheRightAnswer() async throws {
        let loader = GatedLoader(result: StringOpsLoadResult(operations: PretendWasmOperations(limit: .max), fallbackReason: nil))
        let service = StringOpsService(loader: loader.load)
        let reference = SwiftStringOps()
        await withTaskGroup(of: Bool.self) { group in
            for index in 0..<2_000 {
                group.addTask {
                    if index == 1_000 { loader.open.yield() }
                    let text = "item \(index) 🚀"
                    return service.hash(text) == reference.hash(text)
                        && service.search(text, for: "\(index % 10)") == reference.search(text, for: "\(index % 10)")
                }
            }
            var correct = 0
            for await ok in group where ok { correct += 1 }
            #expect(correct == 2_000)
        }
        _ = await service.waitUntilLoaded()
        #expect(service.backend == .webAssembly)
    }

    @Test func answersOnTheFallbackWhenWebAssemblyCannotServeACall() async throws {
        let service = StringOpsService {
            StringOpsLoadResult(operations: PretendWasmOperations(limit: 8), fallbackReason: nil)
        }
        _ = await service.waitUntilLoaded()
        let long = String(repeating: "ab", count: 100)
        #expect(service.hash(long) == SwiftStringOps().hash(long))
        guard case .inputTooLarge? = service.lastFallbackError else {
            Issue.record("expected the input-too-large error to be kept, got \(String(describing: service.lastFallbackError))")
            return
        }
    }

    @Test func staysOnTheFallbackWhenLoadingFails() async throws {
        let service = StringOpsService {
            StringOpsLoader.load(from: .file(path: "/nonexistent/stringOps.wasm"))
        }
        let result = await service.waitUntilLoaded()
        #expect(service.backend == .swift)
        guard case .fileNotFound(path: "/nonexistent/stringOps.wasm")? = result.fallbackReason else {
            Issue.record("expected fileNotFound, got \(String(describing: result.fallbackReason))")
            return
        }
        #expect(service.compare("a", "b") == -1)
    }
}
