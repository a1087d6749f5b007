import Foundation

/// Reads the JSON scripts that wabt's `wast2json` writes (the testsuite's `json/NAME/NAME.json`),
/// with the module files beside them, into a ``SpecScript``.
///
/// A command the reader does not understand becomes ``SpecCommand/Kind/unreadable(reason:)``, so
/// one odd command fails on its own instead of hiding the rest of the script.
public enum SpecJSONReader {
    /// Reads the script at `path` and the `.wasm`/`.wat` files it names from the same folder.
    public static func read(path: String) throws(SpecScriptError) -> SpecScript {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SpecScriptError("cannot read \(path): \(error.localizedDescription)")
        }
        let folder = url.deletingLastPathComponent()
        return try parse(data, name: url.deletingPathExtension().lastPathComponent) { fileName in
            [UInt8](try Data(contentsOf: folder.appendingPathComponent(fileName)))
        }
    }

    /// Parses a script from its JSON text; `loadFile` returns the bytes of a module file it names.
    public static func parse(
        _ data: Data, name: String, loadFile: (String) throws -> [UInt8]
    ) throws(SpecScriptError) -> SpecScript {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw SpecScriptError("\(name): not JSON: \(error.localizedDescription)")
        }
        guard let object = root as? [String: Any], let commands = object["commands"] as? [Any] else {
            throw SpecScriptError("\(name): not a wast2json script (no \"commands\" array)")
        }
        let sourceName = object["source_filename"] as? String ?? "\(name).wast"
        let parsed = commands.map { element -> SpecCommand in
            guard let command = element as? [String: Any] else {
                return SpecCommand(line: 0, kind: .unreadable(reason: "a command that is not a JSON object"))
            }
            let line = (command["line"] as? NSNumber)?.intValue ?? 0
            do {
                return SpecCommand(line: line, kind: try kind(of: command, loadFile: loadFile))
            } catch {
                return SpecCommand(line: line, kind: .unreadable(reason: "\(error)"))
            }
        }
        return SpecScript(name: name, sourceName: sourceName, commands: parsed)
    }

    static func kind(
        of command: [String: Any], loadFile: (String) throws -> [UInt8]
    ) throws(SpecScriptError) -> SpecCommand.Kind {
        let type = try string(command, "type")
        switch type {
        case "module":
            return .module(try module(command, loadFile: loadFile), name: command["name"] as? String)
        case "register":
            return .register(as: try string(command, "as"), module: command["name"] as? String)
        case "action":
            return .action(try action(command))
        case "assert_return":
            let expected = try array(command, "expected").map { value throws(SpecScriptError) in
                try SpecJSONValue.expected(value)
            }
            return .assertReturn(try action(command), expected: expected)
        case "assert_trap":
            return .assertTrap(try action(command), message: try string(command, "text"))
        case "assert_exhaustion":
            return .assertExhaustion(try action(command), message: try string(command, "text"))
        case "assert_invalid":
            return .assertInvalid(try module(command, loadFile: loadFile), message: try string(command, "text"))
        case "assert_malformed":
            return .assertMalformed(try module(command, loadFile: loadFile), message: try string(command, "text"))
        case "assert_unlinkable":
            return .assertUnlinkable(try module(command, loadFile: loadFile), message: try string(command, "text"))
        case "assert_uninstantiable":
            return .assertUninstantiable(try module(command, loadFile: loadFile), message: try string(command, "text"))
        default:
            throw SpecScriptError("unknown command type \"\(type)\"")
        }
    }

    static func module(
        _ command: [String: Any], loadFile: (String) throws -> [UInt8]
    ) throws(SpecScriptError) -> SpecModule {
        let fileName = try string(command, "filename")
        let isText = (command["module_type"] as? String).map { $0 == "text" } ?? fileName.hasSuffix(".wat")
        let bytes: [UInt8]
        do {
            bytes = try loadFile(fileName)
        } catch {
            throw SpecScriptError("cannot read module file \(fileName): \(error.localizedDescription)")
        }
        if isText {
            return SpecModule(.text(String(decoding: bytes, as: UTF8.self)), origin: fileName)
        }
        return SpecModule(.binary(bytes), origin: fileName)
    }

    static func action(_ command: [String: Any]) throws(SpecScriptError) -> SpecAction {
        guard let action = command["action"] as? [String: Any] else {
            throw SpecScriptError("missing \"action\"")
        }
        let module = action["module"] as? String
        let field = try string(action, "field")
        switch try string(action, "type") {
        case "invoke":
            let arguments = try array(action, "args").map { value throws(SpecScriptError) in
                try SpecJSONValue.argument(value)
            }
            return .invoke(module: module, field: field, arguments: arguments)
        case "get":
            return .get(module: module, field: field)
        case let other:
            throw SpecScriptError("unknown action type \"\(other)\"")
        }
    }

    static func string(_ object: [String: Any], _ key: String) throws(SpecScriptError) -> String {
        guard let value = object[key] as? String else { throw SpecScriptError("missing string \"\(key)\"") }
        return value
    }

    static func array(_ object: [String: Any], _ key: String) throws(SpecScriptError) -> [[String: Any]] {
        guard let values = object[key] as? [Any] else { throw SpecScriptError("missing array \"\(key)\"") }
        return try values.map { value throws(SpecScriptError) in
            guard let item = value as? [String: Any] else { throw SpecScriptError("\"\(key)\" holds a non-object") }
            return item
        }
    }
}

/// A script that cannot be read, or a command or value within it that cannot be understood.
public struct SpecScriptError: Error, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
