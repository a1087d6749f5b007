import Testing
import WasmBinary
import WasmInterpreter
import WasmText

/// Behaviour that the translator's fusions must preserve: each case runs code shaped to trigger
/// one of them and checks the result against the wasm semantics computed here.
@Suite struct TranslationTests {
    static let module = """
        (module
          (memory (export "memory") 1)
          ;; An i32.add feeding a load or store address wraps at 2^32 before the offset is added.
          (func (export "load_sum") (param $base i32) (param $index i32) (result i32)
            (i32.load8_u offset=1 (i32.add (local.get $base) (local.get $index))))
          (func (export "store_sum") (param $base i32) (param $index i32) (param $value i32)
            (i32.store8 (i32.add (local.get $base) (local.get $index)) (local.get $value)))
          ;; local.set after an operation writes the local directly; an earlier read of the
          ;; local still on the stack must keep the old value.
          (func (export "swap_difference") (param $a i32) (param $b i32) (result i32)
            (local.get $a)
            (local.set $a (i32.add (local.get $a) (local.get $b)))
            (i32.sub (local.get $a)))
          ;; Fused compare-and-branch in both polarities, with an immediate and with two slots.
          (func (export "clamp") (param $x i32) (param $limit i32) (result i32)
            (block $in_range
              (br_if $in_range (i32.le_s (local.get $x) (local.get $limit)))
              (return (local.get $limit)))
            (if (result i32) (i32.lt_s (local.get $x) (i32.const 0))
              (then (i32.const 0))
              (else (local.get $x))))
          ;; A branch carrying a value out of a block, past a fused condition.
          (func (export "first_zero") (param $n i32) (result i32)
            (local $i i32)
            (block $found (result i32)
              (loop $next
                (drop (br_if $found (local.get $i) (i32.eq (i32.load8_u (local.get $i)) (i32.const 0))))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br_if $next (i32.lt_u (local.get $i) (local.get $n))))
              (i32.const -1)))
          ;; A while loop: the head test leaves the loop; the branch back repeats the test.
          (func (export "sum_below") (param $n i32) (result i32)
            (local $i i32) (local $sum i32)
            (block $done
              (loop $next
                (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
                (local.set $sum (i32.add (local.get $sum) (local.get $i)))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $next)))
            (local.get $sum)))
        """

    @Test func indexedAccessesWrapLikeI32Add() throws {
        let instance = try instantiate(Self.module)
        let memory = try #require(instance.memory("memory"))
        try memory.write([7, 8, 9], at: 0)
        // 0xFFFF_FFFF + 2 wraps to 1; offset 1 makes it 2.
        #expect(try instance.invoke("load_sum", [.i32(0xFFFF_FFFF), .i32(2)]) == [.i32(9)])
        #expect(try instance.invoke("load_sum", [.i32(1), .i32(0)]) == [.i32(9)])
        #expect(throws: Trap(.outOfBoundsMemoryAccess)) { try instance.invoke("load_sum", [.i32(65_535), .i32(0)]) }
        _ = try instance.invoke("store_sum", [.i32(0xFFFF_FFFF), .i32(6), .i32(42)])
        #expect(try memory.read(at: 5, count: 1) == [42])
        #expect(throws: Trap(.outOfBoundsMemoryAccess)) { try instance.invoke("store_sum", [.i32(65_536), .i32(0), .i32(1)]) }
    }

    @Test func aLocalWrittenAfterItWasReadKeepsTheOldReadValue() throws {
        let instance = try instantiate(Self.module)
        // old a − (a + b) = −b
        #expect(try instance.invoke("swap_difference", [Value(Int32(10)), Value(Int32(3))]) == [Value(Int32(-3))])
    }

    @Test(arguments: [(5, 10, 5), (15, 10, 10), (-4, 10, 0), (10, 10, 10), (Int32.min, 0, 0)] as [(Int32, Int32, Int32)])
    func fusedComparisonsBranchBothWays(x: Int32, limit: Int32, expected: Int32) throws {
        let instance = try instantiate(Self.module)
        #expect(try instance.invoke("clamp", [Value(x), Value(limit)]) == [Value(expected)])
    }

    @Test(arguments: [0, 1, 2, 5, 1000] as [UInt32])
    func aWhileLoopRepeatsItsHeadTest(n: UInt32) throws {
        let instance = try instantiate(Self.module)
        let expected = (0..<n).reduce(UInt32(0), &+)
        #expect(try instance.invoke("sum_below", [.i32(n)]) == [.i32(expected)])
    }

    @Test func aBranchCarriesItsValueOutOfTheBlock() throws {
        let instance = try instantiate(Self.module)
        let memory = try #require(instance.memory("memory"))
        try memory.write([1, 2, 3, 0, 5], at: 0)
        #expect(try instance.invoke("first_zero", [.i32(5)]) == [.i32(3)])
        #expect(try instance.invoke("first_zero", [.i32(3)]) == [Value(Int32(-1))])
    }
}
