import Foundation
import Testing

/// `wasm run` on the exception fixtures (`Fixtures/exceptions`, in the 3.0 encoding and in the
/// legacy one): what a module caught is printed as its results; an exception nothing catches
/// ends the run with a message naming the tag and its values, and exit status 1.
@Suite struct RunExceptionTests {
    /// (fixture, export, argument): each throws from 5 frames down and returns what it caught.
    static let caught: [(String, String)] = [
        ("try_table", "catch_deep"), ("try_table", "relay_deep"),
        ("legacy", "catch_deep"), ("legacy", "relay_deep"), ("legacy", "delegate_deep"),
    ]

    @Test(arguments: caught.map { "\($0.0) \($0.1)" })
    func whatTheModuleCaughtIsPrinted(_ fixture: String) throws {
        let parts = fixture.split(separator: " ").map(String.init)
        let output = try WasmProcess.run(["run", "Fixtures/exceptions/\(parts[0]).wasm", "--invoke", parts[1], "5"])
        #expect(output.status == 0, "\(output.standardError)")
        // The code thrown (7) and 1000 for each of the 5 frames it passed through.
        #expect(output.standardOutput == "7\n5000\n")
        #expect(output.standardError == "")
    }

    @Test(arguments: ["try_table", "legacy"])
    func anUncaughtExceptionNamesItsExportedTagAndValues(_ fixture: String) throws {
        let output = try WasmProcess.run(["run", "Fixtures/exceptions/\(fixture).wasm", "--invoke", "throw_deep", "3"])
        #expect(output.status == 1)
        #expect(output.standardOutput == "")
        #expect(output.standardError == "wasm run: uncaught exception: tag \"failure\" (param i32 i64) with values 13, 3000\n")
    }

    @Test func aTagThatIsNotExportedIsNamedByItsIndex() throws {
        let output = try WasmProcess.run(["run", "Fixtures/exceptions/try_table.wasm", "--invoke", "throw_internal", "1.5"])
        #expect(output.status == 1)
        #expect(output.standardError == "wasm run: uncaught exception: tag 1 (param f64) with values 1.5\n")
    }
}
