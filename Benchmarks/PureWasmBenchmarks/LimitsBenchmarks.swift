import Foundation
import WasmInterpreter

/// What running untrusted code costs: each kernel of `Fixtures/kernels` in a plain runtime, in
/// one that consumes fuel (code with a fuel charge per block, with more fuel than the kernel
/// needs) and in one that can be interrupted (its `InterruptHandle` handed out and a time limit
/// of an hour on every call), the three runs' samples interleaved. The checks for an interrupt
/// at backward jumps and calls are in every runtime's code; what they cost against code without
/// them is measured by building the engine before and after they were added (README).
struct LimitsBenchmarks: BenchmarkSuite {
    var names: [String] { KernelCatalog.all.map { "limits/\($0.label)" } }

    func run(_ options: Options) throws -> [BenchmarkRecord] {
        let cases = KernelCatalog.all.filter { options.selects("limits/\($0.label)") }
        guard !cases.isEmpty else { return [] }
        var table = TextTable(
            title: "Limits (Fixtures/kernels): plain, with fuel, interruptible with a time limit; samples interleaved;"
                + " ratio = against plain",
            header: ["kernel", "plain", "fuel", "fuel ÷ plain", "interruptible", "interruptible ÷ plain",
                     "spread plain", "spread fuel", "spread interruptible"])
        var records: [BenchmarkRecord] = []
        var ratios: [(fuel: Double, interruptible: Double)] = []
        var fuelConfiguration = RuntimeConfiguration()
        fuelConfiguration.fuel = UInt64(Int64.max)
        for kernel in cases {
            let name = "limits/\(kernel.label)"
            reportProgress(name)
            let bytes = try FixtureDirectory.bytes(kernel.path)
            let plain = try PureWasmKernel(kernel, bytes: bytes)
            let fuel = try PureWasmKernel(kernel, bytes: bytes, configuration: fuelConfiguration)
            let interruptible = try PureWasmKernel(kernel, bytes: bytes) { runtime in
                _ = runtime.interruptHandle
                runtime.callTimeLimit = .seconds(3600)
            }
            let samples = try options.sampler.measureInterleaved([{ try plain.run() }, { try fuel.run() }, { try interruptible.run() }])
            let ratio = (fuel: samples[1].median / samples[0].median, interruptible: samples[2].median / samples[0].median)
            ratios.append(ratio)
            table.append([kernel.label] + [Format.duration(samples[0].median), Format.duration(samples[1].median), Format.ratio(ratio.fuel),
                                           Format.duration(samples[2].median), Format.ratio(ratio.interruptible)]
                         + samples.map(Format.spread))
            for (engine, engineSamples) in zip(["PureWasm", "PureWasm fuel", "PureWasm interruptible"], samples) {
                records.append(BenchmarkRecord(name: name, engine: engine, samples: engineSamples))
            }
        }
        if ratios.count > 1 {
            let fuel = Self.geometricMean(ratios.map(\.fuel)), interruptible = Self.geometricMean(ratios.map(\.interruptible))
            table.append(["geometric mean", "", "", Format.ratio(fuel), "", Format.ratio(interruptible), "", "", ""])
        }
        table.print()
        return records
    }

    static func geometricMean(_ values: [Double]) -> Double {
        exp(values.map(log).reduce(0, +) / Double(values.count))
    }
}
