import Foundation
import StringOps

/// The design guide's section 4.2 table, done on this engine: the stringOps wrapper
/// (``WasmStringOps``, the module run by the interpreter) against the pure-Swift fallback
/// (``SwiftStringOps``); then the same operations at growing input sizes, and on empty input,
/// where only the wrapper's per-call cost remains.
struct StringOpsBenchmarks: BenchmarkSuite {
    static let sentence = "The quick brown fox jumps over the lazy dog"
    /// The guide's input: the sentence 100 times (4,300 bytes).
    static let guideText = String(repeating: sentence, count: 100)
    static let guideNeedle = "lazy"
    static let sizes = [64, 4 << 10, 64 << 10, 1 << 20]
    /// Never occurs in the repeated sentence ("lazy" is always followed by " dog"), so a search
    /// scans the whole input.
    static let absentNeedle = Array("lazy cat".utf8)

    enum Operation: String, CaseIterable {
        case fastHash, fastCompare, fastSearch
    }

    var names: [String] {
        Operation.allCases.map { "stringops/guide/\($0)" }
            + Operation.allCases.flatMap { operation in Self.sizes.map { Self.sizeName(operation, $0) } }
            + Operation.allCases.map { "stringops/empty/\($0)" }
    }

    func run(_ options: Options) throws -> [BenchmarkRecord] {
        guard names.contains(where: options.selects) else { return [] }
        let wasm = try WasmStringOps()
        let swift = SwiftStringOps()
        var records: [BenchmarkRecord] = []
        records += try guideTable(wasm, swift, options)
        records += try sizeTable(wasm, swift, options)
        records += try emptyTable(wasm, swift, options)
        return records
    }

    // MARK: Tables

    private func guideTable(_ wasm: WasmStringOps, _ swift: SwiftStringOps, _ options: Options) throws -> [BenchmarkRecord] {
        let text = Self.guideText
        let needle = Self.guideNeedle
        let expected: [Operation: Int?] = [.fastHash: Self.referenceHash(Array(text.utf8)), .fastCompare: 0, .fastSearch: 35]
        var table = TextTable(
            title: "stringOps, the guide's section 4.2: \"\(Self.sentence)\" × 100 (\(text.utf8.count) bytes),"
                + " needle \"\(needle)\", compare with itself; String in, result out",
            header: ["operation", "PureWasm wrapper", "Swift fallback", "wrapper calls/s", "Swift calls/s",
                     "wrapper vs Swift", "spread wrapper", "spread Swift"])
        var records: [BenchmarkRecord] = []
        for operation in Operation.allCases {
            let name = "stringops/guide/\(operation)"
            guard options.selects(name) else { continue }
            reportProgress(name)
            let pair = try measurePair(
                name: name, expected: expected[operation] ?? nil, options,
                wasm: Self.stringCall(wasm, operation, text, needle), swift: Self.stringCall(swift, operation, text, needle))
            table.append([operation.rawValue, Format.duration(pair.wasm.median), Format.duration(pair.swift.median),
                          Format.rate(1 / pair.wasm.median), Format.rate(1 / pair.swift.median),
                          Self.comparison(pair.wasm.median, pair.swift.median),
                          Format.spread(pair.wasm), Format.spread(pair.swift)])
            records += pair.records(name: name, bytes: text.utf8.count)
        }
        if !records.isEmpty { table.print() }
        return records
    }

    private func sizeTable(_ wasm: WasmStringOps, _ swift: SwiftStringOps, _ options: Options) throws -> [BenchmarkRecord] {
        var table = TextTable(
            title: "stringOps by input size: the sentence repeated to the size; compare against an equal copy;"
                + " search for an absent needle \"lazy cat\" (a full scan); bytes in",
            header: ["operation", "input", "PureWasm wrapper", "Swift fallback", "wrapper vs Swift",
                     "wrapper MB/s", "Swift MB/s", "spread wrapper"])
        var records: [BenchmarkRecord] = []
        let sentence = Array(Self.sentence.utf8)
        for operation in Operation.allCases {
            for size in Self.sizes {
                let name = Self.sizeName(operation, size)
                guard options.selects(name) else { continue }
                reportProgress(name)
                let input = (0..<size).map { sentence[$0 % sentence.count] }
                let copy = Array(input[...])
                let expected: Int? = switch operation {
                case .fastHash: Self.referenceHash(input)
                case .fastCompare: 0
                case .fastSearch: nil
                }
                let pair = try measurePair(
                    name: name, expected: expected, options,
                    wasm: Self.bytesCall(wasm, operation, input, copy, Self.absentNeedle),
                    swift: Self.bytesCall(swift, operation, input, copy, Self.absentNeedle))
                table.append([operation.rawValue, Format.bytes(size), Format.duration(pair.wasm.median),
                              Format.duration(pair.swift.median), Self.comparison(pair.wasm.median, pair.swift.median),
                              Format.significant(Double(size) / pair.wasm.median / 1e6),
                              Format.significant(Double(size) / pair.swift.median / 1e6), Format.spread(pair.wasm)])
                records += pair.records(name: name, bytes: size)
            }
        }
        if !records.isEmpty { table.print() }
        return records
    }

