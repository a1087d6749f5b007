import Foundation
import WasmWASI

/// A folder preopened as `/` (`inside`) beside one the program must never reach (`outside`),
/// with symbolic links planted inside that point out in every way a link can:
///
///     outside/secret, outside/dir/              the things to protect
///     inside/file, inside/sub/inner             ordinary contents
///     inside/link_out      -> ../outside/secret    a relative link climbing out
///     inside/link_abs      -> /…/outside/secret    an absolute link
///     inside/link_outdir   -> ../outside           a link to the outside folder
///     inside/chain1 -> chain2 -> sub/chain3 -> ../../outside/secret   a chain
///     inside/dangling_out  -> ../outside/created   a link to a file that does not exist yet
///     inside/loop1 <-> inside/loop2             a loop
final class Sandbox {
    let folder: TemporaryFolder
    let inside: URL
    let outside: URL

    init() throws {
        folder = try TemporaryFolder("sandbox")
        inside = folder.file("inside")
        outside = folder.file("outside")
        let manager = FileManager.default
        try manager.createDirectory(at: outside.appendingPathComponent("dir"), withIntermediateDirectories: true)
        try manager.createDirectory(at: inside.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("top secret".utf8).write(to: outside.appendingPathComponent("secret"))
        try Data("inside".utf8).write(to: inside.appendingPathComponent("file"))
        try Data("inner".utf8).write(to: inside.appendingPathComponent("sub/inner"))
        for (name, destination) in [
            ("link_out", "../outside/secret"), ("link_abs", outside.appendingPathComponent("secret").path),
            ("link_outdir", "../outside"), ("chain1", "chain2"), ("chain2", "sub/chain3"),
            ("sub/chain3", "../../outside/secret"), ("dangling_out", "../outside/created"),
            ("loop1", "loop2"), ("loop2", "loop1"),
        ] {
            try manager.createSymbolicLink(atPath: inside.appendingPathComponent(name).path, withDestinationPath: destination)
        }
    }

    /// A harness with `inside` preopened as `/` (descriptor 3).
    func harness(readOnly: Bool = false) throws -> WASIHarness {
        try WASIHarness(WASIConfiguration(preopenedDirectories: [
            PreopenedDirectory(hostPath: inside.path, guestPath: "/", readOnly: readOnly),
        ]))
    }

    /// Everything under `folder` as it is now: each entry's type, size, link count, modification
    /// time, and contents (a file's bytes, a link's destination).
    static func snapshot(of folder: URL) throws -> [String: String] {
        let manager = FileManager.default
        var entries: [String: String] = [:]
        let enumerator = manager.enumerator(atPath: folder.path)
        while let relative = enumerator?.nextObject() as? String {
            let path = folder.appendingPathComponent(relative).path
            let attributes = try manager.attributesOfItem(atPath: path)
            let type = attributes[.type] as? FileAttributeType
            var contents = ""
            if type == .typeSymbolicLink {
                contents = try manager.destinationOfSymbolicLink(atPath: path)
            } else if type == .typeRegular {
                contents = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            }
            let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            entries[relative] = "\(type?.rawValue ?? "?") size \(attributes[.size] ?? 0) links \(attributes[.referenceCount] ?? 0) mtime \(date) \(contents)"
        }
        return entries
    }
}
