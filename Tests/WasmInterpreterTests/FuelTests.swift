import Foundation
import Testing
import WasmBinary
@testable import WasmInterpreter
import WasmText

/// Fuel: one unit per WebAssembly instruction run (wasmtime's rule: `nop`, `drop`, `block`,
/// `loop`, `else`, `end`, `unreachable`, `return` free) and one per function entered, charged a
/// block at a time. The expected counts are the kernels' instructions counted by hand (as in
/// `Fixtures/kernels/README.md`) plus the calls; wasmtime 51 consumes the same.
@Suite struct FuelTests {
    func kernel(_ file: String, runtime: Runtime) throws -> Instance {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/kernels/\(file)")
        return try runtime.instantiate(try CompiledModule(bytes: Array(try Data(contentsOf: url))))
    }

    static let spinning = """
        (module
          (func (export "spin") (loop (br 0)))
          (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
        """

    @Test func anInfiniteLoopRunsOutOfFuelAndTheInstanceStaysUsable() throws {
        let runtime = runtime(fuel: 10_000)
        let instance = try runtime.instantiate(try CompiledModule(bytes: try WatParser.assemble(Self.spinning)))
        #expect(throws: Trap(.outOfFuel)) { try instance.invoke("spin") }
        // Entering costs 1 and the loop's block 1 (its `br`): every unit was spent.
        #expect(runtime.fuel == 0)
        #expect(throws: Trap(.outOfFuel)) { try instance.invoke("add", [.i32(1), .i32(2)]) }
        runtime.fuel = 4
        #expect(try instance.invoke("add", [.i32(1), .i32(2)]) == [.i32(3)])
        #expect(runtime.fuel == 0)
        runtime.fuel = 1_000
        #expect(try instance.invoke("add", [.i32(40), .i32(2)]) == [.i32(42)])
        #expect(runtime.fuel == 996)
    }

    /// A kernel call and the instructions it runs.
    struct Count: Sendable, CustomTestStringConvertible {
        let file: String, export: String, argument: UInt32, instructions: UInt64
        var testDescription: String { "\(export)(\(argument))" }
    }

    static let counts: [Count] = [
        // fib(20): 10,946 base-case calls of 5 instructions, 10,945 others of 13; 21,891 calls.
        Count(file: "fib.wasm", export: "fib", argument: 20, instructions: 5 * 10_946 + 13 * 10_945 + 21_891),
        // xorshift(n): 2 to set x, 3 in the entry check, 23 per iteration, the final local.get.
        Count(file: "loop.wasm", export: "xorshift", argument: 1_000, instructions: 2 + 3 + 23 * 1_000 + 1 + 1),
        Count(file: "loop.wasm", export: "xorshift", argument: 0, instructions: 2 + 3 + 1 + 1),
        // sum(n): 13 per iteration, 4 in the exiting test, and the final local.get.
        Count(file: "loop.wasm", export: "sum", argument: 1_000, instructions: 13 * 1_000 + 4 + 1 + 1),
        Count(file: "loop.wasm", export: "sum", argument: 0, instructions: 4 + 1 + 1),
    ]

    @Test(arguments: counts)
    func fuelCountsTheInstructionsRun(count: Count) throws {
        let start: UInt64 = 1 << 40
        let runtime = runtime(fuel: start)
        let instance = try kernel(count.file, runtime: runtime)
        _ = try instance.invoke(count.export, [.i32(count.argument)])
        let left = try #require(runtime.fuel)
        #expect(start - left == count.instructions)
    }

    @Test func runningOutStopsBeforeTheBlockThatDoesNotFit() throws {
        // sum(1000) needs 13,006: with 13,000 it stops in its last iterations, and with the
        // fuel refilled the next call runs in full.
        let runtime = runtime(fuel: 13_000)
        let instance = try kernel("loop.wasm", runtime: runtime)
        #expect(throws: Trap(.outOfFuel)) { try instance.invoke("sum", [.i32(1_000)]) }
        #expect(runtime.fuel.map { $0 < 13 } == true)
        runtime.fuel = 13_006
        #expect(try instance.invoke("sum", [.i32(1_000)]) == [.i32(499_500)])
        #expect(runtime.fuel == 0)
    }

    /// A loop inside a loop whose first test leaves to the outer loop: both loops are rotated
    /// (their tests repeated at the back-edges), and the inner one's exit is itself a branch back
    /// that charges the outer loop's block.
    static let nested = """
        (module
          (func (export "nest") (param $n i32) (result i32)
            (local $i i32) (local $j i32) (local $s i32)
            (block $done
              (loop $outer
                (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (local.set $j (i32.const 0))
                (loop $inner
                  (br_if $outer (i32.ge_u (local.get $j) (local.get $i)))
                  (local.set $s (i32.add (local.get $s) (local.get $j)))
                  (local.set $j (i32.add (local.get $j) (i32.const 1)))
                  (br $inner))))
            (local.get $s)))
        """

