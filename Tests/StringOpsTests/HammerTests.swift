import StringOps
import Testing

/// Many tasks calling at once all get the right answers (the guide's pitfall 6.6).
@Suite("Concurrency")
struct HammerTests {
    /// The inputs of call `index`, different for every call and reproducible.
    static func inputs(for index: Int) -> (String, String) {
        var generator = SeededGenerator(seed: UInt64(index) &* 0x9E37_79B9 &+ 17)
        let first = RandomText.string(maxPieces: 20, using: &generator) + String(index)
        let needle = String(decoding: RandomText.needle(in: Array(first.utf8), using: &generator), as: UTF8.self)
        return (first, needle)
    }

    @Test func hammerCoordinatorWithThousandsOfConcurrentCalls() async throws {
        let coordinator = WasmRuntimeCoordinator(modules: [.stringOps(configuration: HostConfiguration(instanceCount: 4))])
        let reports = await coordinator.initialize()
        #expect(reports.first?.backend == .webAssembly)
        let reference = SwiftStringOps()
        let calls = 4_000
        let wrong = await withTaskGroup(of: String?.self) { group in
            for index in 0..<calls {
                group.addTask {
                    let (text, other) = Self.inputs(for: index)
                    let expected: ExecutionValue
                    let result: ExecutionResult
                    do {
                        switch index % 3 {
                        case 0:
                            expected = .uint32(reference.hash(text))
                            result = try coordinator.execute(module: "stringOps", function: "fastHash", arguments: [.string(text)])
                        case 1:
                            expected = .int32(Int32(reference.compare(text, other)))
                            result = try coordinator.execute(module: "stringOps", function: "fastCompare", arguments: [.string(text), .string(other)])
                        default:
                            expected = .int32(Int32(reference.search(text, for: other) ?? -1))
                            result = try coordinator.execute(module: "stringOps", function: "fastSearch", arguments: [.string(text), .string(other)])
                        }
                    } catch {
                        return "call \(index) failed: \(error)"
                    }
                    if result.value != expected || result.backend != .webAssembly {
                        return "call \(index): \(result.value) on \(result.backend), expected \(expected)"
                    }
                    return nil
                }
            }
            var wrong: [String] = []
            for await problem in group {
                if let problem { wrong.append(problem) }
            }
            return wrong
        }
        #expect(wrong.isEmpty, "\(wrong.count) wrong answers, first: \(wrong.prefix(3))")
        let statistics = try #require(coordinator.statistics(for: "stringOps"))
        #expect(statistics.calls == calls && statistics.webAssemblyCalls == calls && statistics.failures == 0)
    }

    @Test func hammerOneWrapperInstanceFromManyTasks() async throws {
        let operations = try WasmStringOps()  // one instance: calls take turns
        let reference = SwiftStringOps()
        let correct = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<2_000 {
                group.addTask {
                    let (text, needle) = Self.inputs(for: index)
                    do {
                        return try operations.hash(text) == reference.hash(text)
                            && operations.search(text, for: needle) == reference.search(text, for: needle)
                    } catch {
                        return false
                    }
                }
            }
            var correct = 0
            for await ok in group where ok { correct += 1 }
            return correct
        }
        #expect(correct == 2_000)
        #expect(operations.host.memoryPageCounts == [256])
    }
}
