import Foundation
import Testing
import WasmBinary
@testable import WasmText
import TestSupport

/// The testsuite's text-format `assert_malformed` modules must be rejected by the parser.
@Suite struct SuiteMalformedTests {
    /// Each script's quoted or text `assert_malformed` modules fail to parse.
    @Test(arguments: Testsuite.scriptNames)
    func quotedMalformedModulesAreRejected(script: String) throws {
        try #require(Testsuite.isPresent, Comment(rawValue: Testsuite.missingMessage))
        let commands = try WastScript.parse(try Testsuite.wastText(of: script)).commands
        var rejected = 0
        var total = 0
        for command in commands {
            guard case .assertMalformed(let module, let message) = command.kind else { continue }
            guard case .quote(let text) = module.source else { continue }
            total += 1
            do {
                _ = try WatParser.assemble(text)
                Issue.record("\(script).wast:\(command.line): accepted a module expected to be malformed (\(message))")
            } catch {
                rejected += 1
                #expect(error.message.hasPrefix(message), "\(script).wast:\(command.line): expected '\(message)', got '\(error)'")
            }
        }
        print("\(script): \(rejected) of \(total) text assert_malformed modules rejected")
    }

    /// Every `.wat` file wast2json wrote for a text `assert_malformed` fails to parse.
    @Test(arguments: Testsuite.scriptNames)
    func malformedWatFilesAreRejected(script: String) throws {
        try #require(Testsuite.isPresent, Comment(rawValue: Testsuite.missingMessage))
        var rejected = 0
        var total = 0
        for command in try Testsuite.commands(of: script) where command.moduleType == "text" {
            guard let filename = command.filename else { continue }
            total += 1
            let text = String(decoding: try Testsuite.bytes(of: filename, in: script), as: UTF8.self)
            do {
                _ = try WatParser.assemble(text)
                Issue.record("\(script)/\(filename) (line \(command.line)): accepted, expected \(command.text ?? "")")
            } catch {
                rejected += 1
            }
        }
        print("\(script): \(rejected) of \(total) malformed .wat files rejected")
    }
}
