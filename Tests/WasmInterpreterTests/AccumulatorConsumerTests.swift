import Testing
import WasmInterpreter

/// Consumers that read a value where its producer left it, in the accumulator (no store and
/// reload between them): `br_table`'s selector, `call_indirect`'s, `select`'s condition,
/// `global.set`'s value, `global.get` into the accumulator; locals the accumulator mirrors
/// across a `br_if` not taken and into a block or an `if`'s first arm; a `local.tee` of a local
/// still read from the first local. Each result is checked against the same computation in Swift.
@Suite struct AccumulatorConsumerTests {
    static let bytes: [UInt8] = [2, 0, 1, 5, 3, 9, 4, 1]

    /// Each with and without fuel: the metered code takes other paths around the same consumers.
    @Test(arguments: [nil, 1_000_000] as [UInt64?])
    func branchTableOnALoadedOrComputedSelector(fuel: UInt64?) throws {
        let instance = try instantiate("""
            (module
              (memory 1)
              (data (i32.const 0) "\\02\\00\\01\\05\\03\\09\\04\\01")
              ;; 10, 20, 30 for a loaded byte of 0, 1, 2; 40 for any other.
              (func (export "loaded") (param $i i32) (result i32)
                (block $d (block $c (block $b (block $a
                  (br_table $a $b $c $d (i32.load8_u (local.get $i))))
                  (return (i32.const 10)))
                  (return (i32.const 20)))
                  (return (i32.const 30)))
                (i32.const 40))
              ;; x * 7 carried to the label x & 3 picks, plus 100 times the label's number.
              (func (export "carried") (param $x i32) (result i32)
                (block $three (result i32)
                  (block $two (result i32)
                    (block $one (result i32)
                      (block $zero (result i32)
                        (i32.mul (local.get $x) (i32.const 7))
                        (br_table $zero $one $two $three (i32.and (local.get $x) (i32.const 3))))
                      (return (i32.add (i32.const 0))))
                    (return (i32.add (i32.const 100))))
                  (return (i32.add (i32.const 200))))
                (i32.add (i32.const 300)))
              ;; The selector kept in a local too (the accumulator mirrors it), then read again.
              (func (export "teed") (param $x i32) (result i32)
                (local $s i32)
                (block $b (block $a
                  (br_table $a $b (local.tee $s (i32.shr_u (local.get $x) (i32.const 1)))))
                  (return (i32.add (local.get $s) (i32.const 1000))))
                (i32.add (local.get $s) (i32.const 2000))))
            """, runtime: runtime(fuel: fuel))
        for index in 0..<Self.bytes.count {
            let expected: Int32 = [10, 20, 30][safe: Int(Self.bytes[index])] ?? 40
            #expect(try instance.invoke("loaded", [i32(Int32(index))]) == [i32(expected)])
        }
        for x: Int32 in [0, 1, 2, 3, 6, 13, -1, 1 << 30] {
            let expected = x &* 7 &+ 100 &* (x & 3)
            #expect(try instance.invoke("carried", [i32(x)]) == [i32(expected)])
        }
        for x: Int32 in [0, 1, 2, 3, 9, -2] {
            let s = Int32(bitPattern: UInt32(bitPattern: x) >> 1)
            #expect(try instance.invoke("teed", [i32(x)]) == [i32(s == 0 ? s + 1000 : s &+ 2000)])
        }
    }

