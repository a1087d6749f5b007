import Foundation
import TestSupport
import Testing
@testable import WasmText

/// The committed fixture binaries are exactly what our assembler makes of their `.wat` sources.
struct FixtureTests {
    @Test(arguments: ["stringOps", "byteStats", "kernels/fib", "kernels/fnv1a", "kernels/loop", "kernels/stringops",
                        "exceptions/try_table", "exceptions/legacy"])
    func fixtureBinaryIsOurAssembly(name: String) throws {
        let fixtures = Testsuite.packageRoot.appendingPathComponent("Fixtures")
        let text = try String(contentsOf: fixtures.appendingPathComponent("\(name).wat"), encoding: .utf8)
        let committed = [UInt8](try Data(contentsOf: fixtures.appendingPathComponent("\(name).wasm")))
        let assembled = try WatParser.assemble(text)
        #expect(assembled == committed, "Fixtures/\(name).wasm differs from `wasm wat2wasm Fixtures/\(name).wat`")
    }
}
