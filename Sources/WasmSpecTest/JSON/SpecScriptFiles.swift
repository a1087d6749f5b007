import Foundation

/// Finding and reading script files: a file stands for itself, a folder for every `.json` and
/// `.wast` script under it. Errors say what is wrong in the system's words (a missing file, a
/// permission, a device or an empty file are told apart).
public enum SpecScriptFiles {
    /// The script files at or under each path, in the order given, each folder's sorted by path.
    /// A path that is neither a regular file nor a folder, or a folder without scripts, is an error.
    public static func find(_ paths: [String]) throws(SpecScriptError) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw SpecScriptError("no such file or folder: \(path)")
            }
            guard isDirectory.boolValue else {
                try requireRegularFile(path)
                files.append(path)
                continue
            }
            guard let enumerator = FileManager.default.enumerator(atPath: path) else {
                throw SpecScriptError("cannot list \(path)")
            }
            let found = enumerator.compactMap { $0 as? String }.filter { name in
                name.hasSuffix(".json") || name.hasSuffix(".wast")
            }
            guard !found.isEmpty else {
                throw SpecScriptError("no .json or .wast scripts in \(path)")
            }
            files += found.sorted().map { URL(fileURLWithPath: path).appendingPathComponent($0).path }
        }
        return files
    }

    /// The contents of the script at `path`, which must be a readable, non-empty regular file.
    public static func read(path: String) throws(SpecScriptError) -> Data {
        try requireRegularFile(path)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let reason = String(cString: strerror(errno))
            throw SpecScriptError("cannot read \(path): \(reason)")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.readToEnd() ?? Data()
        } catch {
            throw SpecScriptError("cannot read \(path): \(error.localizedDescription)")
        }
        guard !data.isEmpty else { throw SpecScriptError("\(path) is empty: not a script") }
        return data
    }

    /// Throws unless `path` is a regular file (a device such as /dev/null, a pipe or a socket is not).
    static func requireRegularFile(_ path: String) throws(SpecScriptError) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            let reason = String(cString: strerror(errno))
            throw SpecScriptError("cannot read \(path): \(reason)")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw SpecScriptError("\(path) is not a regular file: not a script")
        }
    }
}
