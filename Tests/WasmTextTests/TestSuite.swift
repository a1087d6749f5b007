import Foundation

/// Where the official testsuite is: `$WASM_TESTSUITE`, or `../shared/wasm-testsuite` beside the package.
enum TestSuite {
    static let root: URL = {
        if let path = ProcessInfo.processInfo.environment["WASM_TESTSUITE"] {
            return URL(fileURLWithPath: path)
        }
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url.deletingLastPathComponent().appendingPathComponent("shared/wasm-testsuite")
    }()

    static var isPresent: Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("wast").path)
    }

    static let missingMessage = "the WebAssembly testsuite is missing at \(root.path) (set WASM_TESTSUITE)"

    /// The names of the `.wast` scripts (without extension), sorted.
    static func scriptNames() -> [String] {
        let directory = root.appendingPathComponent("wast")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".wast") }.map { String($0.dropLast(5)) }.sorted()
    }

    static func wastText(_ name: String) throws -> String {
        let data = try Data(contentsOf: root.appendingPathComponent("wast/\(name).wast"))
        return String(decoding: data, as: UTF8.self)
    }

    /// One command of a wast2json file, with the fields these tests use.
    struct JSONCommand {
        var type: String
        var line: Int
        var filename: String?
        var moduleType: String?
        var text: String?
    }

    static func jsonCommands(_ name: String) throws -> [JSONCommand] {
        let data = try Data(contentsOf: root.appendingPathComponent("json/\(name)/\(name).json"))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let commands = object?["commands"] as? [[String: Any]] ?? []
        return commands.map {
            JSONCommand(type: $0["type"] as? String ?? "", line: $0["line"] as? Int ?? 0, filename: $0["filename"] as? String,
                        moduleType: $0["module_type"] as? String, text: $0["text"] as? String)
        }
    }

    static func jsonFile(_ name: String, _ filename: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent("json/\(name)/\(filename)"))
    }
}
