import Foundation
import Testing
import WasmBinary
@testable import WasmText
import TestSupport

/// Every module of every testsuite script, assembled by us, against the `.wasm` that wabt's
/// `wast2json` made of the same command.
@Suite struct SuiteModuleTests {
    /// Modules whose assembly is known to differ from wast2json's, by "script:line", with the reason.
    static let knownDifferences: [String: String] = [
        "memory_init.wast:190": "data.drop without data segments: we write a data count section (0), wabt writes none, so its binary is malformed where the script expects it to be only invalid",
        "memory_init.wast:227": "memory.init without data segments: as above",
    ]

    @Test(arguments: Testsuite.scriptNames)
    func modulesMatchWast2json(script: String) throws {
        let commands = try WastScript.parse(try Testsuite.wastText(of: script)).commands
        let ours = commands.compactMap(Self.module(of:))
        let theirs = try Testsuite.commands(of: script).filter { $0.filename?.hasSuffix(".wasm") == true }
        // assert_malformed binary modules are malformed on purpose: nothing to compare.
        let comparable = zip(ours, theirs).filter { $0.1.type != "assert_malformed" }
        #expect(ours.count == theirs.count, "\(script): \(ours.count) modules in the script, \(theirs.count) in the JSON")
        var matched = 0
        var excepted = 0
        for (module, json) in comparable {
            let location = "\(script).wast:\(module.line)"
            // wast2json gives quoted modules line 0.
            #expect(module.line == json.line || json.line == 0, "\(location): JSON command is at line \(json.line)")
            let expectedBytes = try Testsuite.bytes(of: json.filename ?? "", in: script)
            let ourBytes = try module.encoded()
            let expected = Result { try ComparableModule(decoding: expectedBytes) }
            let actual = Result { try ComparableModule(decoding: ourBytes) }
            switch (expected, actual) {
            case (.success(let e), .success(let a)):
                if e == a {
                    matched += 1
                } else if Self.knownDifferences[location] != nil {
                    excepted += 1
                } else {
                    Issue.record("\(location): assembled module differs: \(a.firstDifference(from: e))")
                }
            case (.failure, .failure):
                // Both undecodable (an assert_invalid module our decoder already rejects): compare bytes.
                if ourBytes == expectedBytes { matched += 1 } else {
                    Issue.record("\(location): neither decodes and the bytes differ")
                }
            case (.success, .failure(let error)):
                Issue.record("\(location): our module does not decode: \(error)")
            case (.failure(let error), .success):
                if Self.knownDifferences[location] != nil { excepted += 1 } else {
                    Issue.record("\(location): wast2json's module does not decode: \(error)")
                }
            }
        }
        print("\(script): \(matched) of \(comparable.count) modules match wast2json, \(excepted) known differences")
    }

    static func module(of command: WastCommand) -> WastModule? {
        switch command.kind {
        case .module(let module), .assertInvalid(let module, _), .assertUnlinkable(let module, _),
             .assertUninstantiable(let module, _):
            return module
        case .assertMalformed(let module, _):
            if case .binary = module.source { return module }
            return nil
        default:
            return nil
        }
    }
}
