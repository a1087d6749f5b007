/// Tests of the official WASI testsuite that are allowed to fail, each with the reason.
///
/// `WASITestsuiteTests` fails on any failure not listed here, and on any listed test that passes
/// (so a fixed entry gets removed and the list cannot grow unnoticed).
enum WASIKnownFailures {
    struct Entry: Hashable {
        /// `c`, `rust` or `assemblyscript`.
        var language: String
        /// The test's name (its `.wasm` file without the extension).
        var name: String
        var reason: String
    }

    static let entries: [Entry] = [
        // Entry(language: "rust", name: "name", reason: "why it fails and what would fix it"),
    ]

    /// The reason `language`/`name` is listed, if it is.
    static func reason(language: String, name: String) -> String? {
        entries.first { $0.language == language && $0.name == name }?.reason
    }
}
