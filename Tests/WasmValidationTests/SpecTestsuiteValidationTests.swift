import Testing
import WasmBinary
import WasmValidation
import TestSupport

/// The official testsuite through decoder and validator: every binary `assert_invalid` module is
/// rejected by the validator (after decoding), and every `module` the scripts instantiate is valid.
@Suite struct SpecTestsuiteValidationTests {
    /// `assert_invalid` modules that the decoder rejects before validation, with the reason.
    static let rejectedByDecoder: [String: String] = [
        "memory_init.wast:190": "data.drop without data segments: wast2json writes no data count section, which makes the binary malformed (data count section required) before the index can be checked",
        "memory_init.wast:227": "memory.init without data segments: wast2json writes no data count section, which makes the binary malformed (data count section required) before the missing memory can be reported",
    ]

    /// Commands whose outcome differs from the suite's expectation, with the reason.
    /// Kept empty: there are none.
    static let exceptions: [String: String] = [:]

    /// Rejections whose words 3.0's testsuite changed; the validator uses the 3.0 words.
    static let rewordedIn3: [String: String] = [
        "global.wast:273": "3.0's global.wast says \"immutable global\" for global.set of a constant global",
        "global.wast:278": "3.0's global.wast says \"immutable global\" for global.set of a constant global",
    ]

    /// What one script's `assert_invalid` and `module` commands did.
    struct ScriptResult {
        var invalid = 0
        var invalidRejected = 0
        var invalidRejectedByDecoder: [String] = []
        var messagesMatching = 0
        var messageMismatches: [String] = []
        var modules = 0
        var modulesAccepted = 0
        /// Failures as "script.wast:line: what happened".
        var failures: [String] = []

        mutating func add(_ other: ScriptResult) {
            invalid += other.invalid
            invalidRejected += other.invalidRejected
            invalidRejectedByDecoder += other.invalidRejectedByDecoder
            messagesMatching += other.messagesMatching
            messageMismatches += other.messageMismatches
            modules += other.modules
            modulesAccepted += other.modulesAccepted
            failures += other.failures
        }
    }

    static func evaluate(_ script: String) throws -> ScriptResult {
        var result = ScriptResult()
        for command in try Testsuite.commands(of: script) {
            let key = "\(script).wast:\(command.line)"
            guard let file = command.filename, file.hasSuffix(".wasm") else { continue }
            switch command.type {
            case "assert_invalid":
                result.invalid += 1
                let expected = command.text ?? ""
                let module: Module
                do {
                    module = try ModuleDecoder.decode(try Testsuite.bytes(of: file, in: script), features: .webAssembly2)
                } catch let error as DecodeError {
                    result.invalidRejectedByDecoder.append("\(key): \(error)")
                    if rejectedByDecoder[key] == nil {
                        result.failures.append("\(key): \(file) was rejected by the decoder (\(error)), expected the validator to say \"\(expected)\"")
                    }
                    continue
                }
                do {
                    try ModuleValidator.validate(module, features: .webAssembly2)
                    if exceptions[key] == nil { result.failures.append("\(key): \(file) validated, expected \"\(expected)\"") }
                } catch {
                    result.invalidRejected += 1
                    if error.message.hasPrefix(expected) {
                        result.messagesMatching += 1
                    } else if Self.rewordedIn3[key] != nil {
                        result.messagesMatching += 1
                    } else {
                        result.messageMismatches.append("\(key): \"\(error.message)\", expected \"\(expected)\"")
                    }
                }
            case "module":
                result.modules += 1
                do {
                    let module = try ModuleDecoder.decode(try Testsuite.bytes(of: file, in: script), features: .webAssembly2)
                    try ModuleValidator.validate(module, features: .webAssembly2)
                    result.modulesAccepted += 1
                } catch {
                    if exceptions[key] == nil { result.failures.append("\(key): \(file) was rejected: \(error)") }
                }
            default:
                continue
            }
        }
        return result
    }

    @Test(.enabled(if: Testsuite.isPresent, Comment(rawValue: Testsuite.missingMessage)))
    func testsuiteIsWhole() {
        #expect(Testsuite.scriptNames.count > 100, "expected the suite's ~147 scripts")
    }

    /// One case per script, each failure naming the script and line.
    @Test(arguments: Testsuite.scriptNames)
    func script(_ name: String) throws {
        let result = try Self.evaluate(name)
        for failure in result.failures {
            Issue.record(Comment(rawValue: failure))
        }
    }

    /// Totals over the whole suite, printed for the record: rejected invalid modules, accepted
    /// modules, and how many rejections use the suite's words.
    @Test(.enabled(if: Testsuite.isPresent, Comment(rawValue: Testsuite.missingMessage)))
    func totals() throws {
        var total = ScriptResult()
        for name in Testsuite.scriptNames {
            total.add(try Self.evaluate(name))
        }
        print("""
            assert_invalid: \(total.invalidRejected) of \(total.invalid) rejected by the validator, \
            \(total.invalidRejectedByDecoder.count) by the decoder
            module: \(total.modulesAccepted) of \(total.modules) accepted
            assert_invalid messages in the suite's words: \(total.messagesMatching) of \(total.invalidRejected)
            """)
        for entry in total.invalidRejectedByDecoder { print("  rejected by the decoder: \(entry)") }
        for entry in total.messageMismatches { print("  other words: \(entry)") }
        #expect(total.invalid > 2000 && total.modules > 1500, "expected the suite's 2,144 assert_invalid and 1,592 module commands")
        #expect(total.invalidRejected + total.invalidRejectedByDecoder.count == total.invalid)
        #expect(total.modulesAccepted == total.modules)
        #expect(total.messageMismatches.isEmpty)
    }
}
