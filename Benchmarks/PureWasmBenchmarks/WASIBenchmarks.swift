import Foundation
import WasmBinary
import WasmInterpreter
import WasmWASI

/// WASI's host boundary: a C program writing 100 MiB to standard output (a file descriptor on
/// /dev/null, as a shell redirect gives) in 4 KiB `write` calls, and one reading a 100 MiB file
/// in 4 KiB `read` calls (`Fixtures/wasi/throughput`). One run is the whole program: instantiate
/// and `_start`. MB/s is 10^6 bytes per second.
struct WASIBenchmarks: BenchmarkSuite {
    static let size = 100 << 20
    static let writeName = "wasi/write 100MiB to /dev/null (4KiB writes)"
    static let readName = "wasi/read 100MiB file (4KiB reads)"

    var names: [String] { [Self.writeName, Self.readName] }

    func run(_ options: Options) throws -> [BenchmarkRecord] {
        let selected = names.filter(options.selects)
        guard !selected.isEmpty else { return [] }
        var table = TextTable(title: "WASI programs moving 100 MiB through fd_write and fd_read, 4 KiB per call",
                              header: ["program", "median", "spread", "MB/s"])
        var records: [BenchmarkRecord] = []
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("purewasm-wasi-read-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in selected {
            reportProgress(name)
            let body = try name == Self.writeName ? Self.writer() : Self.reader(in: folder)
            try body()  // checked before timing
            let samples = try options.sampler.measure(body)
            let rate = Double(Self.size) / samples.median
            table.append([String(name.dropFirst("wasi/".count)), Format.duration(samples.median), Format.spread(samples),
                          Format.significant(rate / 1e6)])
            records.append(BenchmarkRecord(name: name, engine: "PureWasm", samples: samples, metrics: ["bytesPerSecond": rate]))
        }
        table.print()
        return records
    }

    /// A run of `write_stdout.wasm` with standard output on /dev/null; it exits 1 on a short write.
    static func writer() throws -> () throws -> Void {
        let module = try CompiledModule(bytes: FixtureDirectory.bytes("wasi/throughput/write_stdout.wasm"))
        return {
            let configuration = WASIConfiguration(arguments: ["write_stdout.wasm", "\(size)"],
                                                  standardOutput: .file(path: "/dev/null"))
            let code = try run(module, configuration)
            guard code == 0 else { throw BenchmarkError.wrongResult("write_stdout", expected: "exit code 0", actual: "\(code)") }
        }
    }

    /// A run of `read_file.wasm` over a 100 MiB file made once in `folder`; its printed checksum
    /// is checked.
    static func reader(in folder: URL) throws -> () throws -> Void {
        let module = try CompiledModule(bytes: FixtureDirectory.bytes("wasi/throughput/read_file.wasm"))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var bytes = [UInt8](repeating: 0, count: size)
        var state: UInt32 = 2_463_534_242
        var checksum: UInt32 = 0
        for index in stride(from: 0, to: size, by: 4) {
            state ^= state << 13
            state ^= state >> 17
            state ^= state << 5
            withUnsafeBytes(of: state.littleEndian) { bytes.replaceSubrange(index..<(index + 4), with: $0) }
            if index % 4096 == 0 { checksum &+= state }
        }
        try Data(bytes).write(to: folder.appendingPathComponent("data.bin"))
        let expected = "\(size) bytes, checksum \(checksum)\n"
        return {
            let output = WASIOutputBuffer()
            let configuration = WASIConfiguration(
                arguments: ["read_file.wasm", "data.bin"],
                preopenedDirectories: [PreopenedDirectory(hostPath: folder.path, guestPath: ".", readOnly: true)],
                standardOutput: .buffer(output))
            let code = try run(module, configuration)
            guard code == 0, output.text == expected else {
                throw BenchmarkError.wrongResult("read_file", expected: expected, actual: "exit \(code), \(output.text)")
            }
        }
    }

    static func run(_ module: CompiledModule, _ configuration: WASIConfiguration) throws -> UInt32 {
        let wasi = try WASI(configuration: configuration)
        return try wasi.start(try wasi.instantiate(module, in: Runtime()))
    }
}
