import Foundation
import Testing
import WasmBinary
@testable import WasmText
import TestSupport

/// The testsuite's text-format `assert_malformed` modules must be rejected by the parser.
@Suite struct SuiteMalformedTests {
    /// 2.0 text that the 3.0 text format reads differently, by "script:line" (the module's line in
    /// the `.wast`, and the command's line in wast2json's output), with the reason: the parser
    /// follows 3.0, whose testsuite asserts the new readings.
    static let changedIn3: [String: String] = {
        let wideLimits = "3.0 limits are u64 in the text format: the module parses, and validation rejects the size (\"memory size\", \"table size\")"
        let wideOffset = "3.0 offsets are u64 in the text format: the module parses, and validation rejects the offset of a 32-bit memory (\"offset out of range\")"
        var table: [String: String] = [:]
        for line in [79, 80, 83, 84, 87, 88] { table["memory.wast:\(line)"] = wideLimits }
        for line in [27, 28, 31, 32, 35, 36] { table["table.wast:\(line)"] = wideLimits }
        for line in [213, 214] { table["address.wast:\(line)"] = wideOffset }
        for line in [143, 144, 151, 152] { table["simd_address.wast:\(line)"] = wideOffset }
        for line in 415...428 { table["simd_lane.wast:\(line)"] = "3.0's simd_lane.wast says \"i8 constant out of range\" for a lane index of 256" }
        return table
    }()

    /// Each script's quoted or text `assert_malformed` modules fail to parse.
    @Test(arguments: Testsuite.scriptNames)
    func quotedMalformedModulesAreRejected(script: String) throws {
        let commands = try WastScript.parse(try Testsuite.wastText(of: script)).commands
        var rejected = 0
        var total = 0
        for command in commands {
            guard case .assertMalformed(let module, let message) = command.kind else { continue }
            guard case .quote(let text) = module.source else { continue }
            total += 1
            let location = "\(script).wast:\(command.line)"
            do {
                _ = try WatParser.assemble(source: text)
                if Self.changedIn3[location] == nil {
                    Issue.record("\(location): accepted a module expected to be malformed (\(message))")
                }
            } catch {
                rejected += 1
                #expect(error.message.hasPrefix(message) || Self.changedIn3[location] != nil,
                        "\(location): expected '\(message)', got '\(error)'")
            }
        }
        print("\(script): \(rejected) of \(total) text assert_malformed modules rejected")
    }

    /// Every `.wat` file wast2json wrote for a text `assert_malformed` fails to parse.
    @Test(arguments: Testsuite.scriptNames)
    func malformedWatFilesAreRejected(script: String) throws {
        var rejected = 0
        var total = 0
        for command in try Testsuite.commands(of: script) where command.moduleType == "text" {
            guard let filename = command.filename else { continue }
            total += 1
            let source = try Testsuite.bytes(of: filename, in: script)
            do {
                _ = try WatParser.assemble(source: source)
                if Self.changedIn3["\(script).wast:\(command.line)"] == nil {
                    Issue.record("\(script)/\(filename) (line \(command.line)): accepted, expected \(command.text ?? "")")
                }
            } catch {
                rejected += 1
            }
        }
        print("\(script): \(rejected) of \(total) malformed .wat files rejected")
    }
}
