/// Engine throughput: each kernel of `Fixtures/kernels` and each program of `Fixtures/programs`,
/// its result checked on every run.
struct KernelBenchmarks: BenchmarkSuite {
    var names: [String] { KernelCatalog.all.map(\.benchmarkName) + ProgramCatalog.names }

    func run(_ options: Options) throws -> [BenchmarkRecord] {
        var records = try run(KernelCatalog.all, options,
                              title: "Engine throughput (Fixtures/kernels; one run = one call of the export on a warm instance)", rowName: "kernel")
        if options.filters.isEmpty || ProgramCatalog.names.contains(where: options.selects) {
            records += try run(ProgramCatalog.all(), options,
                               title: "Programs (Fixtures/programs; one run = one call on a warm instance, result checked against the native build)",
                               rowName: "program")
        }
        return records
    }

    private func run(_ all: [KernelCase], _ options: Options, title: String, rowName: String) throws -> [BenchmarkRecord] {
        let cases = all.filter { options.selects($0.benchmarkName) }
        guard !cases.isEmpty else { return [] }
        var table = TextTable(title: title, header: [rowName, "median", "spread", "runs/sample", "wasm instr/s", "ns/instr", "result"])
        var records: [BenchmarkRecord] = []
        for kernel in cases {
            reportProgress(kernel.benchmarkName)
            let bytes = try FixtureDirectory.bytes(kernel.path)
            let loaded = try PureWasmKernel(kernel, bytes: bytes)
            let samples = try options.sampler.measure { try loaded.run() }
            var metrics: [String: Double] = [:]
            var perSecond = "-"
            var perInstruction = "-"
            if let instructions = kernel.instructions {
                let rate = Double(instructions) / samples.median
                metrics["instructionsPerSecond"] = rate
                perSecond = Format.rate(rate)
                perInstruction = Format.significant(1e9 / rate)
            }
            table.append([kernel.label, Format.duration(samples.median), Format.spread(samples),
                          "\(samples.iterationsPerSample)", perSecond, perInstruction, "ok"])
            records.append(BenchmarkRecord(name: kernel.benchmarkName, engine: "PureWasm", samples: samples, metrics: metrics))
        }
        table.print()
        return records
    }
}
