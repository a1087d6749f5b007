import Foundation

/// A group of benchmarks: the guide's stringOps table, the kernels, start-up.
protocol BenchmarkSuite {
    /// The names of all its benchmarks, as `--filter` matches them.
    var names: [String] { get }
    /// Runs the benchmarks `options` selects, prints their tables and returns their records.
    func run(_ options: Options) throws -> [BenchmarkRecord]
}

/// `swift run -c release PureWasmBenchmarks`: the engine's performance, measured the same way
/// every time (see Benchmarks/README.md).
@main
struct PureWasmBenchmarks {
    static let program = "PureWasmBenchmarks"

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
        if let name = options.probe {
            guard let probe = AllocationProbe(rawValue: name) else {
                throw BenchmarkError("no probe '\(name)'; probes: " + AllocationProbe.allCases.map(\.rawValue).joined(separator: ", "))
            }
            try probe.run(calls: options.probeCalls)
            return
        }
        let suites: [any BenchmarkSuite] = [StringOpsBenchmarks(), KernelBenchmarks(), StartupBenchmarks(), EmbeddingBenchmarks(),
                                              MemoryGrowthBenchmarks(), WASIBenchmarks()]
        let selected = suites.flatMap(\.names).filter(options.selects)
        if options.listOnly {
            selected.forEach { print($0) }
            return
        }
        guard !selected.isEmpty || options.countAllocations else {
            throw BenchmarkError("no benchmark matches \(options.filters); --list shows the names")
        }
        #if DEBUG
        print("WARNING: a debug build; run with `swift run -c release \(program)` for meaningful numbers\n")
        #endif
        let machine = MachineInfo.current()
        let sampler = options.sampler
        print("\(program) · \(machine.summary)")
        print("Each figure is the median of \(sampler.sampleCount) samples after warm-up; a sample batches runs until it lasts"
              + " ≥ \(Format.duration(sampler.minimumSampleSeconds)); spread is the min and max sample against the median.\n")
        var report = BenchmarkReport(tool: program, machine: machine, sampleCount: sampler.sampleCount,
                                     minimumSampleSeconds: sampler.minimumSampleSeconds)
        for suite in suites {
            report.records += try suite.run(options)
        }
        if options.countAllocations {
            report.records += countAllocations()
        }
        if let path = options.jsonPath {
            try report.write(to: path)
            print("wrote \(path)")
        }
    }

    /// The allocations per call of every ``AllocationProbe``, as a table and as records (the
    /// count in the record's metrics; its time is the time valgrind took).
    static func countAllocations() -> [BenchmarkRecord] {
        var table = TextTable(
            title: "Heap allocations per call (valgrind memcheck's malloc count over \(AllocationCounter.manyCalls)"
                + " and \(AllocationCounter.fewCalls) calls, difference ÷ \(AllocationCounter.manyCalls - AllocationCounter.fewCalls))",
            header: ["call", "allocations/call", "counted"])
        var records: [BenchmarkRecord] = []
        for probe in AllocationProbe.allCases {
            reportProgress("allocations/\(probe.rawValue)")
            let count = AllocationCounter.allocationsPerCall(probe)
            table.append([probe.rawValue, count.perCall.map { $0 == $0.rounded() ? "\(Int($0))" : Format.significant($0) } ?? "-", count.note])
            if let perCall = count.perCall {
                records.append(BenchmarkRecord(name: "allocations/\(probe.rawValue)", engine: "PureWasm",
                                               samples: Samples(secondsPerRun: [0], iterationsPerSample: 1),
                                               metrics: ["allocationsPerCall": perCall]))
            }
        }
        table.print()
        return records
    }
}
