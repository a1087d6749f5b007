import Testing
import WasmBinary
import WasmInterpreter

/// Comparisons feeding `if` and `br_if` run as one fused compare-and-branch; the branch must go
/// exactly where the plain comparison would send it, NaN included (for floats "not less than" is
/// not "greater or equal"). Each case is checked against Swift's own comparison.
@Suite struct FusedBranchTests {
    struct Comparison: Sendable, CustomStringConvertible {
        let type: String
        let name: String
        var description: String { "\(type).\(name)" }
    }

    static let floatComparisons = ["f32", "f64"].flatMap { type in
        ["eq", "ne", "lt", "gt", "le", "ge"].map { Comparison(type: type, name: $0) }
    }
    static let integerComparisons = ["i32", "i64"].flatMap { type in
        ["eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u"].map { Comparison(type: type, name: $0) }
    }

    /// Functions returning 1 when the comparison holds: through `if` (branches when it does not)
    /// and `br_if` (branches when it does), with the second operand a parameter and a constant.
    static func module(_ comparison: Comparison, constant: String) -> String {
        let op = "\(comparison.type).\(comparison.name)"
        let c = "(\(comparison.type).const \(constant))"
        return """
            (module
              (func (export "if") (param \(comparison.type) \(comparison.type)) (result i32)
                (if (result i32) (\(op) (local.get 0) (local.get 1)) (then (i32.const 1)) (else (i32.const 0))))
              (func (export "if_const") (param \(comparison.type) \(comparison.type)) (result i32)
                (if (result i32) (\(op) (local.get 0) \(c)) (then (i32.const 1)) (else (i32.const 0))))
              (func (export "br_if") (param \(comparison.type) \(comparison.type)) (result i32)
                (block $yes (br_if $yes (\(op) (local.get 0) (local.get 1))) (return (i32.const 0))) (i32.const 1))
              (func (export "br_if_const") (param \(comparison.type) \(comparison.type)) (result i32)
                (block $yes (br_if $yes (\(op) (local.get 0) \(c))) (return (i32.const 0))) (i32.const 1)))
            """
    }

    static func holds(_ name: String, _ a: Double, _ b: Double) -> Bool {
        switch name {
        case "eq": return a == b
        case "ne": return a != b
        case "lt": return a < b
        case "gt": return a > b
        case "le": return a <= b
        default: return a >= b
        }
    }

    @Test(arguments: floatComparisons)
    func floatComparisonsBranchLikeThePlainComparison(comparison: Comparison) throws {
        let values: [Double] = [.nan, -.infinity, -1.5, -0.0, 0.0, 2.25, .infinity]
        let instance = try instantiate(Self.module(comparison, constant: "2.25"))
        func value(_ x: Double) -> Value { comparison.type == "f32" ? .f32(Float(x).bitPattern) : .f64(x.bitPattern) }
        for a in values {
            for b in values {
                let expected: [Value] = [.i32(Self.holds(comparison.name, a, b) ? 1 : 0)]
                let expectedConstant: [Value] = [.i32(Self.holds(comparison.name, a, 2.25) ? 1 : 0)]
                #expect(try instance.invoke("if", [value(a), value(b)]) == expected, "\(a) \(comparison.name) \(b)")
                #expect(try instance.invoke("br_if", [value(a), value(b)]) == expected, "\(a) \(comparison.name) \(b)")
                #expect(try instance.invoke("if_const", [value(a), value(b)]) == expectedConstant, "\(a) \(comparison.name) 2.25")
                #expect(try instance.invoke("br_if_const", [value(a), value(b)]) == expectedConstant, "\(a) \(comparison.name) 2.25")
            }
        }
    }

    static func holds(_ name: String, _ a: Int64, _ b: Int64, bits: Int) -> Bool {
        let mask: UInt64 = bits == 32 ? 0xFFFF_FFFF : .max
        let (ua, ub) = (UInt64(bitPattern: a) & mask, UInt64(bitPattern: b) & mask)
        let (sa, sb) = bits == 32 ? (Int64(Int32(truncatingIfNeeded: a)), Int64(Int32(truncatingIfNeeded: b))) : (a, b)
        switch name {
        case "eq": return ua == ub
        case "ne": return ua != ub
        case "lt_s": return sa < sb
        case "lt_u": return ua < ub
        case "gt_s": return sa > sb
        case "gt_u": return ua > ub
        case "le_s": return sa <= sb
        case "le_u": return ua <= ub
        case "ge_s": return sa >= sb
        default: return ua >= ub
        }
    }

