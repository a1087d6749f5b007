import Foundation
import TestSupport

/// Runs the `wasm` executable that this test bundle was built with (it sits beside the bundle in
/// the build products folder: the test target depends on it, so `swift test` builds it).
enum WasmProcess {
    struct Output {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// Where the products of this build are: the folder of the test bundle (loaded by a test
    /// runner on Darwin; on Linux the bundle is the running executable itself).
    static let productsFolder: URL = {
        var candidates = Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }.map { $0.bundleURL.deletingLastPathComponent() }
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            candidates.append(executable.deletingLastPathComponent())
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("wasm").path) }
            ?? candidates.first ?? Testsuite.packageRoot.appendingPathComponent(".build/debug")
    }()

    static var executable: URL { productsFolder.appendingPathComponent("wasm") }

    /// Runs `wasm ARGUMENTS` in the package root and collects what it printed.
    static func run(_ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = Testsuite.packageRoot
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus,
                      standardOutput: String(decoding: outputData, as: UTF8.self),
                      standardError: String(decoding: errorData, as: UTF8.self))
    }
}
