import Foundation

extension Testsuite {
    /// One command of a wast2json script, with the fields the tests share; readers that need
    /// actions and expected values decode ``scriptURL(_:)`` themselves.
    public struct Command: Sendable, CustomStringConvertible {
        /// The script's name (`binary`, `simd_lane`, ...).
        public var script: String
        /// `module`, `assert_malformed`, `assert_return`, ...
        public var type: String
        /// The line in `wast/SCRIPT.wast` (0 for quoted modules).
        public var line: Int
        /// The module file the command names, beside the script's JSON.
        public var filename: String?
        /// `binary` or `text`, for commands that name a module file.
        public var moduleType: String?
        /// The expected message of an assertion.
        public var text: String?

        public var description: String { "\(script).wast:\(line) (\(type) \(filename ?? ""))" }
    }

    /// The commands of one script, in order.
    public static func commands(of script: String) throws -> [Command] {
        _ = try requireRoot()
        let data = try Data(contentsOf: scriptURL(script))
        return try JSONDecoder().decode(ScriptFile.self, from: data).commands.map { command in
            Command(
                script: script, type: command.type, line: command.line, filename: command.filename,
                moduleType: command.moduleType, text: command.text)
        }
    }

    /// The part of a wast2json file that ``commands(of:)`` reads.
    private struct ScriptFile: Decodable {
        struct Entry: Decodable {
            var type: String
            var line: Int
            var filename: String?
            var moduleType: String?
            var text: String?

            enum CodingKeys: String, CodingKey {
                case type, line, filename, text
                case moduleType = "module_type"
            }
        }

        var commands: [Entry]
    }
}
