/// The shapes of a wast2json script, decoded as they are before their meaning is read.
/// (`JSONDecoder`, not `JSONSerialization`: the latter drops a byte-order mark that starts a
/// string, and the testsuite exports a function named "\u{FEFF}".)
enum WastJSONFormat {
    struct Script: Decodable {
        var sourceFilename: String?
        var commands: [Command]

        private enum CodingKeys: String, CodingKey {
            case sourceFilename = "source_filename"
            case commands
        }
    }

    /// One command, or the error that kept it from being decoded (so one odd command does not
    /// hide the rest of the script).
    struct Command: Decodable {
        var fields: Result<Fields, SpecScriptError>
        var line: Int

        init(from decoder: any Decoder) throws {
            line = (try? decoder.container(keyedBy: LineKey.self).decode(Int.self, forKey: .line)) ?? 0
            do {
                fields = .success(try Fields(from: decoder))
            } catch {
                fields = .failure(SpecScriptError("a command that does not decode: \(error)"))
            }
        }

        private enum LineKey: String, CodingKey { case line }
    }

    struct Fields: Decodable {
        var type: String
        var name: String?
        var `as`: String?
        var filename: String?
        var text: String?
        var moduleType: String?
        var action: Action?
        var expected: [Value]?

        private enum CodingKeys: String, CodingKey {
            case type, name, `as`, filename, text, action, expected
            case moduleType = "module_type"
        }
    }

    struct Action: Decodable {
        var type: String
        var module: String?
        var field: String
        var args: [Value]?
    }

    struct Value: Decodable {
        var type: String
        var laneType: String?
        var value: Payload?

        private enum CodingKeys: String, CodingKey {
            case type, value
            case laneType = "lane_type"
        }
    }

    /// A value's text: one string, or one string per lane for a v128.
    enum Payload: Decodable {
        case single(String)
        case lanes([String])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .single(text)
            } else {
                self = .lanes(try container.decode([String].self))
            }
        }
    }
}
