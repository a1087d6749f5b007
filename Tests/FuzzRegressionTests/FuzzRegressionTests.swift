import Foundation
import FuzzChecks
import Testing
import TestSupport

/// Every input the fuzz targets (Fuzz/) found a problem with, minimized, replayed through the
/// same check: `Inputs/decode` through decode + validate + translate, `Inputs/text` through the
/// text parser and assembler, `Inputs/roundtrip` through decode → encode → decode. A file's name
/// says what went wrong before the fix.
@Suite struct FuzzRegressionTests {
    static let inputs = Testsuite.packageRoot.appendingPathComponent("Tests/FuzzRegressionTests/Inputs")

    /// The inputs kept for one target, by file name.
    static func inputs(_ target: String) -> [String] {
        let folder = inputs.appendingPathComponent(target)
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted().map { "\(target)/\($0)" }
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: inputs.appendingPathComponent(name)))
    }

    @Test func everyTargetHasItsFolder() {
        for target in ["decode", "text", "roundtrip"] {
            #expect(FileManager.default.fileExists(atPath: Self.inputs.appendingPathComponent(target).path))
        }
    }

    @Test(arguments: inputs("decode"))
    func decodeAndValidate(_ name: String) throws {
        #expect(FuzzChecks.decodeAndValidate(try Self.bytes(name)) == nil)
    }

    @Test(arguments: inputs("text"))
    func parseText(_ name: String) throws {
        #expect(FuzzChecks.parseText(try Self.bytes(name)) == nil)
    }

    @Test(arguments: inputs("roundtrip"))
    func roundTrip(_ name: String) throws {
        #expect(FuzzChecks.roundTrip(try Self.bytes(name)) == nil)
    }
}
