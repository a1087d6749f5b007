import Foundation

/// The programs of `Fixtures/programs` at the sizes the benchmarks time, each with the result of
/// its native (gcc) build, read from `Fixtures/programs/expected.txt` (written by its build.sh).
enum ProgramCatalog {
    /// Every program of expected.txt at its benchmark size (its last line there), in file order.
    static func all() throws -> [KernelCase] {
        let file = try FixtureDirectory.url().appendingPathComponent("programs/expected.txt")
        guard let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8) else {
            throw BenchmarkError("cannot read \(file.path)")
        }
        var sizes: [(name: String, size: Int, result: UInt32)] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: " ")
            guard fields.count == 3, let size = Int(fields[1]), let result = UInt32(fields[2]) else {
                throw BenchmarkError("\(file.path): cannot read the line '\(line)' (expected NAME SIZE RESULT)")
            }
            sizes.append((String(fields[0]), size, result))
        }
        var cases: [KernelCase] = []
        var seen: Set<String> = []
        // The last line of each program is its benchmark size.
        for entry in sizes.reversed() where !seen.contains(entry.name) {
            seen.insert(entry.name)
            cases.append(KernelCase(entry.name, folder: "programs", file: "\(entry.name).wasm", size: entry.size,
                                    expected: .i32(entry.result)))
        }
        guard !cases.isEmpty else { throw BenchmarkError("\(file.path) lists no programs") }
        return cases.reversed()
    }

    /// The benchmark names, for `--list`; empty when expected.txt cannot be read (running then
    /// reports why).
    static var names: [String] { ((try? all()) ?? []).map(\.benchmarkName) }
}