    @Test(arguments: integerComparisons)
    func integerComparisonsBranchLikeThePlainComparison(comparison: Comparison) throws {
        let values: [Int64] = [.min, -7, -1, 0, 1, 7, .max, Int64(Int32.min), Int64(Int32.max)]
        let bits = comparison.type == "i32" ? 32 : 64
        let instance = try instantiate(Self.module(comparison, constant: "7"))
        func value(_ x: Int64) -> Value { bits == 32 ? .i32(UInt32(truncatingIfNeeded: x)) : .i64(UInt64(bitPattern: x)) }
        for a in values {
            for b in values {
                let expected: [Value] = [.i32(Self.holds(comparison.name, a, b, bits: bits) ? 1 : 0)]
                let expectedConstant: [Value] = [.i32(Self.holds(comparison.name, a, 7, bits: bits) ? 1 : 0)]
                #expect(try instance.invoke("if", [value(a), value(b)]) == expected, "\(a) \(comparison.name) \(b)")
                #expect(try instance.invoke("br_if", [value(a), value(b)]) == expected, "\(a) \(comparison.name) \(b)")
                #expect(try instance.invoke("if_const", [value(a), value(b)]) == expectedConstant, "\(a) \(comparison.name) 7")
                #expect(try instance.invoke("br_if_const", [value(a), value(b)]) == expectedConstant, "\(a) \(comparison.name) 7")
            }
        }
    }

    @Test func eqzBranchesOnZero() throws {
        let instance = try instantiate("""
            (module
              (func (export "i32") (param i32) (result i32)
                (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 1)) (else (i32.const 0))))
              (func (export "i64") (param i64) (result i32)
                (block $zero (br_if $zero (i64.eqz (local.get 0))) (return (i32.const 0))) (i32.const 1)))
            """)
        #expect(try instance.invoke("i32", [.i32(0)]) == [.i32(1)])
        #expect(try instance.invoke("i32", [.i32(0x8000_0000)]) == [.i32(0)])
        #expect(try instance.invoke("i64", [.i64(0)]) == [.i32(1)])
        #expect(try instance.invoke("i64", [.i64(1 << 40)]) == [.i32(0)])
    }

    /// A `br_if` on a value that is not a comparison tests it where its producer left it (a
    /// loaded byte, a masked bit), while a value the branch carries to its label, computed just
    /// before, still arrives; with fuel the same code takes the metered paths.
    @Test(arguments: [nil, 1_000_000] as [UInt64?])
    func plainBranchOnAComputedCondition(fuel: UInt64?) throws {
        let instance = try instantiate("""
            (module
              (memory 1)
              (data (i32.const 16) "\\00\\01\\00\\07")
              ;; Counts the non-zero bytes at 16 ..< 16 + n, testing each loaded byte directly.
              (func (export "count") (param $n i32) (result i32)
                (local $i i32) (local $count i32)
                (block $done
                  (loop $next
                    (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
                    (block $zero
                      (br_if $zero (i32.eqz (i32.load8_u offset=16 (local.get $i))))
                      (local.set $count (i32.add (local.get $count) (i32.const 1))))
                    (local.set $i (i32.add (local.get $i) (i32.const 1)))
                    (block $skip (br_if $skip (i32.load8_u offset=16 (local.get $i))))
                    (br $next)))
                (local.get $count))
              ;; x * 3 when bit 0 of y is set (the branch carries it), else x * 3 + 1.
              (func (export "carry") (param $x i32) (param $y i32) (result i32)
                (block $taken (result i32)
                  (i32.mul (local.get $x) (i32.const 3))
                  (i32.and (local.get $y) (i32.const 1))
                  (br_if $taken)
                  (i32.const 1)
                  (i32.add)))
              ;; Loops while the loaded byte at p is non-zero, counting the steps.
              (func (export "walk") (param $p i32) (result i32)
                (local $steps i32)
                (loop $more
                  (local.set $steps (i32.add (local.get $steps) (i32.const 1)))
                  (local.set $p (i32.add (local.get $p) (i32.const 1)))
                  (br_if $more (i32.load8_u offset=16 (local.get $p))))
                (local.get $steps)))
            """, runtime: runtime(fuel: fuel))
        #expect(try instance.invoke("count", [.i32(4)]) == [.i32(2)])
        #expect(try instance.invoke("count", [.i32(2)]) == [.i32(1)])
        #expect(try instance.invoke("carry", [.i32(5), .i32(3)]) == [.i32(15)])
        #expect(try instance.invoke("carry", [.i32(5), .i32(2)]) == [.i32(16)])
        #expect(try instance.invoke("walk", [.i32(0)]) == [.i32(2)])
        #expect(try instance.invoke("walk", [.i32(1)]) == [.i32(1)])
        #expect(try instance.invoke("walk", [.i32(2)]) == [.i32(2)])
        #expect(try instance.invoke("walk", [.i32(0xFFFF_FFFF)]) == [.i32(1)])
    }
}
