import Foundation

/// One measured benchmark as written to `--json`.
struct BenchmarkRecord: Codable, Sendable {
    /// The name `--filter` matches, e.g. "kernel/fib(30)" or "stringops/guide/fastHash/wasm".
    let name: String
    /// Which engine or backend ran it.
    let engine: String
    let medianSeconds: Double
    let minimumSeconds: Double
    let maximumSeconds: Double
    let lowerQuartileSeconds: Double
    let upperQuartileSeconds: Double
    let samples: [Double]
    let iterationsPerSample: Int
    /// Derived figures: "instructionsPerSecond", "bytesPerSecond", "callsPerSecond".
    let metrics: [String: Double]

    init(name: String, engine: String, samples: Samples, metrics: [String: Double] = [:]) {
        self.name = name
        self.engine = engine
        medianSeconds = samples.median
        minimumSeconds = samples.minimum
        maximumSeconds = samples.maximum
        lowerQuartileSeconds = samples.lowerQuartile
        upperQuartileSeconds = samples.upperQuartile
        self.samples = samples.secondsPerRun
        iterationsPerSample = samples.iterationsPerSample
        self.metrics = metrics
    }
}

/// Everything one run of a benchmark executable measured.
struct BenchmarkReport: Codable, Sendable {
    let tool: String
    let machine: MachineInfo
    let sampleCount: Int
    let minimumSampleSeconds: Double
    var records: [BenchmarkRecord] = []

    /// Writes the report as pretty-printed JSON.
    func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: URL(fileURLWithPath: path))
    }
}
