import Foundation
import WasmBinary
import WasmInterpreter
import WasmKit

/// Start-up on the largest fixture module: bytes to a callable instance. PureWasm decodes,
/// validates and translates every function in `CompiledModule(bytes:)`, then instantiates;
/// WasmKit parses, then translates (and validates) every function when it instantiates with
/// eager compilation. Lazy compilation, WasmKit's default, would defer most of that work.
enum StartupComparison {
    static let name = "startup/compile+instantiate"

    static func run(_ options: Options, engines: [String]) throws -> (TextTable, [BenchmarkRecord]) {
        let fixtures = try FixtureDirectory.url()
        let relativePath = FileManager.default.fileExists(atPath: fixtures.appendingPathComponent("large/large.wasm").path)
            ? "large/large.wasm" : "kernels/nbody.wasm"
        let bytes = try FixtureDirectory.bytes(relativePath)
        reportProgress(name)
        let ours: () throws -> Void = {
            let compiled = try CompiledModule(bytes: opaque(bytes))
            blackHole(try WasmInterpreter.Runtime().instantiate(compiled))
        }
        func wasmKit(_ threadingModel: EngineConfiguration.ThreadingModel) -> () throws -> Void {
            let engine = Engine(configuration: EngineConfiguration(threadingModel: threadingModel, compilationMode: .eager))
            return {
                let module = try parseWasm(bytes: opaque(bytes))
                blackHole(try module.instantiate(store: Store(engine: engine)))
            }
        }
        let bodies = [ours, wasmKit(.direct), wasmKit(.token)]
        for body in bodies { try body() }  // each must accept the module before timing
        let samples = try options.sampler.measureInterleaved(bodies)
        var table = TextTable(
            title: "Start-up: Fixtures/\(relativePath) (\(bytes.count) bytes) to an instance, every function translated (WasmKit: eager compilation)",
            header: ["stage", "PureWasm", "WasmKit direct", "WasmKit token", "ours ÷ direct", "ours ÷ token"])
        table.append(["compile+instantiate"] + samples.map { Format.duration($0.median) }
                     + [samples[0].median / samples[1].median, samples[0].median / samples[2].median].map(Format.ratio))
        let records = zip(engines, samples).map { engine, engineSamples in
            BenchmarkRecord(name: name, engine: engine, samples: engineSamples,
                            metrics: ["bytesPerSecond": Double(bytes.count) / engineSamples.median])
        }
        return (table, records)
    }
}
