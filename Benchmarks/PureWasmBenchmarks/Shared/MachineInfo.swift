import Foundation

/// What the numbers were measured on: date, processor, load.
struct MachineInfo: Codable, Sendable {
    let date: String
    let architecture: String
    let processorCount: Int
    let cpuModel: String
    /// The 1, 5 and 15 minute load averages when the run started.
    let loadAverage: String

    /// Reads the current machine.
    static func current() -> MachineInfo {
        var name = utsname()
        uname(&name)
        let machine = withUnsafeBytes(of: &name.machine) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
        let load = ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "")
            .split(separator: " ").prefix(3).joined(separator: " ")
        return MachineInfo(
            date: ISO8601DateFormatter().string(from: Date()),
            architecture: machine,
            processorCount: ProcessInfo.processInfo.activeProcessorCount,
            cpuModel: model,
            loadAverage: load.isEmpty ? "unknown" : load)
    }

    /// One line for the top of a report.
    var summary: String {
        "\(date) · \(architecture) · \(processorCount) cores · \(cpuModel) · load average \(loadAverage)"
    }
}