    @Test(arguments: [nil, 1_000_000] as [UInt64?])
    func callIndirectOnALoadedOrComputedSelector(fuel: UInt64?) throws {
        let instance = try instantiate("""
            (module
              (type $binary (func (param i32 i32) (result i32)))
              (type $base (sub (func (param i32 i32) (result i32))))
              (type $derived (sub $base (func (param i32 i32) (result i32))))
              (type $unary (func (param i32) (result i32)))
              (memory 1)
              (data (i32.const 0) "\\02\\00\\01\\03\\04\\05\\09")
              (table 8 funcref)
              (elem (i32.const 0) $add $sub $mul $negate $derivedXor)
              (func $add (type $binary) (i32.add (local.get 0) (local.get 1)))
              (func $sub (type $binary) (i32.sub (local.get 0) (local.get 1)))
              (func $mul (type $binary) (i32.mul (local.get 0) (local.get 1)))
              (func $negate (type $unary) (i32.sub (i32.const 0) (local.get 0)))
              (func $derivedXor (type $derived) (i32.xor (local.get 0) (local.get 1)))
              ;; The arguments are locals (the call moves them), the selector a loaded byte.
              (func (export "loaded") (param $k i32) (param $a i32) (param $b i32) (result i32)
                (call_indirect (type $binary) (local.get $a) (local.get $b) (i32.load8_u (local.get $k))))
              ;; The first argument computed, the selector too (the argument is spilled first).
              (func (export "computed") (param $k i32) (param $a i32) (param $b i32) (result i32)
                (call_indirect (type $binary)
                  (i32.add (local.get $a) (i32.const 1)) (local.get $b) (i32.and (local.get $k) (i32.const 7))))
              ;; No arguments moved: constants; the selector is the table index of a `$base`.
              (func (export "asBase") (param $k i32) (result i32)
                (call_indirect (type $base) (i32.const 12) (i32.const 10) (i32.add (local.get $k) (i32.const 0)))))
            """, runtime: runtime(fuel: fuel))
        let functions: [((Int32, Int32) -> Int32)?] = [{ $0 &+ $1 }, { $0 &- $1 }, { $0 &* $1 }, nil, nil, nil, nil, nil]
        let loaded: [UInt8] = [2, 0, 1, 3, 4, 5, 9]
        for k in 0..<loaded.count {
            let selector = Int(loaded[k])
            if selector < 3, let function = functions[selector] {
                #expect(try instance.invoke("loaded", [i32(Int32(k)), i32(17), i32(5)]) == [i32(function(17, 5))])
            } else if selector == 3 || selector == 4 {
                // `$negate` is unary; `$derivedXor` is a `$derived`, a different type from `$binary`.
                #expect(throws: Trap(.indirectCallTypeMismatch)) { try instance.invoke("loaded", [i32(Int32(k)), i32(17), i32(5)]) }
            } else if selector < 8 {
                #expect(throws: Trap.self) { try instance.invoke("loaded", [i32(Int32(k)), i32(17), i32(5)]) }
            } else {
                #expect(throws: Trap(.undefinedElement)) { try instance.invoke("loaded", [i32(Int32(k)), i32(17), i32(5)]) }
            }
        }
        for k: Int32 in [0, 1, 2, 8, 9, 10] {
            let function = functions[Int(k & 7)]
            #expect(try instance.invoke("computed", [i32(k), i32(40), i32(-3)]) == [i32(function?(41, -3) ?? 0)])
        }
        // `$derivedXor` through its supertype: the subtype check's path reads the selector too.
        #expect(try instance.invoke("asBase", [i32(4)]) == [i32(12 ^ 10)])
        #expect(throws: Trap(.indirectCallTypeMismatch)) { try instance.invoke("asBase", [i32(0)]) }
        #expect(throws: Trap(.undefinedElement)) { try instance.invoke("asBase", [i32(8)]) }
    }