    private func emptyTable(_ wasm: WasmStringOps, _ swift: SwiftStringOps, _ options: Options) throws -> [BenchmarkRecord] {
        var table = TextTable(
            title: "stringOps on empty input: the wrapper's cost per call (arguments placed in memory, call, result read back)",
            header: ["operation", "PureWasm wrapper", "Swift fallback", "wrapper cost per call", "wrapper calls/s", "spread wrapper"])
        var records: [BenchmarkRecord] = []
        let expected: [Operation: Int?] = [.fastHash: Self.referenceHash([]), .fastCompare: 0, .fastSearch: 0]
        for operation in Operation.allCases {
            let name = "stringops/empty/\(operation)"
            guard options.selects(name) else { continue }
            reportProgress(name)
            let pair = try measurePair(
                name: name, expected: expected[operation] ?? nil, options,
                wasm: Self.bytesCall(wasm, operation, [], [], []), swift: Self.bytesCall(swift, operation, [], [], []))
            table.append([operation.rawValue, Format.duration(pair.wasm.median), Format.duration(pair.swift.median),
                          Format.duration(pair.wasm.median - pair.swift.median), Format.rate(1 / pair.wasm.median),
                          Format.spread(pair.wasm)])
            records += pair.records(name: name, bytes: 0)
        }
        if !records.isEmpty { table.print() }
        return records
    }

    // MARK: Measuring

    private struct Pair {
        let wasm: Samples
        let swift: Samples

        func records(name: String, bytes: Int) -> [BenchmarkRecord] {
            [("PureWasm wrapper", wasm), ("Swift fallback", swift)].map { engine, samples in
                var metrics = ["callsPerSecond": 1 / samples.median]
                if bytes > 0 { metrics["bytesPerSecond"] = Double(bytes) / samples.median }
                return BenchmarkRecord(name: name, engine: engine, samples: samples, metrics: metrics)
            }
        }
    }

    /// Checks both backends' answers against `expected`, then measures them interleaved.
    private func measurePair(
        name: String, expected: Int?, _ options: Options,
        wasm: @escaping () throws -> Int?, swift: @escaping () throws -> Int?
    ) throws -> Pair {
        for (backend, call) in [("PureWasm wrapper", wasm), ("Swift fallback", swift)] {
            let actual = try call()
            guard actual == expected else {
                throw BenchmarkError.wrongResult("\(name) (\(backend))", expected: "\(expected as Any)", actual: "\(actual as Any)")
            }
        }
        let samples = try options.sampler.measureInterleaved([{ blackHole(try wasm()) }, { blackHole(try swift()) }])
        return Pair(wasm: samples[0], swift: samples[1])
    }

    /// One call through the `String` API, as the guide's benchmark makes it.
    private static func stringCall<Backend: StringOperations>(
        _ backend: Backend, _ operation: Operation, _ text: String, _ needle: String
    ) -> () throws -> Int? {
        switch operation {
        case .fastHash: return { Int(try backend.hash(opaque(text))) }
        case .fastCompare: return { try backend.compare(opaque(text), opaque(text)) }
        case .fastSearch: return { try backend.search(opaque(text), for: opaque(needle)) }
        }
    }

    /// One call through the byte API.
    private static func bytesCall<Backend: StringOperations>(
        _ backend: Backend, _ operation: Operation, _ first: [UInt8], _ second: [UInt8], _ needle: [UInt8]
    ) -> () throws -> Int? {
        switch operation {
        case .fastHash: return { Int(try backend.hash(opaque(first))) }
        case .fastCompare: return { try backend.compare(opaque(first), opaque(second)) }
        case .fastSearch: return { try backend.search(opaque(first), for: opaque(needle)) }
        }
    }

    /// "stringops/size/fastHash/4KiB".
    static func sizeName(_ operation: Operation, _ size: Int) -> String {
        "stringops/size/\(operation)/\(Format.bytes(size).replacingOccurrences(of: " ", with: ""))"
    }

    /// "12.3× slower" or "2.0× faster": the wrapper's time against the fallback's.
    static func comparison(_ wasm: Double, _ swift: Double) -> String {
        wasm >= swift ? "\(Format.ratio(wasm / swift)) slower" : "\(Format.ratio(swift / wasm)) faster"
    }

    /// FNV-1a written out here, independently of both backends.
    static func referenceHash(_ bytes: [UInt8]) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int(hash)
    }
}
