import Testing
import WasmBinary
import WasmInterpreter

/// Random straight-line programs over i32, i64 and f64 locals — nested arithmetic, comparisons,
/// conversions, `local.tee` inside expressions, calls, blocks, `if` and `select` between the
/// computations — run in the interpreter and, independently, by an evaluator written here. They
/// exercise what the translator must get right whichever way it places values: in slots, as
/// immediates, or in the accumulator registers, spilled around calls, control flow and locals.
@Suite struct RandomExpressionTests {
    /// A deterministic generator (xorshift64*), so that a failure can be reproduced from its seed.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return state &* 2_685_821_657_736_338_717
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    /// The program's state while it is evaluated here.
    struct Locals {
        var i32: [UInt32] = [3, 0xFFFF_FFF0, 77, 0x8000_0001]
        var i64: [UInt64] = [5, 0xFFFF_FFFF_0000_0001]
        var f64: [Double] = [1.5, -2.25]
        /// The first 4 KiB of linear memory: byte i starts as i·7 + 3, the top byte of each
        /// 8-byte word kept below 0x40 so that no word reads as a NaN.
        var memory: [UInt8] = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) & ($0 % 8 == 7 ? 0x3F : 0xFF) }

        func load(_ address: Int, _ width: Int) -> UInt64 {
            (0..<width).reduce(UInt64(0)) { $0 | UInt64(memory[address + $1]) << (8 * $1) }
        }

        mutating func store(_ address: Int, _ width: Int, _ value: UInt64) {
            for i in 0..<width { memory[address + i] = UInt8(truncatingIfNeeded: value >> (8 * i)) }
        }
    }

    enum Kind { case i32, i64, f64 }

    /// An expression: its text and how to evaluate it (it may change locals, as `local.tee` does).
    struct Expression {
        var text: String
        var evaluate: (inout Locals) -> UInt64
    }

    static let i32Binary: [(String, @Sendable (UInt32, UInt32) -> UInt32)] = [
        ("i32.add", { $0 &+ $1 }), ("i32.sub", { $0 &- $1 }), ("i32.mul", { $0 &* $1 }), ("i32.and", { $0 & $1 }),
        ("i32.or", { $0 | $1 }), ("i32.xor", { $0 ^ $1 }), ("i32.shl", { $0 << ($1 & 31) }), ("i32.shr_u", { $0 >> ($1 & 31) }),
        ("i32.shr_s", { UInt32(bitPattern: Int32(bitPattern: $0) >> ($1 & 31)) }),
        ("i32.rotl", { ($0 << ($1 & 31)) | ($0 >> ((32 - ($1 & 31)) & 31)) }),
        ("i32.eq", { $0 == $1 ? 1 : 0 }), ("i32.ne", { $0 != $1 ? 1 : 0 }),
        ("i32.lt_s", { Int32(bitPattern: $0) < Int32(bitPattern: $1) ? 1 : 0 }), ("i32.lt_u", { $0 < $1 ? 1 : 0 }),
        ("i32.gt_u", { $0 > $1 ? 1 : 0 }), ("i32.ge_s", { Int32(bitPattern: $0) >= Int32(bitPattern: $1) ? 1 : 0 }),
    ]
    static let i64Binary: [(String, @Sendable (UInt64, UInt64) -> UInt64)] = [
        ("i64.add", { $0 &+ $1 }), ("i64.sub", { $0 &- $1 }), ("i64.mul", { $0 &* $1 }), ("i64.xor", { $0 ^ $1 }),
        ("i64.and", { $0 & $1 }), ("i64.shl", { $0 << ($1 & 63) }), ("i64.shr_u", { $0 >> ($1 & 63) }),
        ("i64.rotl", { ($0 << ($1 & 63)) | ($0 >> ((64 - ($1 & 63)) & 63)) }),
    ]
    static let f64Binary: [(String, @Sendable (Double, Double) -> Double)] = [
        ("f64.add", { $0 + $1 }), ("f64.sub", { $0 - $1 }), ("f64.mul", { $0 * $1 }), ("f64.div", { $0 / $1 }),
    ]
    static let f64Comparisons: [(String, @Sendable (Double, Double) -> Bool)] = [
        ("f64.lt", { $0 < $1 }), ("f64.ge", { $0 >= $1 }), ("f64.eq", { $0 == $1 }), ("f64.ne", { $0 != $1 }),
    ]

    /// A random expression of `kind`, at most `depth` deep.
    static func expression(_ kind: Kind, depth: Int, _ random: inout Random) -> Expression {
        let leaf = depth == 0 || random.below(4) == 0
        switch kind {
        case .i32:
            if leaf {
                if random.below(2) == 0 {
                    let index = random.below(4)
                    return Expression(text: "(local.get \(index))") { UInt64($0.i32[index]) }
                }
                let value = UInt32(truncatingIfNeeded: random.next() % 5 == 0 ? random.next() : random.next() % 40)
                return Expression(text: "(i32.const \(Int32(bitPattern: value)))") { _ in UInt64(value) }
            }
            switch random.below(9) {
            case 8:
                // A load from an address computed from an expression (masked into the first 4 KiB).
                let address = expression(.i32, depth: depth - 1, &random)
                let (name, width, signed) = [("i32.load", 4, false), ("i32.load8_s", 1, true), ("i32.load16_u", 2, false)][random.below(3)]
                return Expression(text: "(\(name) offset=4 (i32.and \(address.text) (i32.const 0xFF8)))") { locals in
                    let at = Int(UInt32(truncatingIfNeeded: address.evaluate(&locals)) & 0xFF8) + 4
                    let bits = locals.load(at, width)
                    return signed ? UInt64(UInt32(bitPattern: Int32(Int8(truncatingIfNeeded: bits)))) : bits
                }
            case 0:
                // local.tee inside an expression.
                let index = random.below(4)
                let inner = expression(.i32, depth: depth - 1, &random)
                return Expression(text: "(local.tee \(index) \(inner.text))") { locals in
                    let value = UInt32(truncatingIfNeeded: inner.evaluate(&locals))
                    locals.i32[index] = value
                    return UInt64(value)
                }
            case 1:
                let inner = expression(.i64, depth: depth - 1, &random)
                return Expression(text: "(i32.wrap_i64 \(inner.text))") { UInt64(UInt32(truncatingIfNeeded: inner.evaluate(&$0))) }
            case 2:
                let (name, compare) = f64Comparisons[random.below(f64Comparisons.count)]
                let a = expression(.f64, depth: depth - 1, &random), b = expression(.f64, depth: depth - 1, &random)
                return Expression(text: "(\(name) \(a.text) \(b.text))") { locals in
                    let x = Double(bitPattern: a.evaluate(&locals)), y = Double(bitPattern: b.evaluate(&locals))
                    return compare(x, y) ? 1 : 0
                }
            case 3:
                // A select: all three operands are evaluated, in order.
                let a = expression(.i32, depth: depth - 1, &random), b = expression(.i32, depth: depth - 1, &random)
                let c = expression(.i32, depth: depth - 1, &random)
                return Expression(text: "(select \(a.text) \(b.text) \(c.text))") { locals in
                    let x = a.evaluate(&locals), y = b.evaluate(&locals), z = c.evaluate(&locals)
                    return UInt32(truncatingIfNeeded: z) != 0 ? x : y
                }
            case 4:
                // A call of the identity: the callee runs its own code between the operands.
                let a = expression(.i32, depth: depth - 1, &random), b = expression(.i32, depth: depth - 1, &random)
                return Expression(text: "(i32.add \(a.text) (call $id32 \(b.text)))") { locals in
                    let x = UInt32(truncatingIfNeeded: a.evaluate(&locals)), y = UInt32(truncatingIfNeeded: b.evaluate(&locals))
                    return UInt64(x &+ y)
                }
            case 5:
                // An if with a value, under another operand.
                let a = expression(.i32, depth: depth - 1, &random), c = expression(.i32, depth: depth - 1, &random)
                let t = expression(.i32, depth: depth - 1, &random), e = expression(.i32, depth: depth - 1, &random)
                return Expression(text: "(i32.sub \(a.text) (if (result i32) \(c.text) (then \(t.text)) (else \(e.text))))") { locals in
                    let x = UInt32(truncatingIfNeeded: a.evaluate(&locals))
                    let chosen = UInt32(truncatingIfNeeded: c.evaluate(&locals)) != 0 ? t.evaluate(&locals) : e.evaluate(&locals)
                    return UInt64(x &- UInt32(truncatingIfNeeded: chosen))
                }
            default:
                let (name, operation) = i32Binary[random.below(i32Binary.count)]
                let a = expression(.i32, depth: depth - 1, &random), b = expression(.i32, depth: depth - 1, &random)
                return Expression(text: "(\(name) \(a.text) \(b.text))") { locals in
                    let x = UInt32(truncatingIfNeeded: a.evaluate(&locals)), y = UInt32(truncatingIfNeeded: b.evaluate(&locals))
                    return UInt64(operation(x, y))
                }
            }
        case .i64:
            if leaf {
                if random.below(2) == 0 {
                    let index = random.below(2)
                    return Expression(text: "(local.get \(4 + index))") { $0.i64[index] }
                }
                let value = random.next() % 3 == 0 ? random.next() : random.next() % 70
                return Expression(text: "(i64.const \(Int64(bitPattern: value)))") { _ in value }
            }
            switch random.below(4) {
            case 0:
                let inner = expression(.i32, depth: depth - 1, &random)
                let signed = random.below(2) == 0
                return Expression(text: "(i64.extend_i32_\(signed ? "s" : "u") \(inner.text))") { locals in
                    let value = UInt32(truncatingIfNeeded: inner.evaluate(&locals))
                    return signed ? UInt64(bitPattern: Int64(Int32(bitPattern: value))) : UInt64(value)
                }
            case 1:
                let inner = expression(.f64, depth: depth - 1, &random)
                return Expression(text: "(i64.reinterpret_f64 \(inner.text))") { inner.evaluate(&$0) }
            default:
                let (name, operation) = i64Binary[random.below(i64Binary.count)]
                let a = expression(.i64, depth: depth - 1, &random), b = expression(.i64, depth: depth - 1, &random)
                return Expression(text: "(\(name) \(a.text) \(b.text))") { locals in
                    let x = a.evaluate(&locals), y = b.evaluate(&locals)
                    return operation(x, y)
                }
            }
        case .f64:
            if leaf {
                if random.below(2) == 0 {
                    let index = random.below(2)
                    return Expression(text: "(local.get \(6 + index))") { $0.f64[index].bitPattern }
                }
                let value = Double(Int(random.next() % 200) - 100) / 8
                return Expression(text: "(f64.const \(value))") { _ in value.bitPattern }
            }
            switch random.below(7) {
            case 5:
                let address = expression(.i32, depth: depth - 1, &random)
                return Expression(text: "(f64.load (i32.and \(address.text) (i32.const 0xFF8)))") { locals in
                    locals.load(Int(UInt32(truncatingIfNeeded: address.evaluate(&locals)) & 0xFF8), 8)
                }
            case 4:
                // A call under another operand, as for i32.
                let a = expression(.f64, depth: depth - 1, &random), b = expression(.f64, depth: depth - 1, &random)
                return Expression(text: "(f64.sub \(a.text) (call $idf64 \(b.text)))") { locals in
                    let x = Double(bitPattern: a.evaluate(&locals)), y = Double(bitPattern: b.evaluate(&locals))
                    return (x - (y + 0) * 1).bitPattern
                }
            case 0:
                let inner = expression(.i32, depth: depth - 1, &random)
                return Expression(text: "(f64.convert_i32_s \(inner.text))") {
                    Double(Int32(bitPattern: UInt32(truncatingIfNeeded: inner.evaluate(&$0)))).bitPattern
                }
            case 1:
                let inner = expression(.f64, depth: depth - 1, &random)
                return Expression(text: "(f64.sqrt (f64.abs \(inner.text)))") { Double(bitPattern: inner.evaluate(&$0)).magnitude.squareRoot().bitPattern }
            default:
                let (name, operation) = f64Binary[random.below(f64Binary.count)]
                let a = expression(.f64, depth: depth - 1, &random), b = expression(.f64, depth: depth - 1, &random)
                return Expression(text: "(\(name) \(a.text) \(b.text))") { locals in
                    let x = Double(bitPattern: a.evaluate(&locals)), y = Double(bitPattern: b.evaluate(&locals))
                    return operation(x, y).bitPattern
                }
            }
        }
    }

    /// A program of `statements` assignments to random locals; it returns a hash of all locals.
    static func program(seed: UInt64, statements: Int) -> (text: String, expected: UInt64) {
        var random = Random(state: seed | 1)
        var body: [String] = []
        var locals = Locals()
        for _ in 0..<statements {
            if random.below(4) == 0 {
                // A store: the address, then the value, each an expression.
                let address = expression(.i32, depth: 2, &random)
                let kind: Kind = [.i32, .i64, .f64][random.below(3)]
                let value = expression(kind, depth: 3, &random)
                let (name, width) = [Kind.i32: ("i32.store8", 1), .i64: ("i64.store", 8), .f64: ("f64.store", 8)][kind]!
                if kind == .f64 {
                    // The value first, into a scratch local; a NaN is stored as 0 (NaN payloads may differ).
                    body.append("(local.set 10 \(value.text))")
                    body.append("(f64.store offset=8 (i32.and \(address.text) (i32.const 0xFF0)) (select (f64.const 0) (local.get 10) (f64.ne (local.get 10) (local.get 10))))")
                    let bits = value.evaluate(&locals)
                    let at = Int(UInt32(truncatingIfNeeded: address.evaluate(&locals)) & 0xFF0) + 8
                    locals.store(at, width, Double(bitPattern: bits).isNaN ? 0 : bits)
                    continue
                }
                body.append("(\(name) offset=8 (i32.and \(address.text) (i32.const 0xFF0)) \(value.text))")
                let at = Int(UInt32(truncatingIfNeeded: address.evaluate(&locals)) & 0xFF0) + 8
                locals.store(at, width, value.evaluate(&locals))
                continue
            }
            let kind: Kind = [.i32, .i32, .i64, .f64][random.below(4)]
            let expression = expression(kind, depth: 4, &random)
            let value = expression.evaluate(&locals)
            switch kind {
            case .i32:
                let index = random.below(4)
                body.append("(local.set \(index) \(expression.text))")
                locals.i32[index] = UInt32(truncatingIfNeeded: value)
            case .i64:
                let index = random.below(2)
                body.append("(local.set \(4 + index) \(expression.text))")
                locals.i64[index] = value
            case .f64:
                let index = random.below(2)
                body.append("(local.set \(6 + index) \(expression.text))")
                locals.f64[index] = Double(bitPattern: value)
            }
        }
        // The result: every local folded into one i64 (NaNs canonicalized by comparing as bits
        // only when both sides agree they are numbers).
        var hash: UInt64 = 0
        for value in locals.i32 { hash = (hash ^ UInt64(value)) &* 1_099_511_628_211 }
        for value in locals.i64 { hash = (hash ^ value) &* 1_099_511_628_211 }
        for value in locals.f64 { hash = (hash ^ (value.isNaN ? 0x7FF8_0000_0000_0000 : value.bitPattern)) &* 1_099_511_628_211 }
        // And every 8-byte word of the memory.
        for word in stride(from: 0, to: 4096, by: 8) { hash = (hash ^ locals.load(word, 8)) &* 1_099_511_628_211 }
        let fold = (0..<4).map { "(local.set 8 (i64.mul (i64.xor (local.get 8) (i64.extend_i32_u (local.get \($0)))) (i64.const 1099511628211)))" }
            + (4..<6).map { "(local.set 8 (i64.mul (i64.xor (local.get 8) (local.get \($0))) (i64.const 1099511628211)))" }
            + (6..<8).map {
                "(local.set 8 (i64.mul (i64.xor (local.get 8) (if (result i64) (f64.ne (local.get \($0)) (local.get \($0))) (then (i64.const 0x7FF8000000000000)) (else (i64.reinterpret_f64 (local.get \($0)))))) (i64.const 1099511628211)))"
            }
        let text = """
            (module
              ;; Identities that compute through the accumulators, as any callee may.
              (func $id32 (param i32) (result i32) (i32.sub (i32.add (local.get 0) (i32.const 12345)) (i32.const 12345)))
              (func $idf64 (param f64) (result f64) (f64.mul (f64.add (local.get 0) (f64.const 0)) (f64.const 1)))
              (memory 1)
              (data (i32.const 0) "\(Self.initialMemory)")
              (func (export "run") (result i64)
                (local i32 i32 i32 i32 i64 i64 f64 f64 i64 i32 f64)
                (local.set 0 (i32.const 3)) (local.set 1 (i32.const -16)) (local.set 2 (i32.const 77)) (local.set 3 (i32.const -2147483647))
                (local.set 4 (i64.const 5)) (local.set 5 (i64.const -4294967295))
                (local.set 6 (f64.const 1.5)) (local.set 7 (f64.const -2.25))
                \(body.joined(separator: "\n    "))
                \(fold.joined(separator: "\n    "))
                (local.set 9 (i32.const 0))
                (block $done (loop $next
                  (local.set 8 (i64.mul (i64.xor (local.get 8) (i64.load (local.get 9))) (i64.const 1099511628211)))
                  (local.set 9 (i32.add (local.get 9) (i32.const 8)))
                  (br_if $next (i32.lt_u (local.get 9) (i32.const 4096)))))
                (local.get 8)))
            """
        return (text, hash)
    }

    /// The initial 4 KiB as a data-segment string.
    static let initialMemory: String = Locals().memory.map {
        let hex = String($0, radix: 16)
        return "\\" + (hex.count == 1 ? "0" + hex : hex)
    }.joined()

    @Test(arguments: 0..<60)
    func randomProgramsComputeWhatTheEvaluatorComputes(seed: Int) throws {
        let (text, expected) = Self.program(seed: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1, statements: 12)
        let instance = try instantiate(text)
        #expect(try instance.invoke("run") == [.i64(expected)], "seed \(seed)")
    }
}
