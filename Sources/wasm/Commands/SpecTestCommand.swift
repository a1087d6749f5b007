import Foundation
import WasmBinary
import WasmSpecTest

/// `wasm spectest [--verbose] [--notes] [--features 2.0|3.0] PATH...`: runs spec test scripts and
/// prints each file's counts and the total; exits 1 if any command failed.
enum SpecTestCommand {
    static let subcommand = CommandLineTool.Subcommand(
        name: "spectest",
        usage: "spectest [--verbose] [--notes] [--features 2.0|3.0] PATH...",
        summary: "Run spec test scripts (.wast, wast2json .json, or folders of them); print pass/fail/skip counts.",
        run: run)

    static let help = """
        usage: wasm spectest [--verbose] [--notes] [--features 2.0|3.0] PATH...

        Runs WebAssembly spec test scripts: .wast files, wast2json .json files (with their .wasm
        files beside them), or folders searched for both. Prints 'NAME: N passed, N failed,
        N skipped' per file and a final total. Exits 1 if any command failed, 2 on misuse.

          --verbose          print each failure (file:line, command, expected vs got) and the skip reasons
          --notes            print notes on passing commands (e.g. an error message other than the script's)
          --features 2.0     decode and validate modules by the WebAssembly 2.0 rules (the 2.0
                             testsuite asserts that what 3.0 added is rejected)
          --features 3.0     by the WebAssembly 3.0 rules (garbage collection aside), plus the
                             wide-arithmetic and custom-page-sizes proposals
          By default .json scripts (wast2json's form, in which the 2.0 testsuite is published) run
          with 2.0 rules and .wast scripts with 3.0 rules.
        """

    static func run(_ arguments: [String]) -> Int32 {
        var verbose = false
        var notes = false
        var features: WasmFeatures?
        var paths: [String] = []
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--help", "-h":
                Console.write(help)
                return 0
            case "--verbose", "-v": verbose = true
            case "--notes": notes = true
            case "--features":
                switch remaining.popFirst() {
                case "2.0": features = .webAssembly2
                case "3.0": features = .all
                default:
                    Console.error("wasm spectest: --features takes 2.0 or 3.0")
                    return 2
                }
            default:
                if argument.hasPrefix("-") {
                    Console.error("wasm spectest: unknown option '\(argument)'")
                    return 2
                }
                paths.append(argument)
            }
        }
        guard !paths.isEmpty else {
            Console.error("wasm spectest: no script given\n\n" + help)
            return 2
        }
        let files: [String]
        do {
            files = try SpecScriptFiles.find(paths)
        } catch {
            Console.error("wasm spectest: \(error)")
            return 2
        }
        var passed = 0
        var failed = 0
        var skipped = 0
        for file in files {
            let report: SpecReport
            do {
                let isWast = file.hasSuffix(".wast")
                let runner = SpecRunner(features: features ?? (isWast ? .all : .webAssembly2))
                report = runner.run(try isWast ? WastScriptReader.read(path: file) : SpecJSONReader.read(path: file))
            } catch {
                Console.write("\(file): cannot run: \(error)")
                failed += 1
                continue
            }
            passed += report.passed
            failed += report.failed
            skipped += report.skipped
            Console.write(report.summary)
            if verbose { printDetails(of: report) }
            if notes { printNotes(of: report) }
            fflush(nil)  // all streams: keep the counts so far if a script crashes the process
        }
        Console.write("\(passed) passed, \(failed) failed, \(skipped) skipped")
        return failed > 0 ? 1 : 0
    }

    static func printDetails(of report: SpecReport) {
        for failure in report.failures {
            if case .failed(let reason) = failure.outcome {
                Console.write("  \(report.sourceName):\(failure.line): \(failure.command): \(reason)")
            }
        }
        var reasons: [String: Int] = [:]
        for skip in report.skips {
            if case .skipped(let reason) = skip.outcome { reasons[reason, default: 0] += 1 }
        }
        for (reason, count) in reasons.sorted(by: { $0.key < $1.key }) {
            Console.write("  skipped \(count): \(reason)")
        }
    }

    static func printNotes(of report: SpecReport) {
        for result in report.results {
            if let note = result.note {
                Console.write("  note \(report.sourceName):\(result.line): \(result.command): \(note)")
            }
        }
    }
}
