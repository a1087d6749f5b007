import Foundation

/// The official WASI testsuite beside the package (`../shared/wasi-testsuite`), or wherever
/// `$WASI_TESTSUITE` points: prebuilt preview 1 tests in
/// `tests/LANGUAGE/testsuite/wasm32-wasip1/NAME.wasm`, each with an optional `NAME.json` that
/// says how to run it (`doc/specification.md` in the suite).
///
/// When the suite is missing, ``isPresent`` is false and ``cases`` is empty; ``missingMessage``
/// says where it was expected.
public enum WASITestsuite {
    /// The languages the suite has tests in, in the order they are reported.
    public static let languages = ["c", "rust", "assemblyscript"]

    /// Where the suite is expected: `$WASI_TESTSUITE` when set and not empty, otherwise
    /// `../shared/wasi-testsuite` beside the package root.
    public static let root: URL = {
        if let path = ProcessInfo.processInfo.environment["WASI_TESTSUITE"], !path.isEmpty {
            return URL(fileURLWithPath: path).standardizedFileURL
        }
        return Testsuite.packageRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/wasi-testsuite").standardizedFileURL
    }()

    /// The folder of one language's preview 1 tests.
    public static func folder(of language: String) -> URL {
        root.appendingPathComponent("tests/\(language)/testsuite/wasm32-wasip1")
    }

    /// Whether the suite is there: every language has its test folder.
    public static let isPresent: Bool = languages.allSatisfy { language in
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder(of: language).path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    /// What a test says when the suite is missing.
    public static let missingMessage = """
        the WASI testsuite is missing at \(root.path): its 72 preview 1 tests (C, Rust, \
        AssemblyScript) were NOT run (expected tests/{c,rust,assemblyscript}/testsuite/wasm32-wasip1 \
        in ../shared/wasi-testsuite beside the package root): Scripts/fetch-testsuites.sh fetches it \
        (or set WASI_TESTSUITE to its folder)
        """

    /// One test: a module and how to run it.
    public struct Case: Sendable, CustomStringConvertible {
        public var language: String
        public var name: String
        /// The test's folder (copied fresh for each run: tests create files in it).
        public var folder: URL
        public var module: URL
        public var specification: Specification

        public var description: String { "\(language)/\(name)" }
    }

    /// How to run a test and what it must do, from its JSON file or the defaults.
    public struct Specification: Sendable {
        /// Arguments after the program's name.
        public var arguments: [String] = []
        /// The environment: these variables and no others.
        public var environment: [(name: String, value: String)] = []
        /// Folders (relative to the test's folder) preopened under their own names.
        public var directories: [String] = []
        /// A folder (relative to the test's folder) preopened as `/`.
        public var root: String?
        public var exitCode: UInt32 = 0
        /// The exact standard output, when the test says.
        public var standardOutput: String?
        /// The exact standard error, when the test says.
        public var standardError: String?
        /// What the runner cannot do (network operations, proposals): the test is not run.
        public var unsupported: String?
    }

    /// Every test of every language, in order; empty when the suite is missing.
    public static let cases: [Case] = {
        guard isPresent else { return [] }
        var cases: [Case] = []
        for language in languages {
            let folder = folder(of: language)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
                .filter { $0.hasSuffix(".wasm") }.map { String($0.dropLast(5)) }.sorted()
            for name in names {
                let json = folder.appendingPathComponent("\(name).json")
                let specification = (try? Data(contentsOf: json)).map(parse) ?? Specification()
                cases.append(Case(language: language, name: name, folder: folder,
                                  module: folder.appendingPathComponent("\(name).wasm"), specification: specification))
            }
        }
        return cases
    }()

    /// A test's JSON: the legacy form (`args`, `env`, `dirs`, `root`, `exit_code`, `stdout`,
    /// `stderr`) or the operations form (`run`, `wait`, `read`; anything else is unsupported).
    static func parse(_ data: Data) -> Specification {
        var specification = Specification()
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            specification.unsupported = "the JSON file does not parse"
            return specification
        }
        func apply(run: [String: Any]) {
            specification.arguments = run["args"] as? [String] ?? specification.arguments
            if let environment = run["env"] as? [String: String] {
                specification.environment = environment.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
            }
            specification.directories = run["dirs"] as? [String] ?? specification.directories
            specification.root = run["root"] as? String ?? specification.root
        }
        guard let operations = object["operations"] as? [[String: Any]] else {
            apply(run: object)
            specification.exitCode = (object["exit_code"] as? NSNumber)?.uint32Value ?? 0
            specification.standardOutput = object["stdout"] as? String
            specification.standardError = object["stderr"] as? String
            return specification
        }
        if let proposals = object["proposals"] as? [String], !proposals.isEmpty {
            specification.unsupported = "needs proposals \(proposals)"
        }
        for operation in operations {
            switch operation["type"] as? String {
            case "run": apply(run: operation)
            case "wait": specification.exitCode = (operation["exit_code"] as? NSNumber)?.uint32Value ?? 0
            case "read":
                let payload = operation["payload"] as? String ?? ""
                if operation["id"] as? String == "stderr" {
                    specification.standardError = payload
                } else {
                    specification.standardOutput = payload
                }
            case let type:
                specification.unsupported = "operation '\(type ?? "?")' (network tests are not run here)"
            }
        }
        return specification
    }
}