    @Test(arguments: [nil, 1_000_000] as [UInt64?])
    func selectOnAComparisonInTheAccumulator(fuel: UInt64?) throws {
        let instance = try instantiate("""
            (module
              (func (export "max") (param $a i32) (param $b i32) (result i32)
                (select (local.get $a) (local.get $b) (i32.gt_s (local.get $a) (local.get $b))))
              (func (export "constFirst") (param $a i32) (param $b i32) (result i32)
                (select (i32.const 77) (local.get $b) (i32.lt_u (local.get $a) (local.get $b))))
              (func (export "constSecond") (param $a i32) (param $b i32) (result i32)
                (select (local.get $a) (i32.const -5) (i32.eqz (local.get $b))))
              (func (export "constants") (param $a i32) (param $b i32) (result i32)
                (select (i32.const 10) (i32.const 32) (i32.and (local.get $a) (local.get $b))))
              ;; f64 values, the condition an i32 comparison; and a value in the float accumulator.
              (func (export "float") (param $a i32) (param $b i32) (result f64)
                (select (f64.mul (f64.convert_i32_s (local.get $a)) (f64.const 0.5)) (f64.const 2.25)
                  (i32.ge_s (local.get $a) (local.get $b))))
              ;; A condition computed while the first value waits in a slot, then a tee of the result.
              (func (export "teed") (param $a i32) (param $b i32) (result i32)
                (local $r i32)
                (local.set $r (select (i32.add (local.get $a) (i32.const 3)) (local.get $b)
                  (i32.ne (local.get $a) (local.get $b))))
                (i32.mul (local.get $r) (i32.const 2))))
            """, runtime: runtime(fuel: fuel))
        let pairs: [(Int32, Int32)] = [(0, 0), (1, 2), (2, 1), (-3, 4), (4, -3), (Int32.min, Int32.max), (6, 3)]
        for (a, b) in pairs {
            #expect(try instance.invoke("max", [i32(a), i32(b)]) == [i32(Swift.max(a, b))])
            #expect(try instance.invoke("constFirst", [i32(a), i32(b)]) == [i32(UInt32(bitPattern: a) < UInt32(bitPattern: b) ? 77 : b)])
            #expect(try instance.invoke("constSecond", [i32(a), i32(b)]) == [i32(b == 0 ? a : -5)])
            #expect(try instance.invoke("constants", [i32(a), i32(b)]) == [i32(a & b != 0 ? 10 : 32)])
            #expect(try instance.invoke("float", [i32(a), i32(b)]) == [f64(a >= b ? Double(a) * 0.5 : 2.25)])
            #expect(try instance.invoke("teed", [i32(a), i32(b)]) == [i32((a != b ? a &+ 3 : b) &* 2)])
        }
    }

    @Test func globalsThroughTheAccumulator() throws {
        let instance = try instantiate("""
            (module
              (global $sp (mut i32) (i32.const 1024))
              (global $wide (mut i64) (i64.const 0x1234_5678_9abc_def0))
              (global $f (mut f64) (f64.const 1.5))
              (global $fixed i32 (i32.const 7))
              ;; C's prologue and epilogue: the stack pointer lowered, kept in a local, restored.
              (func $frame (export "frame") (param $n i32) (result i32)
                (local $base i32)
                (global.set $sp (local.tee $base (i32.sub (global.get $sp) (i32.const 32))))
                (if (local.get $n) (then (drop (call $frame (i32.sub (local.get $n) (i32.const 1))))))
                (global.set $sp (i32.add (local.get $base) (i32.const 32)))
                (local.get $base))
              (func (export "sp") (result i32) (global.get $sp))
              ;; An i64 global rotated and stored back, all 64 bits kept.
              (func (export "step") (result i64)
                (global.set $wide (i64.xor (i64.rotl (global.get $wide) (i64.const 13)) (global.get $wide)))
                (global.get $wide))
              ;; A global read, kept in a local (the accumulator mirrors it) and stored elsewhere.
              (func (export "copyInto") (param $x i32) (result i32)
                (local $t i32)
                (local.set $t (global.get $fixed))
                (global.set $sp (local.get $t))
                (i32.add (global.get $sp) (i32.mul (local.get $t) (local.get $x))))
              (func (export "float") (param $x f64) (result f64)
                (global.set $f (f64.add (global.get $f) (local.get $x)))
                (global.get $f)))
            """)
        #expect(try instance.invoke("frame", [i32(3)]) == [i32(1024 - 32)])
        #expect(try instance.invoke("sp") == [i32(1024)])
        var wide: UInt64 = 0x1234_5678_9abc_def0
        for _ in 0..<3 {
            wide = ((wide << 13) | (wide >> 51)) ^ wide
            #expect(try instance.invoke("step") == [i64(Int64(bitPattern: wide))])
        }
        #expect(try instance.invoke("copyInto", [i32(6)]) == [i32(7 + 7 * 6)])
        #expect(try instance.invoke("sp") == [i32(7)])
        #expect(try instance.invoke("float", [f64(2.25)]) == [f64(3.75)])
    }

