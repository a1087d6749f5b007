import Foundation
import WasmBinary

/// Reading a binary module named on the command line, with the messages `validate` and `dump`
/// share.
enum ModuleFile {
    /// Why a path could not be read as a binary module: always a misuse (exit status 2).
    struct Unreadable: Error {
        var message: String
    }

    /// The bytes of the binary module at `path`. Text-format files are refused until the text
    /// parser lands.
    static func read(_ path: String) throws(Unreadable) -> [UInt8] {
        if path.hasSuffix(".wat") || path.hasSuffix(".wast") {
            throw Unreadable(message: "\(path): text-format modules are not supported yet; give a binary .wasm file (e.g. from wat2wasm)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            throw Unreadable(message: "\(path): " + (exists ? (isDirectory.boolValue ? "is a directory" : "cannot be read") : "no such file"))
        }
        return [UInt8](data)
    }

    /// `FILE:OFFSET: message`, the form of every decoding error the tool prints.
    static func describe(_ error: DecodeError, in path: String) -> String {
        "\(path):\(error)"
    }
}
