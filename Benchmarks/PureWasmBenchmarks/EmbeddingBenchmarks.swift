import WasmBinary
import WasmInterpreter

/// What the embedding API costs around the wasm code itself: one call of a function that returns
/// at once, and copying bytes into and out of linear memory (what the stringOps wrapper does for
/// every argument), against a plain copy through the memory's buffer.
struct EmbeddingBenchmarks: BenchmarkSuite {
    static let sizes = [4 << 10, 1 << 20]

    private enum Operation: String, CaseIterable {
        case write = "Memory.write"
        case read = "Memory.read"
        case bufferCopy = "copy into withUnsafeMutableBytes"
    }

    var names: [String] {
        ["embedding/call fib(1)"]
            + Operation.allCases.flatMap { operation in
                Self.sizes.map { "embedding/\(operation.rawValue) \(Format.bytes($0).replacingOccurrences(of: " ", with: ""))" }
            }
    }

    func run(_ options: Options) throws -> [BenchmarkRecord] {
        let selected = names.filter(options.selects)
        guard !selected.isEmpty else { return [] }
        var table = TextTable(
            title: "Embedding API: a call of fib(1) (returns at once) through Function.call, and copies of [UInt8] into and out of linear memory",
            header: ["operation", "median", "spread", "MB/s"])
        var records: [BenchmarkRecord] = []
        func add(_ name: String, bytes: Int, _ body: () throws -> Void) throws {
            reportProgress(name)
            let samples = try options.sampler.measure(body)
            table.append([String(name.dropFirst("embedding/".count)), Format.duration(samples.median), Format.spread(samples),
                          bytes > 0 ? Format.significant(Double(bytes) / samples.median / 1e6) : "-"])
            records.append(BenchmarkRecord(name: name, engine: "PureWasm", samples: samples,
                                           metrics: bytes > 0 ? ["bytesPerSecond": Double(bytes) / samples.median] : [:]))
        }

        if options.selects(names[0]) {
            let fib = try PureWasmKernel(KernelCase("fib", file: "fib.wasm", size: 1, expected: .i32(1)),
                                         bytes: FixtureDirectory.bytes("kernels/fib.wasm"))
            try add(names[0], bytes: 0) { try fib.run() }
        }
        let memory = try Runtime().createMemory(MemoryType(limits: Limits(min: 32, max: nil)))
        for operation in Operation.allCases {
            for size in Self.sizes {
                let name = "embedding/\(operation.rawValue) \(Format.bytes(size).replacingOccurrences(of: " ", with: ""))"
                guard options.selects(name) else { continue }
                let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
                try memory.write(bytes, at: 0)
                guard try memory.read(at: 0, count: size) == bytes else {
                    throw BenchmarkError.wrongResult("\(name) round trip", expected: "the bytes written", actual: "other bytes")
                }
                switch operation {
                case .write: try add(name, bytes: size) { try memory.write(opaque(bytes), at: 0) }
                case .read: try add(name, bytes: size) { blackHole(try memory.read(at: 0, count: opaque(size))) }
                case .bufferCopy:
                    try add(name, bytes: size) {
                        memory.withUnsafeMutableBytes { buffer in
                            opaque(bytes).withUnsafeBytes { source in buffer.copyMemory(from: source) }
                        }
                    }
                }
            }
        }
        table.print()
        return records
    }
}
