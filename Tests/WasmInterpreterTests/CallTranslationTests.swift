import Testing
import WasmBinary
import WasmInterpreter
import WasmText

/// Calls that move their arguments from locals themselves, results returned from where their
/// producer left them, `select` with constants in the code, and a `local.set` whose producer
/// writes the local after the old value is saved: each case checks results computed here.
@Suite struct CallTranslationTests {
    static let module = """
        (module
          (type $nine (func (param i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
          (type $mixed (func (param i64 f64 i32) (result f64)))
          (table funcref (elem $weigh $mix))
          ;; Σ pᵢ·(i+1): every argument's position shows in the result.
          (func $weigh (type $nine)
            (i32.add (i32.add (i32.add (i32.add (i32.add (i32.add (i32.add (i32.add
              (local.get 0)
              (i32.mul (local.get 1) (i32.const 2)))
              (i32.mul (local.get 2) (i32.const 3)))
              (i32.mul (local.get 3) (i32.const 4)))
              (i32.mul (local.get 4) (i32.const 5)))
              (i32.mul (local.get 5) (i32.const 6)))
              (i32.mul (local.get 6) (i32.const 7)))
              (i32.mul (local.get 7) (i32.const 8)))
              (i32.mul (local.get 8) (i32.const 9))))
          (func $mix (type $mixed)
            (f64.add (f64.convert_i64_s (local.get 0)) (f64.mul (local.get 1) (f64.convert_i32_s (local.get 2)))))
          (func $pair (param i32 i32) (result i32) (i32.sub (local.get 0) (local.get 1)))
          (func $triple (param i32 i32 i32) (result i32)
            (i32.sub (i32.sub (local.get 0) (local.get 1)) (local.get 2)))
          ;; Locals in scrambled order, a constant and a computed value between them.
          (func (export "direct") (param $a i32) (param $b i32) (param $c i32) (result i32)
            (local $d i32)
            (local.set $d (i32.mul (local.get $a) (local.get $b)))
            (call $weigh (local.get $c) (local.get $a) (i32.const 100) (local.get $d) (local.get $b)
              (i32.add (local.get $a) (i32.const 1)) (local.get $c) (local.get $a) (local.get $d)))
          (func (export "indirect") (param $a i32) (param $b i32) (param $c i32) (result i32)
            (call_indirect (type $nine) (local.get $b) (local.get $c) (local.get $a) (local.get $b) (local.get $c)
              (local.get $a) (local.get $b) (i32.const 7) (local.get $c) (i32.const 0)))
          (func (export "mixed") (param $x i64) (param $y f64) (param $k i32) (result f64)
            (f64.add (call $mix (local.get $x) (local.get $y) (local.get $k))
                     (call_indirect (type $mixed) (local.get $x) (local.get $y) (local.get $k) (i32.const 1))))
          (func (export "short") (param $a i32) (param $b i32) (param $c i32) (result i32)
            (i32.add (call $pair (local.get $b) (local.get $a))
                     (call $triple (local.get $c) (local.get $a) (local.get $b))))
          ;; A same-local argument twice, and the call's result into a local read afterwards.
          (func (export "twice") (param $a i32) (result i32)
            (local $r i32)
            (local.set $r (call $pair (local.get $a) (local.get $a)))
            (i32.add (local.get $r) (local.get $a)))
          ;; Results in the accumulators, returned mid-function with dead code after them.
          (func (export "early_i32") (param $x i32) (result i32)
            (block $out
              (if (i32.gt_s (local.get $x) (i32.const 10))
                (then (return (i32.mul (local.get $x) (i32.const 3)))))
              (br $out))
            (i32.add (local.get $x) (i32.const 1)))
          (func (export "early_i64") (param $x i64) (result i64)
            (block $out
              (return (i64.xor (local.get $x) (i64.const -1)))
              (br $out))
            (i64.const 0))
          (func (export "ends_f64") (param $x f64) (param $y f64) (result f64)
            (f64.div (local.get $x) (local.get $y)))
          (func (export "ends_f32") (param $bits i32) (result f32)
            (f32.reinterpret_i32 (local.get $bits)))
          (func (export "ends_eqz") (param $x i32) (result i32)
            (i32.eqz (local.get $x)))
          ;; select with constants in the code.
          (func (export "select_both") (param $c i32) (result i32)
            (select (i32.const 10) (i32.const 32) (local.get $c)))
          (func (export "select_first") (param $c i32) (param $x i64) (result i64)
            (local $r i64)
            (local.set $r (select (i64.const -5) (local.get $x) (local.get $c)))
            (local.get $r))
          (func (export "select_second") (param $c i32) (param $x f64) (result f64)
            (select (local.get $x) (f64.const 2.5) (local.get $c)))
          ;; local.set of a new value while the old one is still on the stack, twice.
          (func (export "old_and_new") (param $x i32) (result i32)
            (local.get $x)
            (local.get $x)
            (local.set $x (i32.shr_s (local.get $x) (i32.const 1)))
            (local.get $x)
            (i32.sub)
            (i32.mul)
            (i32.add (local.get $x)))
          (func (export "old_and_flag") (param $x i32) (result i32)
            (local.get $x)
            (local.set $x (i32.lt_s (local.get $x) (i32.const 5)))
            (i32.add (select (i32.const 1000) (i32.const 2000) (local.get $x)))))
        """

