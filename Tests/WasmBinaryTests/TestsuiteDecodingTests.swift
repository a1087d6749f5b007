import Testing
@testable import WasmBinary
import TestSupport

/// The official testsuite through the decoder: every binary `module` decodes, every binary
/// `assert_malformed` is rejected, with a message starting with the suite's words.
@Suite struct TestsuiteDecodingTests {
    /// Binary `module` commands that do not decode, or binary `assert_malformed` commands that
    /// are not rejected, each with its reason. Kept empty: there are none.
    static let decodingExceptions: [String: String] = [:]

    /// Binary `assert_malformed` commands that are rejected, but whose expected words come from
    /// the reference interpreter reading past a section's or body's declared end (it checks the
    /// size only afterwards). This decoder keeps every read inside its section and body, so it
    /// reports the same malformation at the boundary instead.
    static let wordingDifferences: [String: String] = [
        "binary-leb128.wast:348": "the function section's size (3) ends inside a 6-byte index: the reference reads past the size and finds the integer too long; we stop at the section's size",
        "binary.wast:56": "body 0 lacks its end: the reference reads on into body 1 and wants END; we stop at body 0's size (unexpected end of section or function)",
        "binary.wast:93": "body lacks its end: the reference takes the next section's id 0x0b as END, then sees the code section overrun (section size mismatch); we stop at the body's size",
        "binary.wast:113": "global initialiser lacks its end: the reference reads the next section's id 0x0a as an opcode (illegal opcode); we stop at the section's size",
        "binary.wast:901": "export section ends after 1 of 2 exports: the reference reads the next section as a name length (length out of bounds); we stop at the section's size",
    ]

    /// What one script's binary commands did.
    struct ScriptResult {
        var modules = 0
        var modulesDecoded = 0
        var textModules = 0
        var malformed = 0
        var malformedRejected = 0
        var messagesMatching = 0
        /// Failures as "script.wast:line: what happened".
        var failures: [String] = []
        var wordingDifferencesSeen: Set<String> = []
    }

    static func evaluate(_ script: String) throws -> ScriptResult {
        var result = ScriptResult()
        for command in try Testsuite.commands(of: script) {
            let key = "\(script).wast:\(command.line)"
            switch (command.type, command.moduleType) {
            case ("module", "text"):
                result.textModules += 1
            case ("module", _):
                guard let file = command.filename else { continue }
                result.modules += 1
                do {
                    _ = try ModuleDecoder.decode(try Testsuite.bytes(of: file, in: script), features: .webAssembly2)
                    result.modulesDecoded += 1
                } catch let error as DecodeError {
                    if decodingExceptions[key] == nil { result.failures.append("\(key): \(file) did not decode: \(error)") }
                }
            case ("assert_malformed", "binary"):
                guard let file = command.filename else { continue }
                result.malformed += 1
                let expected = command.text ?? ""
                do {
                    _ = try ModuleDecoder.decode(try Testsuite.bytes(of: file, in: script), features: .webAssembly2)
                    if decodingExceptions[key] == nil { result.failures.append("\(key): \(file) decoded, expected \"\(expected)\"") }
                } catch let error as DecodeError {
                    result.malformedRejected += 1
                    if error.message.hasPrefix(expected) {
                        result.messagesMatching += 1
                    } else if wordingDifferences[key] != nil {
                        result.wordingDifferencesSeen.insert(key)
                    } else {
                        result.failures.append("\(key): \(file) rejected with \"\(error)\", expected \"\(expected)\"")
                    }
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

    @Test(arguments: Testsuite.scriptNames)
    func script(_ name: String) throws {
        let result = try Self.evaluate(name)
        for failure in result.failures {
            Issue.record(Comment(rawValue: failure))
        }
    }

    /// Totals over the whole suite, printed for the record, and the exception lists kept honest:
    /// every listed wording difference must still occur.
    @Test(.enabled(if: Testsuite.isPresent, Comment(rawValue: Testsuite.missingMessage)))
    func totals() throws {
        var total = ScriptResult()
        for script in Testsuite.scriptNames {
            let result = try Self.evaluate(script)
            total.modules += result.modules
            total.modulesDecoded += result.modulesDecoded
            total.textModules += result.textModules
            total.malformed += result.malformed
            total.malformedRejected += result.malformedRejected
            total.messagesMatching += result.messagesMatching
            total.failures += result.failures
            total.wordingDifferencesSeen.formUnion(result.wordingDifferencesSeen)
        }
        print("""
            decoded \(total.modulesDecoded)/\(total.modules) module binaries (\(total.textModules) text-only modules not counted); \
            rejected \(total.malformedRejected)/\(total.malformed) binary assert_malformed, \
            \(total.messagesMatching) with the suite's words and \(total.wordingDifferencesSeen.count) known wording differences
            """)
        #expect(total.modules > 1_500)
        #expect(total.malformed > 650)
        #expect(total.modulesDecoded == total.modules - Self.decodingExceptions.count)
        #expect(total.failures.isEmpty, Comment(rawValue: total.failures.joined(separator: "\n")))
        let stale = Set(Self.wordingDifferences.keys).subtracting(total.wordingDifferencesSeen)
        #expect(stale.isEmpty, "listed wording differences that no longer occur: \(stale.sorted())")
    }

    /// Every binary in the suite (valid, invalid, malformed, unlinkable, ...) decodes or throws a
    /// `DecodeError`; nothing crashes.
    @Test(.enabled(if: Testsuite.isPresent, Comment(rawValue: Testsuite.missingMessage)))
    func everyBinaryDecodesOrThrows() throws {
        let files = Testsuite.allBinaryFiles()
        var decoded = 0
        var rejected = 0
        for path in files {
            let parts = path.split(separator: "/")
            guard parts.count == 2 else { continue }
            let bytes = try Testsuite.bytes(of: String(parts[1]), in: String(parts[0]))
            do {
                let module = try ModuleDecoder.decode(bytes, features: .webAssembly2)
                decoded += 1
                // Re-read every body with the public reader, as validation will.
                for body in module.codes {
                    var reader = InstructionReader(code: body.code, baseOffset: body.codeOffset)
                    while !reader.isAtEnd { _ = try reader.next() }
                }
            } catch {
                rejected += 1
            }
        }
        print("read \(files.count) .wasm files of the suite: \(decoded) decoded, \(rejected) rejected")
        #expect(files.count > 4_000)
        #expect(decoded + rejected == files.count)
    }
}
