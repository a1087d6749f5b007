import Foundation
import TestSupport
import Testing
import WasmWASI

/// The official WASI testsuite's 72 preview 1 tests (C, Rust, AssemblyScript), one test each,
/// run as its `doc/specification.md` says: the arguments and environment of its JSON file (and
/// nothing else), its folders preopened, the exit code and (where given) the output compared.
/// Each runs on a fresh copy of its folder.
struct WASITestsuiteTests {
    /// A missing suite is reported (by `SpecTestsuite3Tests.suitesArePresent`) and not run; a
    /// present one must be whole.
    @Test(.enabled(if: WASITestsuite.isPresent, Comment(rawValue: WASITestsuite.missingMessage)))
    func theSuiteIsWhole() {
        #expect(WASITestsuite.cases.count == 72, "the suite's README counts 72 preview 1 tests, found \(WASITestsuite.cases.count)")
    }

    @Test(.enabled(if: WASITestsuite.isPresent, Comment(rawValue: WASITestsuite.missingMessage)))
    func knownFailuresNameRealTests() {
        var seen = Set<String>()
        for entry in WASIKnownFailures.entries {
            #expect(WASITestsuite.cases.contains { $0.language == entry.language && $0.name == entry.name },
                    "no test \(entry.language)/\(entry.name)")
            #expect(!entry.reason.trimmingCharacters(in: .whitespaces).isEmpty, "\(entry.name) needs a reason")
            #expect(seen.insert("\(entry.language)/\(entry.name)").inserted, "\(entry.name) is listed twice")
        }
    }

    @Test(arguments: WASITestsuite.cases)
    func suiteTest(_ test: WASITestsuite.Case) throws {
        let specification = test.specification
        if let unsupported = specification.unsupported {
            Issue.record("\(test) was not run: \(unsupported)")
            return
        }
        let folder = try TemporaryFolder("wasi-suite")
        try Self.copyContents(of: test.folder, to: folder.url)
        var directories = specification.directories.map {
            PreopenedDirectory(hostPath: folder.file($0).path, guestPath: $0)
        }
        if let root = specification.root {
            directories.append(PreopenedDirectory(hostPath: folder.file(root).path, guestPath: "/"))
        }
        let configuration = WASIConfiguration(
            arguments: [test.module.lastPathComponent] + specification.arguments,
            environment: specification.environment, preopenedDirectories: directories)
        let run = try ProgramRun(file: test.module, configuration: configuration)

        var problems: [String] = []
        if run.ending != .exited(specification.exitCode) {
            problems.append("ended with \(run.ending), expected exit code \(specification.exitCode)")
        }
        if let expected = specification.standardOutput, run.output != expected {
            problems.append("stdout was \(run.output.debugDescription), expected \(expected.debugDescription)")
        }
        if let expected = specification.standardError, run.errorOutput != expected {
            problems.append("stderr was \(run.errorOutput.debugDescription), expected \(expected.debugDescription)")
        }
        if let reason = WASIKnownFailures.reason(language: test.language, name: test.name) {
            if problems.isEmpty {
                Issue.record("\(test) is listed in WASIKnownFailures (\(reason)) but passes: remove it")
            }
            return
        }
        if !problems.isEmpty {
            Issue.record("\(test): \(problems.joined(separator: "; "))\nstderr: \(run.errorOutput.suffix(2_000))")
        }
    }

    /// Copies the test folder's files and folders except the modules themselves, leftovers of
    /// earlier runs (`*.cleanup`) excluded, and makes the copy writable (the suite may be
    /// read-only).
    static func copyContents(of source: URL, to destination: URL) throws {
        let manager = FileManager.default
        for name in try manager.contentsOfDirectory(atPath: source.path)
        where !name.hasSuffix(".wasm") && !name.hasSuffix(".cleanup") {
            try manager.copyItem(at: source.appendingPathComponent(name), to: destination.appendingPathComponent(name))
        }
        let enumerator = manager.enumerator(atPath: destination.path)
        while let relative = enumerator?.nextObject() as? String {
            let path = destination.appendingPathComponent(relative).path
            let attributes = try manager.attributesOfItem(atPath: path)
            let permissions = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o644
            let isDirectory = attributes[.type] as? FileAttributeType == .typeDirectory
            try manager.setAttributes([.posixPermissions: permissions | (isDirectory ? 0o700 : 0o600)], ofItemAtPath: path)
        }
    }
}