    static func weigh(_ p: [Int32]) -> Int32 {
        p.enumerated().reduce(Int32(0)) { $0 &+ $1.element &* Int32($1.offset + 1) }
    }

    @Test(arguments: [(1, 2, 3), (-7, 11, 0), (Int32.max, Int32.min, 12345)] as [(Int32, Int32, Int32)])
    func argumentsFromLocalsArriveInOrder(a: Int32, b: Int32, c: Int32) throws {
        let instance = try instantiate(Self.module)
        let d = a &* b
        #expect(try instance.invoke("direct", [Value(a), Value(b), Value(c)])
                == [Value(Self.weigh([c, a, 100, d, b, a &+ 1, c, a, d]))])
        #expect(try instance.invoke("indirect", [Value(a), Value(b), Value(c)])
                == [Value(Self.weigh([b, c, a, b, c, a, b, 7, c]))])
        #expect(try instance.invoke("short", [Value(a), Value(b), Value(c)]) == [Value((b &- a) &+ (c &- a &- b))])
        #expect(try instance.invoke("twice", [Value(a)]) == [Value(a)])
    }

    @Test func wideAndFloatArgumentsMoveWhole() throws {
        let instance = try instantiate(Self.module)
        let x = Int64(1) << 40 + 3, y = 0.25, k = Int32(-6)
        let one = Double(x) + y * Double(k)
        #expect(try instance.invoke("mixed", [Value(x), Value(y), Value(k)]) == [Value(one + one)])
    }

    @Test func resultsReturnFromTheAccumulators() throws {
        let instance = try instantiate(Self.module)
        #expect(try instance.invoke("early_i32", [Value(Int32(20))]) == [Value(Int32(60))])
        #expect(try instance.invoke("early_i32", [Value(Int32(4))]) == [Value(Int32(5))])
        #expect(try instance.invoke("early_i64", [Value(Int64(0x1234))]) == [Value(~Int64(0x1234))])
        #expect(try instance.invoke("ends_f64", [Value(1.0), Value(8.0)]) == [Value(0.125)])
        // A signalling NaN's bits come back unchanged.
        #expect(try instance.invoke("ends_f32", [Value(Int32(bitPattern: 0x7FA0_0001))]) == [.f32(0x7FA0_0001)])
        #expect(try instance.invoke("ends_eqz", [Value(Int32(0))]) == [Value(Int32(1))])
        #expect(try instance.invoke("ends_eqz", [Value(Int32(9))]) == [Value(Int32(0))])
    }

    @Test func selectTakesConstantsFromTheCode() throws {
        let instance = try instantiate(Self.module)
        #expect(try instance.invoke("select_both", [Value(Int32(1))]) == [Value(Int32(10))])
        #expect(try instance.invoke("select_both", [Value(Int32(0))]) == [Value(Int32(32))])
        #expect(try instance.invoke("select_first", [Value(Int32(2)), Value(Int64(99))]) == [Value(Int64(-5))])
        #expect(try instance.invoke("select_first", [Value(Int32(0)), Value(Int64(99))]) == [Value(Int64(99))])
        #expect(try instance.invoke("select_second", [Value(Int32(-1)), Value(7.5)]) == [Value(7.5)])
        #expect(try instance.invoke("select_second", [Value(Int32(0)), Value(7.5)]) == [Value(2.5)])
    }

    @Test(arguments: [0, 1, 7, -9, 5, 4, Int32.min] as [Int32])
    func aLocalSetAfterItsOldValueWasReadKeepsTheOldValue(x: Int32) throws {
        let instance = try instantiate(Self.module)
        let half = x >> 1
        #expect(try instance.invoke("old_and_new", [Value(x)]) == [Value(x &* (x &- half) &+ half)])
        #expect(try instance.invoke("old_and_flag", [Value(x)]) == [Value(x &+ (x < 5 ? 1000 : 2000))])
    }

    /// `$dirty` leaves nonzero values where the next call's frame will be: a declared local that
    /// the function's prologue did not zero would read them.
    static let prologues = """
        (module
          (func $dirty (param i32) (result i32) (local i32 i32 i32)
            (local.set 1 (i32.const 77)) (local.set 2 (i32.const 88)) (local.set 3 (i32.const 99)) (i32.const 0))
          ;; $w is written at the top level before any read; $v is written only in an `if`.
          (func $maybe (param $c i32) (result i32) (local $v i32) (local $w i32)
            (local.set $w (i32.const 5))
            (if (local.get $c) (then (local.set $v (i32.const 9))))
            (i32.add (local.get $v) (local.get $w)))
          ;; Read before written, at the top level.
          (func $count (param i32) (result i32) (local $n i32)
            (local.set $n (i32.add (local.get $n) (i32.const 1)))
            (local.get $n))
          ;; Read in a loop before the top-level write after it.
          (func $loopy (param i32) (result i32) (local $s i32) (local $i i32)
            (loop $again
              (local.set $s (i32.add (local.get $s) (i32.const 1)))
              (br_if $again (i32.lt_u (local.get $s) (i32.const 3))))
            (local.set $i (i32.const 4))
            (i32.add (local.get $s) (local.get $i)))
          (func (export "maybe") (param $c i32) (result i32)
            (drop (call $dirty (local.get $c)))
            (call $maybe (local.get $c)))
          (func (export "count") (param $c i32) (result i32)
            (drop (call $dirty (local.get $c)))
            (call $count (local.get $c)))
          (func (export "loopy") (param $c i32) (result i32)
            (drop (call $dirty (local.get $c)))
            (call $loopy (local.get $c))))
        """

    @Test func localsReadBeforeTheyAreWrittenStartAtZero() throws {
        let instance = try instantiate(Self.prologues)
        #expect(try instance.invoke("maybe", [Value(Int32(0))]) == [Value(Int32(5))])
        #expect(try instance.invoke("maybe", [Value(Int32(1))]) == [Value(Int32(14))])
        #expect(try instance.invoke("count", [Value(Int32(0))]) == [Value(Int32(1))])
        #expect(try instance.invoke("loopy", [Value(Int32(0))]) == [Value(Int32(7))])
    }

    @Test func aCallerReadsItsOwnMemoryAfterItsCalleeTailCalledIntoAnotherInstance() throws {
        let runtime = Runtime()
        let library = try instantiate("""
            (module
              (memory (export "memory") 1)
              (func (export "load_plus") (param i32 i32) (result i32)
                (i32.add (i32.load (local.get 0)) (local.get 1)))
              (data (i32.const 8) "\\2a"))
            """, runtime: runtime)
        var imports = Imports()
        imports.define(module: "lib", instance: library)
        let user = try instantiate("""
            (module
              (type $binary (func (param i32 i32) (result i32)))
              (import "lib" "load_plus" (func $load_plus (type $binary)))
              (memory 1)
              (table funcref (elem $load_plus))
              (data (i32.const 8) "\\e8\\03")
              (func $via (param i32 i32) (result i32)
                (return_call_indirect (type $binary) (local.get 0) (local.get 1) (i32.const 0)))
              (func (export "outer") (param i32) (result i32)
                (i32.add (call $via (i32.const 8) (local.get 0)) (i32.load (i32.const 8)))))
            """, imports: imports, runtime: runtime)
        // 42 + 5 from the library's memory, then 1000 from the caller's own.
        #expect(try user.invoke("outer", [Value(Int32(5))]) == [Value(Int32(1047))])
    }
}
