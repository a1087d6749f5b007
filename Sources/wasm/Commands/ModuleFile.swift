import Foundation
import WasmBinary
import WasmText

/// Reading a binary module named on the command line, with the messages `validate` and `dump`
/// share.
enum ModuleFile {
    /// Why a path could not be read as a module: a misuse (exit status 2), or a text-format
    /// module with a syntax error (exit status 1, like any other malformed module).
    struct Unreadable: Error {
        var message: String
        var exitStatus: Int32 = 2
    }

    /// The bytes of the binary module at `path`. A `.wat` file is assembled first.
    static func read(_ path: String) throws(Unreadable) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            throw Unreadable(message: "\(path): " + (exists ? (isDirectory.boolValue ? "is a directory" : "cannot be read") : "no such file"))
        }
        guard path.hasSuffix(".wat") else { return [UInt8](data) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Unreadable(message: "\(path): malformed UTF-8 encoding", exitStatus: 1)
        }
        do {
            return try WatParser.assemble(text)
        } catch {
            throw Unreadable(message: "\(path):\(error)", exitStatus: 1)
        }
    }

    /// `FILE:OFFSET: message`, the form of every decoding error the tool prints.
    static func describe(_ error: DecodeError, in path: String) -> String {
        "\(path):\(error)"
    }
}
