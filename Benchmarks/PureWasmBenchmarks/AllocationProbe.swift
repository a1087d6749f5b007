import StringOps
import WasmInterpreter

/// A call whose heap allocations `--count-allocations` counts: prepared once, outside what is
/// counted, then made `--probe-calls` times.
enum AllocationProbe: String, CaseIterable {
    case typedIdentity = "typed-call-identity"
    case functionCallIdentity = "Function.call-identity"
    case wrapperEmptyHash = "wrapper-empty-fastHash"
    case wrapperEmptyCompare = "wrapper-empty-fastCompare"
    case wrapperEmptySearch = "wrapper-empty-fastSearch"
    case wrapperGuideHash = "wrapper-guide-fastHash"
    case wrapperGuideCompare = "wrapper-guide-fastCompare"
    case wrapperGuideSearch = "wrapper-guide-fastSearch"

    /// The call, ready to be made; each call checks its result.
    func prepare() throws -> () throws -> Void {
        switch self {
        case .typedIdentity:
            let identity = try EmbeddingBenchmarks.identity().typed(((Int32) -> Int32).self)
            return { try Self.check(try identity(opaque(7)) == 7) }
        case .functionCallIdentity:
            let identity = try EmbeddingBenchmarks.identity()
            return { try Self.check(try identity.call([.i32(opaque(7))]) == [.i32(7)]) }
        case .wrapperEmptyHash, .wrapperEmptyCompare, .wrapperEmptySearch,
             .wrapperGuideHash, .wrapperGuideCompare, .wrapperGuideSearch:
            let wrapper = try WasmStringOps()
            let empty = [.wrapperEmptyHash, .wrapperEmptyCompare, .wrapperEmptySearch].contains(self)
            let text = empty ? "" : StringOpsBenchmarks.guideText
            let needle = empty ? "" : StringOpsBenchmarks.guideNeedle
            let expectedHash = UInt32(StringOpsBenchmarks.referenceHash(Array(text.utf8)))
            switch self {
            case .wrapperEmptyHash, .wrapperGuideHash:
                return { try Self.check(try wrapper.hash(opaque(text)) == expectedHash) }
            case .wrapperEmptyCompare, .wrapperGuideCompare:
                return { try Self.check(try wrapper.compare(opaque(text), opaque(text)) == 0) }
            default:
                return { try Self.check(try wrapper.search(opaque(text), for: opaque(needle)) == (empty ? 0 : 35)) }
            }
        }
    }

    /// Prepares the probe and makes `calls` calls.
    func run(calls: Int) throws {
        let call = try prepare()
        for _ in 0..<calls { try call() }
    }

    private static func check(_ correct: Bool) throws {
        guard correct else { throw BenchmarkError("an allocation probe's call returned a wrong result") }
    }
}
