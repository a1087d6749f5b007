import Testing
import WasmBinary
@testable import WasmInterpreter

/// The integer chain family of superinstructions (a shift, rotate, multiplication, xor or addition
/// into the accumulator, then another that takes the value from there) computes what the two
/// instructions compute apart: every shape of the family, for i32 and i64, checked against Swift
/// arithmetic written here, with shift and rotate counts at and beyond the width and operands that
/// wrap around.
@Suite struct IntegerChainTests {
    /// One instruction of a chain: the operation, where its operands come from ("As": the chain
    /// value from the accumulator and a local; "Ai": the accumulator and a constant; "si": a local
    /// and a constant) and whether its result also goes to a local.
    struct Step: CustomStringConvertible {
        var operation: String
        var operands: String
        var intoLocal: Bool
        var description: String { "\(operation) \(operands)→\(intoLocal ? "sA" : "A")" }
    }

    /// The family's shapes, as Scripts/generate-numeric-handlers.py's integer_chain_family lists them.
    static func shapes() -> [(Step, Step)] {
        var firsts: [Step] = [], seconds: [Step] = []
        for operation in ["xor", "add"] {
            firsts += [Step(operation: operation, operands: "As", intoLocal: false),
                       Step(operation: operation, operands: "As", intoLocal: true)]
            seconds += firsts.suffix(2)
        }
        for operation in ["mul", "shl", "shr_u", "rotl"] {
            firsts += [Step(operation: operation, operands: "Ai", intoLocal: false),
                       Step(operation: operation, operands: "Ai", intoLocal: true),
                       Step(operation: operation, operands: "si", intoLocal: false)]
            seconds += [Step(operation: operation, operands: "Ai", intoLocal: false),
                        Step(operation: operation, operands: "Ai", intoLocal: true)]
        }
        return firsts.flatMap { first in seconds.map { (first, $0) } }
    }

    /// `operation` on `width`-bit values, as the specification defines it.
    static func apply(_ operation: String, _ x: UInt64, _ y: UInt64, width: UInt64) -> UInt64 {
        let mask: UInt64 = width == 64 ? ~0 : (1 << width) - 1
        let (x, y) = (x & mask, y & mask)
        let count = y % width
        switch operation {
        case "xor": return x ^ y
        case "add": return (x &+ y) & mask
        case "mul": return (x &* y) & mask
        case "shl": return (x << count) & mask
        case "shr_u": return x >> count
        case "rotl": return count == 0 ? x : ((x << count) | (x >> (width - count))) & mask
        default: preconditionFailure("not an operation of the family: \(operation)")
        }
    }

    /// Constants for the immediate operands: shift and rotate counts below, at and beyond the width
    /// (the count is taken modulo the width), and multipliers whose products wrap around.
    static func constant(_ operation: String, _ index: Int, width: UInt64) -> UInt64 {
        let counts: [UInt64] = [1, width - 1, width, width + 13, 0, 7]
        let factors: [UInt64] = width == 32 ? [0x9E37_79B1, 0xFFFF_FFFF, 3, 0x8000_0001]
                                            : [0x9E37_79B9_7F4A_7C15, ~0, 0xBF58_476D_1CE4_E5B9, 0x8000_0000_0000_0001]
        return ["mul", "xor", "add"].contains(operation) ? factors[index % factors.count] : counts[index % counts.count]
    }

    /// The wasm text of `step` applied to `chain` (the previous value's expression, or nil for the
    /// first step, whose chain value is `$a`), with `immediate` as its constant.
    static func text(_ step: Step, _ type: String, chain: String?, immediate: UInt64) -> String {
        // The chain value enters the accumulator through a subtraction, which pairs with nothing
        // here (a local read would be an operand from a slot).
        let value = chain ?? (step.operands == "si" ? "(local.get $a)" : "(\(type).sub (local.get $a) (local.get $zero))")
        let other = step.operands == "As" ? "(local.get $b)" : "(\(type).const \(immediate))"
        let expression = "(\(type).\(step.operation) \(value) \(other))"
        return step.intoLocal && chain == nil ? "(local.tee $l \(expression))" : expression
    }

