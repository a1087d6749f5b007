import Foundation

/// The official testsuite's wast2json output (`json/NAME/NAME.json` and its `.wasm` files).
enum SpecTestsuite {
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

    /// One command of a script, as far as validation cares.
    struct Command: Decodable, Sendable {
        var type: String
        var line: Int
        var filename: String?
        var text: String?
        var moduleType: String?

        enum CodingKeys: String, CodingKey {
            case type, line, filename, text
            case moduleType = "module_type"
        }
    }

    private struct Script: Decodable {
        var commands: [Command]
    }

    /// The script names (`binary`, `simd_lane`, ...), sorted; empty when the suite is missing.
    static let scriptNames: [String] = {
        guard let json = jsonDirectory,
              let names = try? FileManager.default.contentsOfDirectory(atPath: json.path) else { return [] }
        return names.filter { FileManager.default.fileExists(atPath: json.appendingPathComponent("\($0)/\($0).json").path) }.sorted()
    }()

    /// The commands of one script.
    static func commands(of script: String) throws -> [Command] {
        guard let json = jsonDirectory else { throw Missing() }
        let data = try Data(contentsOf: json.appendingPathComponent("\(script)/\(script).json"))
        return try JSONDecoder().decode(Script.self, from: data).commands
    }

    /// The bytes of a module file named by a command of `script`.
    static func bytes(of filename: String, in script: String) throws -> [UInt8] {
        guard let json = jsonDirectory else { throw Missing() }
        return [UInt8](try Data(contentsOf: json.appendingPathComponent("\(script)/\(filename)")))
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String { SpecTestsuite.missingMessage }
    }
}
