import Foundation

/// The official WebAssembly 3.0 testsuite beside the package (`../shared/wasm-testsuite-3.0`), or
/// wherever `$WASM_TESTSUITE_3` points: `.wast` scripts only. The tests run the root scripts (the
/// 3.0 core), `legacy/`, `custom/` and two proposals beyond 3.0; `proposals/threads` and
/// `proposals/custom-descriptors` are not part of this engine's scope.
///
/// When the suite is missing, ``isPresent`` is false and ``scripts`` is empty.
public enum Testsuite3 {
    /// Where the suite is expected: `$WASM_TESTSUITE_3` when set and not empty, otherwise
    /// `../shared/wasm-testsuite-3.0` beside the package root.
    public static let root: URL = {
        if let path = ProcessInfo.processInfo.environment["WASM_TESTSUITE_3"], !path.isEmpty {
            return URL(fileURLWithPath: path).standardizedFileURL
        }
        return Testsuite.packageRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/wasm-testsuite-3.0").standardizedFileURL
    }()

    /// The folders whose scripts run, relative to ``root`` ("" is the root itself, not recursively).
    public static let folders = ["", "legacy", "custom", "proposals/wide-arithmetic", "proposals/custom-page-sizes"]

    /// Whether the suite is there: ``root`` holds `binary.wast`.
    public static let isPresent: Bool = FileManager.default.fileExists(atPath: root.appendingPathComponent("binary.wast").path)

    /// What a test says when the suite is missing.
    public static let missingMessage = """
        the WebAssembly 3.0 testsuite is missing at \(root.path): Scripts/fetch-testsuites.sh fetches it \
        (or set WASM_TESTSUITE_3 to its folder)
        """

    /// The scripts that run, as paths relative to ``root`` (`binary.wast`, `legacy/throw.wast`, ...),
    /// sorted by folder then name; empty when the suite is missing.
    public static let scripts: [String] = {
        guard isPresent else { return [] }
        var scripts: [String] = []
        for folder in folders {
            let url = folder.isEmpty ? root : root.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            scripts += names.filter { $0.hasSuffix(".wast") }.sorted().map { folder.isEmpty ? $0 : "\(folder)/\($0)" }
        }
        return scripts
    }()

    /// The file of a script given by its relative path.
    public static func url(of script: String) -> URL {
        root.appendingPathComponent(script)
    }
}

/// Which of the testsuites the tests read are missing, and how to get them.
public enum Testsuites {
    /// One line per missing suite: where it was expected and how to fetch it.
    public static var missing: [String] {
        var lines: [String] = []
        if !Testsuite.isPresent { lines.append(Testsuite.missingMessage) }
        if !Testsuite3.isPresent { lines.append(Testsuite3.missingMessage) }
        if !WASITestsuite.isPresent { lines.append(WASITestsuite.missingMessage) }
        return lines
    }
}
