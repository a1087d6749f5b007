import Foundation

/// Finding script files: a file stands for itself, a folder for every `.json` and `.wast` script
/// under it.
public enum SpecScriptFiles {
    /// The script files at or under each path, in the order given, each folder's sorted by path.
    public static func find(_ paths: [String]) throws(SpecScriptError) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw SpecScriptError("no such file or folder: \(path)")
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            guard let enumerator = FileManager.default.enumerator(atPath: path) else {
                throw SpecScriptError("cannot list \(path)")
            }
            let found = enumerator.compactMap { $0 as? String }.filter { name in
                name.hasSuffix(".json") || name.hasSuffix(".wast")
            }
            files += found.sorted().map { URL(fileURLWithPath: path).appendingPathComponent($0).path }
        }
        return files
    }
}
