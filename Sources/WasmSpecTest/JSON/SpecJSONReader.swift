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
        let data = try SpecScriptFiles.read(path: path)
        let folder = url.deletingLastPathComponent()
        return try parse(data, name: url.deletingPathExtension().lastPathComponent) { fileName in
            [UInt8](try Data(contentsOf: folder.appendingPathComponent(fileName)))
        }
    }

    /// Parses a script from its JSON text; `loadFile` returns the bytes of a module file it names.
    public static func parse(
        _ data: Data, name: String, loadFile: (String) throws -> [UInt8]
    ) throws(SpecScriptError) -> SpecScript {
        let script: WastJSONFormat.Script
        do {
            script = try JSONDecoder().decode(WastJSONFormat.Script.self, from: data)
        } catch {
            throw SpecScriptError("\(name): not a wast2json script: \(error)")
        }
        let commands = script.commands.map { command -> SpecCommand in
            let kind: SpecCommand.Kind
            switch command.fields {
            case .success(let fields):
                do {
                    kind = try self.kind(of: fields, loadFile: loadFile)
                } catch {
                    kind = .unreadable(reason: "\(error)")
                }
            case .failure(let error):
                kind = .unreadable(reason: error.description)
            }
            return SpecCommand(line: command.line, kind: kind)
        }
        return SpecScript(name: name, sourceName: script.sourceFilename ?? "\(name).wast", commands: commands)
    }

    static func kind(
        of command: WastJSONFormat.Fields, loadFile: (String) throws -> [UInt8]
    ) throws(SpecScriptError) -> SpecCommand.Kind {
        switch command.type {
        case "module":
            return .module(try module(command, loadFile: loadFile), name: command.name)
        case "register":
            return .register(as: try required(command.as, "as"), module: command.name)
        case "action":
            return .action(try action(command))
        case "assert_return":
            let expected = try required(command.expected, "expected").map { value throws(SpecScriptError) in
                try SpecJSONValue.expected(value)
            }
            return .assertReturn(try action(command), expected: expected)
        case "assert_trap":
            return .assertTrap(try action(command), message: try text(command))
        case "assert_exhaustion":
            return .assertExhaustion(try action(command), message: try text(command))
        case "assert_invalid":
            return .assertInvalid(try module(command, loadFile: loadFile), message: try text(command))
        case "assert_malformed":
            return .assertMalformed(try module(command, loadFile: loadFile), message: try text(command))
        case "assert_unlinkable":
            return .assertUnlinkable(try module(command, loadFile: loadFile), message: try text(command))
        case "assert_uninstantiable":
            return .assertUninstantiable(try module(command, loadFile: loadFile), message: try text(command))
        case let other:
            throw SpecScriptError("unknown command type \"\(other)\"")
        }
    }

    static func module(
        _ command: WastJSONFormat.Fields, loadFile: (String) throws -> [UInt8]
    ) throws(SpecScriptError) -> SpecModule {
        let fileName = try required(command.filename, "filename")
        let isText = command.moduleType.map { $0 == "text" } ?? fileName.hasSuffix(".wat")
        let bytes: [UInt8]
        do {
            bytes = try loadFile(fileName)
        } catch {
            throw SpecScriptError("cannot read module file \(fileName): \(error)")
        }
        if isText {
            return SpecModule(.text(bytes), origin: fileName)
        }
        return SpecModule(.binary(bytes), origin: fileName)
    }

    static func action(_ command: WastJSONFormat.Fields) throws(SpecScriptError) -> SpecAction {
        let action = try required(command.action, "action")
        switch action.type {
        case "invoke":
            let arguments = try (action.args ?? []).map { value throws(SpecScriptError) in
                try SpecJSONValue.argument(value)
            }
            return .invoke(module: action.module, field: action.field, arguments: arguments)
        case "get":
            return .get(module: action.module, field: action.field)
        case let other:
            throw SpecScriptError("unknown action type \"\(other)\"")
        }
    }

    /// The message an assertion names.
    static func text(_ command: WastJSONFormat.Fields) throws(SpecScriptError) -> String {
        try required(command.text, "text")
    }

    static func required<T>(_ value: T?, _ key: String) throws(SpecScriptError) -> T {
        guard let value else { throw SpecScriptError("missing \"\(key)\"") }
        return value
    }
}

/// A script that cannot be read, or a command or value within it that cannot be understood.
public struct SpecScriptError: Error, CustomStringConvertible {
    public var description: String

    /// An error saying `description`.
    public init(_ description: String) {
        self.description = description
    }
}
