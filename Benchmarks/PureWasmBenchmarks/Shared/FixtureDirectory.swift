import Foundation

/// The package's `Fixtures` folder, found from this source file's location (so the benchmarks run
/// from any working directory and embed no module bytes).
enum FixtureDirectory {
    /// The `Fixtures` folder of the package this file belongs to.
    static func url(filePath: String = #filePath) throws -> URL {
        if let path = ProcessInfo.processInfo.environment["PUREWASM_FIXTURES"] {
            return URL(fileURLWithPath: path)
        }
        // This file lies somewhere under Benchmarks/ (through a symbolic link for the peer
        // package); the package root is the nearest ancestor holding Fixtures/kernels.
        var directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("Fixtures")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("kernels").path) {
                return candidate
            }
            directory.deleteLastPathComponent()
        }
        throw BenchmarkError("cannot find Fixtures/kernels above \(filePath); set PUREWASM_FIXTURES")
    }

    /// The bytes of `Fixtures/<relativePath>`.
    static func bytes(_ relativePath: String) throws -> [UInt8] {
        let file = try url().appendingPathComponent(relativePath)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw BenchmarkError("cannot read \(file.path)")
        }
        return [UInt8](data)
    }
}
