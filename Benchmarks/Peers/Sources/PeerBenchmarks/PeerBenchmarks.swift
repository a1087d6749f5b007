import Foundation
import WasmKit

/// `swift run -c release PeerBenchmarks` (in Benchmarks/Peers): every kernel on PureWasm and on
/// WasmKit 0.4.2 in both of its threading models, interleaved sample by sample in one process.
@main
struct PeerBenchmarks {
    static let program = "PeerBenchmarks"
    static let engines = ["PureWasm", "WasmKit direct", "WasmKit token"]

    static func main() {
        do {
            try run()
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            exit(1)
        }
    }

    static func run() throws {
        let options = try Options.parse(Array(CommandLine.arguments.dropFirst()), program: program)
        if options.showHelp {
            print(Options.usage(program: program))
            return
        }
        let kernels = KernelCatalog.all.filter { options.selects($0.benchmarkName) }
        let programs = options.filters.isEmpty || ProgramCatalog.names.contains(where: options.selects)
            ? try ProgramCatalog.all().filter { options.selects($0.benchmarkName) } : []
        let startup = options.selects(StartupComparison.name)
        if options.listOnly {
            (kernels + programs).forEach { print($0.benchmarkName) }
            if startup { print(StartupComparison.name) }
            return
        }
        guard !kernels.isEmpty || !programs.isEmpty || startup else {
            throw BenchmarkError("no kernel matches \(options.filters); --list shows the names")
        }
        #if DEBUG
        print("WARNING: a debug build; run with `swift run -c release \(program)` for meaningful numbers\n")
        #endif
        let machine = MachineInfo.current()
        let sampler = options.sampler
        print("\(program) · \(machine.summary)")
        print("PureWasm against WasmKit 0.4.2 (direct: handlers chained by C tail calls; token: a Swift switch;"
              + " its default here: \(EngineConfiguration().threadingModel))."
              + " Each figure is the median of \(sampler.sampleCount) samples after warm-up, the engines' samples"
              + " interleaved; ratio = PureWasm ÷ WasmKit (below 1: PureWasm is faster).\n")
        var report = BenchmarkReport(tool: program, machine: machine, sampleCount: sampler.sampleCount,
                                     minimumSampleSeconds: sampler.minimumSampleSeconds)
        var ratios: [(direct: Double, token: Double)] = []
        for (title, rowName, cases) in [
            ("Kernels (Fixtures/kernels; one run = one call on a warm instance, result checked)", "kernel", kernels),
            ("Programs (Fixtures/programs; one run = one call on a warm instance, result checked against the native build)", "program", programs),
        ] where !cases.isEmpty {
            var table = TextTable(
                title: title,
                header: [rowName, "PureWasm", "WasmKit direct", "WasmKit token", "ours ÷ direct", "ours ÷ token",
                         "spread ours", "spread direct", "spread token"])
            for kernel in cases {
                reportProgress(kernel.benchmarkName)
                let bytes = try FixtureDirectory.bytes(kernel.path)
                let ours = try PureWasmKernel(kernel, bytes: bytes)
                let direct = try WasmKitKernel(kernel, bytes: bytes, threadingModel: .direct)
                let token = try WasmKitKernel(kernel, bytes: bytes, threadingModel: .token)
                let samples = try sampler.measureInterleaved([{ try ours.run() }, { try direct.run() }, { try token.run() }])
                let ratio = (direct: samples[0].median / samples[1].median, token: samples[0].median / samples[2].median)
                ratios.append(ratio)
                table.append([kernel.label] + samples.map { Format.duration($0.median) }
                             + [ratio.direct, ratio.token].map(Format.ratio)
                             + samples.map(Format.spread))
                for (engine, engineSamples) in zip(engines, samples) {
                    report.records.append(BenchmarkRecord(name: kernel.benchmarkName, engine: engine, samples: engineSamples))
                }
            }
            table.print()
        }
        if ratios.count > 1 {
            let direct = ratios.map(\.direct), token = ratios.map(\.token)
            print("Over these \(ratios.count) rows, ours ÷ direct: geometric mean \(Format.ratio(geometricMean(direct)))"
                  + ", highest \(Format.ratio(direct.max() ?? 0)); ours ÷ token: geometric mean \(Format.ratio(geometricMean(token)))\n")
        }
        if startup {
            let (startupTable, records) = try StartupComparison.run(options, engines: engines)
            startupTable.print()
            report.records += records
        }
        if let path = options.jsonPath {
            try report.write(to: path)
            print("wrote \(path)")
        }
    }

    static func geometricMean(_ values: [Double]) -> Double {
        exp(values.map(log).reduce(0, +) / Double(values.count))
    }
}
