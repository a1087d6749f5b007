import WasmBinary
import WasmInterpreter

/// Growing linear memory one page at a time, as `malloc` grows a C heap: one run instantiates
/// `Fixtures/kernels/grow.wasm` afresh in a new runtime (its memory starts empty) and calls `grow(10000)`, which
/// grows the memory by one page 10,000 times and checks every new page reads zero.
struct MemoryGrowthBenchmarks: BenchmarkSuite {
    static let grows = 10_000
    var names: [String] { ["memory/grow 10000 × 1 page"] }

    func run(_ options: Options) throws -> [BenchmarkRecord] {
        guard let name = names.first, options.selects(name) else { return [] }
        reportProgress(name)
        let module = try CompiledModule(bytes: try FixtureDirectory.bytes("kernels/grow.wasm"))
        let arguments = [Value(Int32(Self.grows))]
        let samples = try options.sampler.measure {
            // A runtime keeps its instances: a fresh one per run lets each run's memory go.
            let instance = try Runtime().instantiate(module)
            let results = try instance.invoke("grow", arguments)
            guard results == [Value(Int32(Self.grows))] else {
                throw BenchmarkError.wrongResult("grow(\(Self.grows))", expected: "\(Self.grows)", actual: "\(results)")
            }
        }
        var table = TextTable(
            title: "Memory growth: a fresh instance of grow.wasm, then grow(\(Self.grows)) (one memory.grow of one page at a time, each new page checked zero)",
            header: ["benchmark", "median", "spread", "per grow"])
        table.append([String(name.dropFirst("memory/".count)), Format.duration(samples.median), Format.spread(samples),
                      Format.duration(samples.median / Double(Self.grows))])
        table.print()
        return [BenchmarkRecord(name: name, engine: "PureWasm", samples: samples, metrics: [:])]
    }
}