    /// A local the accumulator mirrors (a `local.tee` of a result) is read from the register
    /// after a `br_if` not taken and inside a block or an `if`'s first arm — but not after a
    /// label, nor after the local or the register changes on the way.
    @Test(arguments: [nil, 1_000_000] as [UInt64?])
    func mirrorsAcrossBranchesNotTaken(fuel: UInt64?) throws {
        let instance = try instantiate("""
            (module
              (memory 1)
              (func (export "afterBrIf") (param $x i32) (param $y i32) (result i32)
                (local $t i32)
                (block $out
                  (local.set $t (i32.mul (local.get $x) (i32.const 3)))
                  (br_if $out (i32.eq (local.get $y) (i32.const 0)))
                  (local.set $t (i32.add (local.get $t) (local.get $y)))
                  (br_if $out (i32.gt_s (local.get $t) (i32.const 100)))
                  (local.set $t (i32.xor (local.get $t) (i32.const 0xff))))
                (local.get $t))
              (func (export "intoIf") (param $x i32) (param $y i32) (result i32)
                (local $t i32)
                (local.set $t (i32.add (local.get $x) (i32.const 5)))
                (if (result i32) (local.get $y)
                  (then (i32.mul (local.get $t) (local.get $t)))
                  (else (i32.sub (local.get $t) (i32.const 1)))))
              ;; The register changes inside the block (a load into it) before the local is read.
              (func (export "clobbered") (param $x i32) (param $y i32) (result i32)
                (local $t i32)
                (i32.store (i32.const 8) (local.get $y))
                (local.set $t (i32.add (local.get $x) (i32.const 1)))
                (block $b
                  (drop (i32.load (i32.const 8)))
                  (br_if $b (i32.eqz (i32.load (i32.const 8))))
                  (local.set $t (i32.shl (local.get $t) (i32.const 1))))
                (local.get $t))
              ;; A loop whose exit test is not taken, then the mirrored counter read.
              (func (export "loop") (param $n i32) (result i32)
                (local $i i32) (local $sum i32)
                (block $done
                  (loop $more
                    (local.set $i (i32.add (local.get $i) (i32.const 1)))
                    (br_if $done (i32.gt_u (local.get $i) (local.get $n)))
                    (local.set $sum (i32.add (local.get $sum) (i32.mul (local.get $i) (local.get $i))))
                    (br $more)))
                (local.get $sum))
              ;; A loop entered with the local mirrored: its head is a label, so the second
              ;; iteration must read the local, not what the register holds by then.
              (func (export "loopEntry") (param $x i32) (result i32)
                (local $t i32) (local $n i32)
                (local.set $t (i32.mul (local.get $x) (i32.const 3)))
                (loop $again
                  (local.set $n (i32.add (local.get $n) (local.get $t)))
                  (br_if $again (i32.lt_u (local.get $n) (i32.const 100))))
                (local.get $n))
              ;; A `br_if` that returns the mirrored local; the path that does not still reads it.
              (func (export "returnIf") (param $x i32) (param $y i32) (result i32)
                (local $t i32)
                (local.set $t (i32.mul (local.get $x) (i32.const 3)))
                (drop (br_if 0 (local.get $t) (local.get $y)))
                (i32.sub (local.get $t) (i32.const 2)))
              (func (export "float") (param $x f64) (param $y i32) (result f64)
                (local $t f64)
                (block $out
                  (local.set $t (f64.mul (local.get $x) (f64.const 2)))
                  (br_if $out (local.get $y))
                  (local.set $t (f64.add (local.get $t) (f64.const 0.5))))
                (local.get $t)))
            """, runtime: runtime(fuel: fuel))
        for (x, y): (Int32, Int32) in [(0, 0), (1, 0), (5, 7), (30, 20), (40, 1), (-4, 3), (3, -50)] {
            var t = x &* 3
            if y != 0 {
                t = t &+ y
                if !(t > 100) { t ^= 0xff }
            }
            #expect(try instance.invoke("afterBrIf", [i32(x), i32(y)]) == [i32(t)])
            let u = x &+ 5
            #expect(try instance.invoke("intoIf", [i32(x), i32(y)]) == [i32(y != 0 ? u &* u : u &- 1)])
            let v = x &+ 1
            #expect(try instance.invoke("clobbered", [i32(x), i32(y)]) == [i32(y == 0 ? v : v << 1)])
            #expect(try instance.invoke("returnIf", [i32(x), i32(y)]) == [i32(y != 0 ? x &* 3 : x &* 3 &- 2)])
            #expect(try instance.invoke("float", [f64(Double(x)), i32(y)]) == [f64(y != 0 ? Double(x) * 2 : Double(x) * 2 + 0.5)])
        }
        for x: Int32 in [1, 7, 40, 1000] {
            var n: Int32 = 0
            repeat { n = n &+ x &* 3 } while UInt32(bitPattern: n) < 100
            #expect(try instance.invoke("loopEntry", [i32(x)]) == [i32(n)])
        }
        for n: Int32 in [0, 1, 5, 100] {
            let sum = (0...Int(n)).reduce(Int32(0)) { $0 &+ Int32($1) &* Int32($1) }
            #expect(try instance.invoke("loop", [i32(n)]) == [i32(sum)])
        }
    }

