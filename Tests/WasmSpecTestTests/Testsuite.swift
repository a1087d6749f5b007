import Foundation

/// Where the official testsuite lives: `$WASM_TESTSUITE`, or `../shared/wasm-testsuite` beside
/// the package root.
enum Testsuite {
    static let root: URL = {
        if let path = ProcessInfo.processInfo.environment["WASM_TESTSUITE"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // WasmSpecTestTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/wasm-testsuite")
    }()

    static let jsonFolder = root.appendingPathComponent("json")

    /// Names of every script in `json/`, sorted; empty when the testsuite is missing.
    static let scriptNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: jsonFolder.path)) ?? []
        return names.filter { name in
            FileManager.default.fileExists(atPath: scriptPath(name))
        }.sorted()
    }()

    /// The scripts the interpreter must pass: all but the SIMD ones (`simd_*`).
    static let nonSIMDScriptNames = scriptNames.filter { !$0.hasPrefix("simd_") }

    static func scriptPath(_ name: String) -> String {
        jsonFolder.appendingPathComponent(name).appendingPathComponent("\(name).json").path
    }

    /// The script's `.wast` source, which the lines of its commands refer to.
    static func sourcePath(_ name: String) -> String {
        root.appendingPathComponent("wast").appendingPathComponent("\(name).wast").path
    }
}
