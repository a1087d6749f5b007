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
        let cases = KernelCatalog.all.filter { options.selects($0.benchmarkName) }
        let startup = options.selects(StartupComparison.name)
        if options.listOnly {
            cases.forEach { print($0.benchmarkName) }
            if startup { print(StartupComparison.name) }
            return
        }
        guard !cases.isEmpty || startup else {
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
        var table = TextTable(
            title: "Kernels (Fixtures/kernels; one run = one call on a warm instance, result checked)",
            header: ["kernel", "PureWasm", "WasmKit direct", "WasmKit token", "ours ÷ direct", "ours ÷ token",
                     "spread ours", "spread direct", "spread token"])
        var report = BenchmarkReport(tool: program, machine: machine, sampleCount: sampler.sampleCount,
                                     minimumSampleSeconds: sampler.minimumSampleSeconds)
        for kernel in cases {
            reportProgress(kernel.benchmarkName)
            let bytes = try FixtureDirectory.bytes("kernels/\(kernel.file)")
            let ours = try PureWasmKernel(kernel, bytes: bytes)
            let direct = try WasmKitKernel(kernel, bytes: bytes, threadingModel: .direct)
            let token = try WasmKitKernel(kernel, bytes: bytes, threadingModel: .token)
            let samples = try sampler.measureInterleaved([{ try ours.run() }, { try direct.run() }, { try token.run() }])
            table.append([kernel.label] + samples.map { Format.duration($0.median) }
                         + [samples[0].median / samples[1].median, samples[0].median / samples[2].median].map(Format.ratio)
                         + samples.map(Format.spread))
            for (engine, engineSamples) in zip(engines, samples) {
                report.records.append(BenchmarkRecord(name: kernel.benchmarkName, engine: engine, samples: engineSamples))
            }
        }
        if !cases.isEmpty { table.print() }
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
}
