import Foundation

/// Counts the heap allocations of an ``AllocationProbe``'s call: runs this program under
/// valgrind (memcheck, which counts every malloc, calloc, realloc and aligned allocation) with
/// `--probe NAME --probe-calls N` for two values of N, and divides the difference in allocations
/// by the difference in calls, so that start-up and preparation cancel out.
enum AllocationCounter {
    static let fewCalls = 1_000
    static let manyCalls = 21_000

    /// Allocations per call (a whole number when every call allocates the same), or nil with the
    /// reason when valgrind is not available or fails.
    static func allocationsPerCall(_ probe: AllocationProbe) -> (perCall: Double?, note: String) {
        do {
            let few = try totalAllocations(probe, calls: fewCalls)
            let many = try totalAllocations(probe, calls: manyCalls)
            return (Double(many - few) / Double(manyCalls - fewCalls), "\(many - few) in \(manyCalls - fewCalls) calls")
        } catch {
            return (nil, "\(error)")
        }
    }

    /// The "total heap usage: N allocs" valgrind reports for one probe run.
    static func totalAllocations(_ probe: AllocationProbe, calls: Int) throws -> Int {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["valgrind", "--tool=memcheck", "--leak-check=no", executable,
                             "--probe", probe.rawValue, "--probe-calls", "\(calls)"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchmarkError("valgrind exited with status \(process.terminationStatus): \(output.suffix(300))")
        }
        guard let line = output.split(separator: "\n").first(where: { $0.contains("total heap usage:") }),
              let field = line.split(separator: ":").last?.split(separator: " ").first,
              let count = Int(field.replacingOccurrences(of: ",", with: "")) else {
            throw BenchmarkError("no 'total heap usage' line in valgrind's output")
        }
        return count
    }
}
