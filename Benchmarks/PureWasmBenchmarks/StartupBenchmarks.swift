import Foundation
import StringOps
import WasmBinary
import WasmInterpreter
import WasmValidation

/// Start-up cost: decoding, validating and translating the largest module in `Fixtures`, each
/// stage measured on its own so that translation's share shows, then instantiation; and loading
/// the stringOps wrapper, which an application pays once.
struct StartupBenchmarks: BenchmarkSuite {
    private enum Stage: String, CaseIterable {
        case decode
        case decodeValidate = "decode+validate"
        case compile = "decode+validate+translate"
        case instantiate
        case stringOpsWrapper = "stringOps wrapper load"

        var name: String { "startup/\(rawValue)" }
    }

    var names: [String] { Stage.allCases.map(\.name) }

    func run(_ options: Options) throws -> [BenchmarkRecord] {
        let stages = Stage.allCases.filter { options.selects($0.name) }
        guard !stages.isEmpty else { return [] }
        let (file, bytes) = try Self.largestModule()
        var table = TextTable(
            title: "Start-up on \(file) (\(bytes.count) bytes); MB/s is module bytes per second",
            header: ["stage", "median", "spread", "MB/s"])
        var records: [BenchmarkRecord] = []
        var medians: [Stage: Double] = [:]
        for stage in stages {
            reportProgress(stage.name)
            let body = try Self.body(for: stage, bytes: bytes)
            try body()  // fails loudly before timing if the module does not compile
            let samples = try options.sampler.measure(body)
            medians[stage] = samples.median
            // Instantiation and the wrapper's load (which allocates its 16 MiB memory) are not
            // proportional to the module's size.
            let perByte = stage != .instantiate && stage != .stringOpsWrapper
            let throughput = perByte ? Format.significant(Double(bytes.count) / samples.median / 1e6) : "-"
            table.append([stage.rawValue, Format.duration(samples.median), Format.spread(samples), throughput])
            records.append(BenchmarkRecord(name: stage.name, engine: "PureWasm", samples: samples,
                                           metrics: perByte ? ["bytesPerSecond": Double(bytes.count) / samples.median] : [:]))
        }
        if let compile = medians[.compile], let validate = medians[.decodeValidate] {
            table.append(["translate (difference)", Format.duration(compile - validate), "",
                          Format.significant(Double(bytes.count) / (compile - validate) / 1e6)])
        }
        table.print()
        return records
    }

    private static func body(for stage: Stage, bytes: [UInt8]) throws -> () throws -> Void {
        switch stage {
        case .decode:
            return { blackHole(try ModuleDecoder.decode(opaque(bytes))) }
        case .decodeValidate:
            return { try ModuleValidator.validate(try ModuleDecoder.decode(opaque(bytes))) }
        case .compile:
            return { blackHole(try CompiledModule(bytes: opaque(bytes))) }
        case .instantiate:
            let compiled = try CompiledModule(bytes: bytes)
            return { blackHole(try Runtime().instantiate(opaque(compiled))) }
        case .stringOpsWrapper:
            return { blackHole(try WasmStringOps(bytes: opaque(StringOpsModule.bytes))) }
        }
    }

    /// `Fixtures/large/large.wasm` if present, else the largest kernel module.
    static func largestModule() throws -> (name: String, bytes: [UInt8]) {
        if let bytes = try? FixtureDirectory.bytes("large/large.wasm") {
            return ("Fixtures/large/large.wasm", bytes)
        }
        let kernels = try FixtureDirectory.url().appendingPathComponent("kernels")
        let files = try FileManager.default.contentsOfDirectory(atPath: kernels.path).filter { $0.hasSuffix(".wasm") }
        let sized = try files.map { ($0, try FixtureDirectory.bytes("kernels/\($0)")) }
        guard let largest = sized.max(by: { $0.1.count < $1.1.count }) else {
            throw BenchmarkError("no module in Fixtures/large or Fixtures/kernels")
        }
        return ("Fixtures/kernels/\(largest.0)", largest.1)
    }
}
