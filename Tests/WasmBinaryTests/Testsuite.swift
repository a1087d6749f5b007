import Foundation

/// The official testsuite's wast2json output: where it is and what its scripts contain.
enum Testsuite {
    /// The `json/` folder: `$WASM_TESTSUITE/json` when the variable is set, otherwise
    /// `../shared/wasm-testsuite/json` beside the package root. Nil when it is missing.
    static let jsonDirectory: URL? = {
        let root: URL
        if let path = ProcessInfo.processInfo.environment["WASM_TESTSUITE"], !path.isEmpty {
            root = URL(fileURLWithPath: path)
        } else {
            let packageRoot = URL(fileURLWithPath: #filePath)
                .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            root = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/wasm-testsuite")
        }
        let json = root.appendingPathComponent("json")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: json.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        return json
    }()

    static let missingMessage =
        "The official testsuite was not found: expected ../shared/wasm-testsuite/json beside the package root, or set WASM_TESTSUITE"

    /// One command of a script, with what these tests need of it.
    struct Command: Sendable, CustomStringConvertible {
        var script: String
        var type: String
        var line: Int
        var filename: String?
        var moduleType: String?
        var text: String?
        var description: String { "\(script).wast:\(line) (\(type) \(filename ?? ""))" }
    }

    /// The script names (`binary`, `simd_lane`, ...), sorted; empty when the suite is missing.
    static let scriptNames: [String] = {
        guard let json = jsonDirectory,
              let names = try? FileManager.default.contentsOfDirectory(atPath: json.path) else { return [] }
        return names.filter { FileManager.default.fileExists(atPath: json.appendingPathComponent("\($0)/\($0).json").path) }.sorted()
    }()

    /// The commands of one script.
    static func commands(of script: String) throws -> [Command] {
        guard let json = jsonDirectory else { throw TestsuiteMissing() }
        let data = try Data(contentsOf: json.appendingPathComponent("\(script)/\(script).json"))
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let commands = root["commands"] as? [[String: Any]] else { return [] }
        return commands.map { command in
            Command(
                script: script,
                type: command["type"] as? String ?? "",
                line: command["line"] as? Int ?? 0,
                filename: command["filename"] as? String,
                moduleType: command["module_type"] as? String,
                text: command["text"] as? String)
        }
    }

    /// The bytes of a module file named by a command of `script`.
    static func bytes(of filename: String, in script: String) throws -> [UInt8] {
        guard let json = jsonDirectory else { throw TestsuiteMissing() }
        return [UInt8](try Data(contentsOf: json.appendingPathComponent("\(script)/\(filename)")))
    }

    /// Every `.wasm` file under `json/`, as paths relative to it.
    static func allBinaryFiles() -> [String] {
        guard let json = jsonDirectory,
              let enumerator = FileManager.default.enumerator(atPath: json.path) else { return [] }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path.hasSuffix(".wasm") { files.append(path) }
        }
        return files.sorted()
    }

    struct TestsuiteMissing: Error, CustomStringConvertible {
        var description: String { Testsuite.missingMessage }
    }
}
