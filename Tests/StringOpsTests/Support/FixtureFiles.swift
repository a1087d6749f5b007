import Foundation

/// The package's `Fixtures/` folder, found from this file's path.
enum FixtureFiles {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // StringOpsTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static func url(_ name: String) -> URL {
        packageRoot.appendingPathComponent("Fixtures").appendingPathComponent(name)
    }

    static func path(_ name: String) -> String { url(name).path }

    /// The bytes of `Fixtures/<name>`; throws if the file is missing.
    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url(name)))
    }
}