    /// The handler word the translator gives `step`.
    static func handler(_ step: Step, _ type: String) throws -> UInt64 {
        let operations: [String: (NumericOperation, NumericOperation)] = [
            "xor": (.i32Xor, .i64Xor), "add": (.i32Add, .i64Add), "mul": (.i32Mul, .i64Mul),
            "shl": (.i32Shl, .i64Shl), "shr_u": (.i32ShrU, .i64ShrU), "rotl": (.i32Rotl, .i64Rotl)]
        let pair = try #require(operations[step.operation])
        let operation = type == "i32" ? pair.0 : pair.1
        let first: OperandLocation = step.operands == "si" ? .slot : .accumulator
        let second: OperandLocation = step.operands == "As" ? .slot : .immediate
        return try #require(AccumulatorHandlers.handler(operation, first, second, step.intoLocal ? .slotAndAccumulator : .accumulator))
    }

    @Test(arguments: [("i32", UInt64(32)), ("i64", UInt64(64))])
    func everyShapeComputesWhatItsTwoInstructionsCompute(type: String, width: UInt64) throws {
        let shapes = Self.shapes()
        var functions: [String] = []
        for (index, (first, second)) in shapes.enumerated() {
            let c1 = Self.constant(first.operation, index, width: width)
            let c2 = Self.constant(second.operation, index / 3, width: width)
            let chain = Self.text(second, type, chain: Self.text(first, type, chain: nil, immediate: c1), immediate: c2)
            // A result into the accumulator alone is the function's result (returned from the
            // register); into a local too, it is read back from the slots after a call.
            let body = second.intoLocal
                ? "(local.set $m \(chain)) (call $clobber) (\(type).xor (\(type).mul (local.get $m) (\(type).const 3)) (local.get $l))"
                : chain
            functions.append("""
                (func (export "f\(index)") (param $a \(type)) (param $b \(type)) (param $zero \(type)) (result \(type))
                  (local $l \(type)) (local $m \(type))
                  \(body))
                """)
        }
        let runtime = Runtime()
        let profile = DispatchProfile()
        runtime.dispatchProfile = profile
        let instance = try instantiate("(module (func $clobber)\n\(functions.joined(separator: "\n")))", runtime: runtime)
        let mask: UInt64 = width == 64 ? ~0 : 0xFFFF_FFFF
        let inputs: [(UInt64, UInt64)] = [(0, 0), (1, mask), (mask, mask), (1 << (width - 1), (1 << (width - 1)) - 1),
                                          (0xDEAD_BEEF_0BAD_F00D & mask, 0x1234_5678_9ABC_DEF0 & mask), (0x7F, 0x8000_0001)]
        for (index, (first, second)) in shapes.enumerated() {
            let c1 = Self.constant(first.operation, index, width: width)
            let c2 = Self.constant(second.operation, index / 3, width: width)
            let fused = try #require(Superinstructions.pair(try Self.handler(first, type), try Self.handler(second, type))?.handler,
                                     "\(first) + \(second) is a superinstruction")
            let before = profile.handlerCounts[fused, default: 0]
            for (a, b) in inputs {
                let x = Self.apply(first.operation, a, first.operands == "As" ? b : c1, width: width)
                let y = Self.apply(second.operation, x, second.operands == "As" ? b : c2, width: width)
                let expected = second.intoLocal
                    ? Self.apply("xor", Self.apply("mul", y, 3, width: width), first.intoLocal ? x : 0, width: width) : y
                let arguments: [Value] = width == 32 ? [.i32(UInt32(a)), .i32(UInt32(b)), .i32(0)] : [.i64(a), .i64(b), .i64(0)]
                let result = try instance.invoke("f\(index)", arguments)
                #expect(result == [width == 32 ? .i32(UInt32(expected)) : .i64(expected)],
                        "\(type) \(first) + \(second), a = \(a), b = \(b), constants \(c1), \(c2)")
            }
            if DispatchProfile.isAvailable {
                #expect(profile.handlerCounts[fused, default: 0] == before + inputs.count,
                        "\(type) \(first) + \(second) ran fused")
            }
        }
    }
}
