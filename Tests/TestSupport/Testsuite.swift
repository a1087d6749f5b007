import Foundation

/// The official WebAssembly testsuite beside the package (`../shared/wasm-testsuite`), or wherever
/// `$WASM_TESTSUITE` points: its `wast/NAME.wast` scripts and their wabt `wast2json` output,
/// `json/NAME/NAME.json` with the module files it names.
///
/// The suite is never copied into the package. When it is missing, ``isPresent`` is false,
/// ``jsonDirectory`` is nil, ``scriptNames`` is empty and every reading function throws
/// ``Missing``, whose message says where the suite was expected.
public enum Testsuite {
    /// The package root: the nearest folder above this file that holds `Package.swift`.
    public static let packageRoot: URL = {
        let file = URL(fileURLWithPath: #filePath)
        var url = file.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            let parent = url.deletingLastPathComponent()
            // No manifest above this file: fall back to its place in the package (Tests/TestSupport/).
            if parent.path == url.path {
                return file.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            }
            url = parent
        }
        return url
    }()

    /// Where the suite is expected: `$WASM_TESTSUITE` when set and not empty, otherwise
    /// `../shared/wasm-testsuite` beside the package root. It may not exist; see ``isPresent``.
    public static let root: URL = {
        if let path = ProcessInfo.processInfo.environment["WASM_TESTSUITE"], !path.isEmpty {
            return URL(fileURLWithPath: path).standardizedFileURL
        }
        return packageRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/wasm-testsuite").standardizedFileURL
    }()

    /// Whether the suite is there: ``root`` holds both `json/` and `wast/` folders.
    public static let isPresent: Bool = isDirectory(root.appendingPathComponent("json"))
        && isDirectory(root.appendingPathComponent("wast"))

    /// The `json/` folder of wast2json output; nil when the suite is missing.
    public static let jsonDirectory: URL? = isPresent ? root.appendingPathComponent("json") : nil

    /// What a test says when the suite is missing: where it was looked for and how to point elsewhere.
    public static let missingMessage = """
        the WebAssembly 2.0 testsuite is missing at \(root.path) (expected json/ and wast/): \
        Scripts/fetch-testsuites.sh fetches it (or set WASM_TESTSUITE to its folder)
        """

    /// The error every reading function throws when the suite is missing.
    public struct Missing: Error, CustomStringConvertible {
        public var description: String { Testsuite.missingMessage }
    }

    /// The suite's root folder, or ``Missing`` when the suite is not there.
    public static func requireRoot() throws(Missing) -> URL {
        guard isPresent else { throw Missing() }
        return root
    }

    /// The script names (`binary`, `simd_lane`, ...) that have a `json/NAME/NAME.json`, sorted;
    /// empty when the suite is missing.
    public static let scriptNames: [String] = {
        guard let json = jsonDirectory,
            let names = try? FileManager.default.contentsOfDirectory(atPath: json.path)
        else { return [] }
        return names.filter { FileManager.default.fileExists(atPath: scriptURL($0).path) }.sorted()
    }()

    /// The wast2json script of `name`: `json/NAME/NAME.json`.
    public static func scriptURL(_ name: String) -> URL {
        root.appendingPathComponent("json/\(name)/\(name).json")
    }

    /// The `.wast` source of `name`, which the lines of its commands refer to: `wast/NAME.wast`.
    public static func wastURL(_ name: String) -> URL {
        root.appendingPathComponent("wast/\(name).wast")
    }

    /// The text of `wast/NAME.wast`.
    public static func wastText(of name: String) throws -> String {
        _ = try requireRoot()
        return String(decoding: try Data(contentsOf: wastURL(name)), as: UTF8.self)
    }

    /// The bytes of a file (a `.wasm` or `.wat` module) that a command of `script` names.
    public static func bytes(of filename: String, in script: String) throws -> [UInt8] {
        let root = try requireRoot()
        return [UInt8](try Data(contentsOf: root.appendingPathComponent("json/\(script)/\(filename)")))
    }

    /// Every `.wasm` file under `json/`, as sorted paths relative to it (`SCRIPT/FILE.wasm`);
    /// empty when the suite is missing.
    public static func allBinaryFiles() -> [String] {
        guard let json = jsonDirectory,
            let enumerator = FileManager.default.enumerator(atPath: json.path)
        else { return [] }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path.hasSuffix(".wasm") { files.append(path) }
        }
        return files.sorted()
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
