import Foundation
import Testing
import WasmSpecTest

/// What `wasm spectest` is given that it cannot run is an error that says why.
@Suite struct SpecScriptFilesTests {
    /// A fresh folder under the system's temporary folder.
    func makeFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spec-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    func message(_ body: () throws(SpecScriptError) -> Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aDeviceIsNotAScript() {
        #expect(message { () throws(SpecScriptError) in try SpecScriptFiles.find(["/dev/null"]) }
                == "/dev/null is not a regular file: not a script")
        #expect(message { () throws(SpecScriptError) in try WastScriptReader.read(path: "/dev/null") }
                == "/dev/null is not a regular file: not a script")
    }

    @Test func aFolderWithoutScriptsIsAnError() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("not a script".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        #expect(message { () throws(SpecScriptError) in try SpecScriptFiles.find([folder.path]) }
                == "no .json or .wast scripts in \(folder.path)")
    }

    @Test func anEmptyFileSaysItIsEmpty() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("empty.wast")
        try Data().write(to: file)
        #expect(try SpecScriptFiles.find([file.path]) == [file.path])
        #expect(message { () throws(SpecScriptError) in try WastScriptReader.read(path: file.path) }
                == "\(file.path) is empty: not a script")
        #expect(message { () throws(SpecScriptError) in try SpecJSONReader.read(path: file.path) }
                == "\(file.path) is empty: not a script")
    }

    @Test func aMissingFileIsNamed() {
        #expect(message { () throws(SpecScriptError) in try SpecScriptFiles.find(["/nonexistent/x.wast"]) }
                == "no such file or folder: /nonexistent/x.wast")
        #expect(message { () throws(SpecScriptError) in try WastScriptReader.read(path: "/nonexistent/x.wast") }
                == "cannot read /nonexistent/x.wast: No such file or directory")
    }
}