    @Test(arguments: [UInt32(0), 1, 10, 100])
    func aLoopLeavingToAnOuterLoopCountsAndComputesAsWithoutFuel(n: UInt32) throws {
        let compiled = try CompiledModule(bytes: try WatParser.assemble(Self.nested))
        let start: UInt64 = 1 << 40
        let metered = runtime(fuel: start)
        let result = try metered.instantiate(compiled).invoke("nest", [.i32(n)])
        // The sum of j for 0 ≤ j < i ≤ n, computed here rather than by the engine.
        var expected: UInt32 = 0
        for i in 0..<n { expected += i * (i + 1) / 2 }
        #expect(result == [.i32(expected)])
        #expect(try runtime(fuel: nil).instantiate(compiled).invoke("nest", [.i32(n)]) == [.i32(expected)])
        // Entering 1; per outer pass 4 (test) + 4 (i += 1) + 2 (j = 0) + 4 (the inner test that
        // leaves) and 13 per inner pass; the last outer test 4 and the final local.get 1.
        // wasmtime 51 consumes the same (861 for n = 10).
        let n64 = UInt64(n)
        let passes: UInt64 = 14 * n64 + 13 * (n64 * (n64 + 1) / 2)
        let left = try #require(metered.fuel)
        #expect(start - left == 1 + passes + 4 + 1)
    }

    @Test func withoutFuelTheCodeHasNoCharges() throws {
        let compiled = try CompiledModule(bytes: try WatParser.assemble(Self.spinning))
        let plain = Array(UnsafeBufferPointer(start: compiled.code.base, count: compiled.code.count))
        #expect(!plain.contains(Handlers.consumeFuel))
        let metered = try compiled.translatedCode(metered: true)
        let charged = Array(UnsafeBufferPointer(start: metered.base, count: metered.count))
        #expect(charged.contains(Handlers.consumeFuel))
        // The same compiled module runs unmetered in a runtime without fuel.
        let runtime = runtime(fuel: nil)
        #expect(runtime.fuel == nil)
        runtime.fuel = 5  // no effect: this runtime's code consumes no fuel
        #expect(runtime.fuel == nil)
        #expect(try runtime.instantiate(compiled).invoke("add", [.i32(1), .i32(2)]) == [.i32(3)])
    }

    @Test func hostFunctionsShareTheCallsFuelAndMayRefillIt() throws {
        let source = """
            (module
              (import "host" "refill" (func $refill))
              (func $count (export "count") (param $n i32) (result i32)
                (if (result i32) (local.get $n)
                  (then (i32.add (i32.const 1) (call $count (i32.sub (local.get $n) (i32.const 1)))))
                  (else (i32.const 0))))
              (func (export "long") (result i32)
                (call $refill)
                (call $count (i32.const 100))))
            """
        let runtime = runtime(fuel: 50)
        var imports = Imports()
        imports.define(module: "host", name: "refill", .function(runtime.hostFunction(type: FunctionType()) { _ in
            runtime.fuel = 10_000
            return []
        }))
        let instance = try runtime.instantiate(try CompiledModule(bytes: try WatParser.assemble(source)), imports: imports)
        // 50 units are not enough for count(100), but the host refills before it runs.
        #expect(try instance.invoke("long") == [.i32(100)])
        let left = try #require(runtime.fuel)
        // count(n > 0) runs 8 instructions, count(0) runs 3, each call 1 more; `long`'s own
        // were charged (from the first 50) before the host ran.
        #expect(10_000 - left == UInt64(9 * 100 + 4))
    }

    @Test func bulkInstructionsPayForTheirWork() throws {
        let source = """
            (module
              (memory 1)
              (table 8 funcref)
              (func (export "fill") (param $n i32) (memory.fill (i32.const 0) (i32.const 7) (local.get $n)))
              (func (export "fillConstant") (memory.fill (i32.const 0) (i32.const 7) (i32.const 300)))
              (func (export "tableFill") (param $n i32) (table.fill (i32.const 0) (ref.null func) (local.get $n)))
              (func (export "grow") (param $n i32) (result i32) (memory.grow (local.get $n))))
            """
        let runtime = runtime(fuel: 1 << 30)
        let instance = try runtime.instantiate(try CompiledModule(bytes: try WatParser.assemble(source)))
        func cost(_ export: String, _ arguments: [Value]) throws -> UInt64 {
            let before = try #require(runtime.fuel)
            _ = try instance.invoke(export, arguments)
            return before - (try #require(runtime.fuel))
        }
        // Entering, three operands, the fill: 5, and one per byte or element.
        #expect(try cost("fill", [.i32(1_000)]) == 5 + 1_000)
        #expect(try cost("fill", [.i32(0)]) == 5)
        #expect(try cost("fillConstant", []) == 5 + 300)
        #expect(try cost("tableFill", [.i32(8)]) == 5 + 8)
        // A grow costs 1 whatever its size.
        #expect(try cost("grow", [.i32(100)]) == 3)
        // Out of bounds is the trap, not fuel; a fill that ran and leaves too little fuel stops.
        runtime.fuel = 10
        #expect(throws: Trap(.outOfBoundsMemoryAccess)) { try instance.invoke("fill", [.i32(UInt32.max)]) }
        runtime.fuel = 10
        #expect(throws: Trap(.outOfFuel)) { try instance.invoke("fill", [.i32(1_000)]) }
    }

    @Test func aStartFunctionConsumesFuelToo() throws {
        let source = "(module (func $start (loop (br 0))) (start $start))"
        let runtime = runtime(fuel: 1_000)
        let compiled = try CompiledModule(bytes: try WatParser.assemble(source))
        #expect {
            try runtime.instantiate(compiled)
        } throws: { error in
            guard case InstantiationError.trap(let trap) = error else { return false }
            return trap.reason == .outOfFuel
        }
    }
}