    /// `local.get a; local.tee b` leaves the value read from `a`: right when `a` changes while it is
    /// still on the stack (it is saved first), and when `b` changes instead.
    @Test func teeOfALocalReadsTheFirstLocal() throws {
        let instance = try instantiate("""
            (module
              (memory 1)
              (data (i32.const 0) "\\00\\05\\00\\07\\00\\00\\03\\00")
              ;; Sieve's outer loop: the next candidate into the loop's variable, its byte tested.
              (func (export "firstSet") (param $start i32) (result i32)
                (local $next i32) (local $i i32)
                (local.set $next (local.get $start))
                (block $found
                  (loop $scan
                    (br_if $found (i32.load8_u (local.tee $i (local.get $next))))
                    (local.set $next (i32.add (local.get $i) (i32.const 1)))
                    (br_if $scan (i32.lt_u (local.get $next) (i32.const 8))))
                  (return (i32.const -1)))
                (local.get $i))
              ;; The teed value is still on the stack when its first local changes, then when the other does.
              (func (export "firstChanges") (param $a i32) (result i32)
                (local $b i32)
                (local.tee $b (local.get $a))
                (local.set $a (i32.const 100))
                (i32.add (local.get $a) (local.get $b))
                (i32.mul))
              (func (export "secondChanges") (param $a i32) (result i32)
                (local $b i32)
                (local.tee $b (local.get $a))
                (local.set $b (i32.const 100))
                (i32.sub (local.get $b))
                (i32.add (local.get $a)))
              ;; A chain of tees: all three locals hold the value; one changes.
              (func (export "chain") (param $a i32) (result i32)
                (local $b i32) (local $c i32)
                (local.tee $c (local.tee $b (local.get $a)))
                (local.set $a (i32.add (local.get $a) (i32.const 1)))
                (i32.add (i32.mul (local.get $c) (i32.const 10)))
                (i32.add (i32.mul (local.get $b) (i32.const 100)))
                (i32.add (i32.mul (local.get $a) (i32.const 1000)))))
            """)
        let memory: [UInt8] = [0, 5, 0, 7, 0, 0, 3, 0]
        for start: Int32 in 0..<8 {
            let found = (Int(start)..<8).first { memory[$0] != 0 }
            #expect(try instance.invoke("firstSet", [i32(start)]) == [i32(found.map { Int32($0) } ?? -1)])
        }
        for a: Int32 in [0, 3, -9, 1 << 20] {
            #expect(try instance.invoke("firstChanges", [i32(a)]) == [i32(a &* (100 &+ a))])
            #expect(try instance.invoke("secondChanges", [i32(a)]) == [i32((a &- 100) &+ a)])
            let chained: Int32 = a &+ a &* 10 &+ a &* 100 &+ (a &+ 1) &* 1000
            #expect(try instance.invoke("chain", [i32(a)]) == [i32(chained)])
        }
    }
}

private func i32(_ value: Int32) -> Value { Value(value) }
private func i64(_ value: Int64) -> Value { Value(value) }
private func f64(_ value: Double) -> Value { Value(value) }

private extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
