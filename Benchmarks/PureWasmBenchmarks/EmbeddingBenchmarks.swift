import WasmBinary
import WasmInterpreter

/// What the embedding API costs around the wasm code itself: one call of a function that returns
/// at once (through `Function.call` and through a `TypedFunction`), and copying bytes into and
/// out of linear memory (what the stringOps wrapper does for every argument), against a plain
/// copy through the memory's buffer.
struct EmbeddingBenchmarks: BenchmarkSuite {
    static let sizes = [4 << 10, 1 << 20]

    /// `(module (func (export "identity") (param i32) (result i32) (local.get 0)))`.
    static let identityModule: [UInt8] = [
        0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x06, 0x01, 0x60, 0x01, 0x7F, 0x01, 0x7F,  // type: (i32) -> (i32)
        0x03, 0x02, 0x01, 0x00,  // one function of type 0
        0x07, 0x0C, 0x01, 0x08, 0x69, 0x64, 0x65, 0x6E, 0x74, 0x69, 0x74, 0x79, 0x00, 0x00,  // export "identity"
        0x0A, 0x06, 0x01, 0x04, 0x00, 0x20, 0x00, 0x0B,  // body: local.get 0
    ]

    /// The exported identity function, instantiated in a runtime of its own.
    static func identity() throws -> Function {
        let instance = try Runtime().instantiate(try CompiledModule(bytes: identityModule))
        guard let function = instance.function("identity") else { throw BenchmarkError("the identity module exports no 'identity'") }
        return function
    }

    private enum Operation: String, CaseIterable {
        case write = "Memory.write"
        case read = "Memory.read"
        case bufferCopy = "copy into withUnsafeMutableBytes"
    }

    var names: [String] {
        ["embedding/call fib(1)", "embedding/Function.call identity(i32)", "embedding/typed call identity(i32)"]
            + Operation.allCases.flatMap { operation in
                Self.sizes.map { "embedding/\(operation.rawValue) \(Format.bytes($0).replacingOccurrences(of: " ", with: ""))" }
            }
    }

    func run(_ options: Options) throws -> [BenchmarkRecord] {
        let selected = names.filter(options.selects)
        guard !selected.isEmpty else { return [] }
        var table = TextTable(
            title: "Embedding API: a call of fib(1) through Function.call; of an (i32) -> i32 identity through Function.call"
                + " and through a TypedFunction; copies of [UInt8] into and out of linear memory",
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
        if options.selects(names[1]) {
            let identity = try Self.identity()
            guard try identity.call([.i32(7)]) == [.i32(7)] else {
                throw BenchmarkError.wrongResult(names[1], expected: "[i32:7]", actual: "\(try identity.call([.i32(7)]))")
            }
            try add(names[1], bytes: 0) { blackHole(try identity.call([.i32(opaque(7))])) }
        }
        if options.selects(names[2]) {
            let identity = try Self.identity().typed(((Int32) -> Int32).self)
            guard try identity(-7) == -7 else {
                throw BenchmarkError.wrongResult(names[2], expected: "-7", actual: "\(try identity(-7))")
            }
            try add(names[2], bytes: 0) { blackHole(try identity(opaque(7))) }
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
