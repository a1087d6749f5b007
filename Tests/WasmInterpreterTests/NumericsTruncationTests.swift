import Testing
import WasmBinary

@testable import WasmInterpreter

/// Every float-to-integer truncation at the edges of its range, trapping and saturating.
struct NumericsTruncationTests {
    enum Outcome: Equatable, Sendable, CustomStringConvertible {
        case value(UInt64)
        case trap(TrapReason)

        var description: String {
            switch self {
            case .value(let bits): return "0x" + String(bits, radix: 16)
            case .trap(let reason): return "trap \(reason)"
            }
        }
    }

    static func f32(_ x: Float) -> UInt64 { UInt64(x.bitPattern) }
    static func f64(_ x: Double) -> UInt64 { x.bitPattern }
    static let overflow = Outcome.trap(.integerOverflow)
    static let invalid = Outcome.trap(.invalidConversionToInteger)

    /// NaNs of both formats: canonical, negative, signalling with a payload.
    static let f32NaNs: [UInt64] = [0x7FC0_0000, 0xFFC0_0000, 0x7F80_0001, 0x7FA0_0000]
    static let f64NaNs: [UInt64] = [
        0x7FF8_0000_0000_0000, 0xFFF8_0000_0000_0000, 0x7FF0_0000_0000_0001, 0x7FF4_0000_0000_0000,
    ]

    /// (operation, operand bits, outcome) for the trapping forms.
    static let trapping: [(NumericOperation, UInt64, Outcome)] = [
        // i32 from f32, signed: [-2^31, 2^31)
        (.i32TruncF32S, f32(-0x1p31), .value(0x8000_0000)),
        (.i32TruncF32S, f32(-0x1.000002p31), overflow),
        (.i32TruncF32S, f32(0x1.fffffep30), .value(0x7FFF_FF80)),
        (.i32TruncF32S, f32(0x1p31), overflow),
        (.i32TruncF32S, f32(-0.99), .value(0)),
        (.i32TruncF32S, f32(-1.5), .value(0xFFFF_FFFF)),
        (.i32TruncF32S, f32(.infinity), overflow),
        (.i32TruncF32S, f32(-.infinity), overflow),
        (.i32TruncF32S, f32(.leastNonzeroMagnitude), .value(0)),
        // i32 from f32, unsigned: (-1, 2^32)
        (.i32TruncF32U, f32(-0x1.fffffep-1), .value(0)),
        (.i32TruncF32U, f32(-1), overflow),
        (.i32TruncF32U, f32(-0.0), .value(0)),
        (.i32TruncF32U, f32(0x1.fffffep31), .value(0xFFFF_FF00)),
        (.i32TruncF32U, f32(0x1p32), overflow),
        (.i32TruncF32U, f32(0x1p31), .value(0x8000_0000)),
        // i32 from f64, signed
        (.i32TruncF64S, f64(-2147483648.9), .value(0x8000_0000)),
        (.i32TruncF64S, f64(-2147483649.0), overflow),
        (.i32TruncF64S, f64(2147483647.9), .value(0x7FFF_FFFF)),
        (.i32TruncF64S, f64(2147483648.0), overflow),
        (.i32TruncF64S, f64(-.infinity), overflow),
        // i32 from f64, unsigned
        (.i32TruncF64U, f64(-0.9), .value(0)),
        (.i32TruncF64U, f64(-1.0), overflow),
        (.i32TruncF64U, f64(4294967295.9), .value(0xFFFF_FFFF)),
        (.i32TruncF64U, f64(4294967296.0), overflow),
        (.i32TruncF64U, f64(1e300), overflow),
        // i64 from f32, signed
        (.i64TruncF32S, f32(-0x1p63), .value(0x8000_0000_0000_0000)),
        (.i64TruncF32S, f32(-0x1.000002p63), overflow),
        (.i64TruncF32S, f32(0x1.fffffep62), .value(0x7FFF_FF80_0000_0000)),
        (.i64TruncF32S, f32(0x1p63), overflow),
        // i64 from f32, unsigned
        (.i64TruncF32U, f32(-0x1.fffffep-1), .value(0)),
        (.i64TruncF32U, f32(-1), overflow),
        (.i64TruncF32U, f32(0x1.fffffep63), .value(0xFFFF_FF00_0000_0000)),
        (.i64TruncF32U, f32(0x1p64), overflow),
        // i64 from f64, signed
        (.i64TruncF64S, f64(-0x1p63), .value(0x8000_0000_0000_0000)),
        (.i64TruncF64S, f64(-0x1.0000000000001p63), overflow),
        (.i64TruncF64S, f64(0x1.fffffffffffffp62), .value(0x7FFF_FFFF_FFFF_FC00)),
        (.i64TruncF64S, f64(0x1p63), overflow),
        (.i64TruncF64S, f64(-4.5), .value(0xFFFF_FFFF_FFFF_FFFC)),
        // i64 from f64, unsigned
        (.i64TruncF64U, f64(-0.99), .value(0)),
        (.i64TruncF64U, f64(-1), overflow),
        (.i64TruncF64U, f64(0x1.fffffffffffffp63), .value(0xFFFF_FFFF_FFFF_F800)),
        (.i64TruncF64U, f64(0x1p64), overflow),
        (.i64TruncF64U, f64(.infinity), overflow),
    ]

    /// (operation, operand bits, result) for the saturating forms.
    static let saturating: [(NumericOperation, UInt64, UInt64)] = [
        (.i32TruncSatF32S, f32(-0x1p31), 0x8000_0000),
        (.i32TruncSatF32S, f32(-0x1.000002p31), 0x8000_0000),
        (.i32TruncSatF32S, f32(0x1.fffffep30), 0x7FFF_FF80),
        (.i32TruncSatF32S, f32(0x1p31), 0x7FFF_FFFF),
        (.i32TruncSatF32S, f32(.infinity), 0x7FFF_FFFF),
        (.i32TruncSatF32S, f32(-.infinity), 0x8000_0000),
        (.i32TruncSatF32S, f32(-1.9), 0xFFFF_FFFF),
        (.i32TruncSatF32U, f32(-0x1.fffffep-1), 0),
        (.i32TruncSatF32U, f32(-1), 0),
        (.i32TruncSatF32U, f32(-.infinity), 0),
        (.i32TruncSatF32U, f32(0x1.fffffep31), 0xFFFF_FF00),
        (.i32TruncSatF32U, f32(0x1p32), 0xFFFF_FFFF),
        (.i32TruncSatF64S, f64(-2147483648.9), 0x8000_0000),
        (.i32TruncSatF64S, f64(-2147483649.0), 0x8000_0000),
        (.i32TruncSatF64S, f64(2147483647.9), 0x7FFF_FFFF),
        (.i32TruncSatF64S, f64(2147483648.0), 0x7FFF_FFFF),
        (.i32TruncSatF64U, f64(-1.0), 0),
        (.i32TruncSatF64U, f64(4294967295.9), 0xFFFF_FFFF),
        (.i32TruncSatF64U, f64(4294967296.0), 0xFFFF_FFFF),
        (.i64TruncSatF32S, f32(-0x1.000002p63), 0x8000_0000_0000_0000),
        (.i64TruncSatF32S, f32(0x1p63), 0x7FFF_FFFF_FFFF_FFFF),
        (.i64TruncSatF32S, f32(0x1.fffffep62), 0x7FFF_FF80_0000_0000),
        (.i64TruncSatF32U, f32(-1), 0),
        (.i64TruncSatF32U, f32(0x1p64), 0xFFFF_FFFF_FFFF_FFFF),
        (.i64TruncSatF32U, f32(0x1.fffffep63), 0xFFFF_FF00_0000_0000),
        (.i64TruncSatF64S, f64(-0x1p63), 0x8000_0000_0000_0000),
        (.i64TruncSatF64S, f64(-0x1.0000000000001p63), 0x8000_0000_0000_0000),
        (.i64TruncSatF64S, f64(0x1p63), 0x7FFF_FFFF_FFFF_FFFF),
        (.i64TruncSatF64S, f64(-.infinity), 0x8000_0000_0000_0000),
        (.i64TruncSatF64U, f64(-0.99), 0),
        (.i64TruncSatF64U, f64(0x1.fffffffffffffp63), 0xFFFF_FFFF_FFFF_F800),
        (.i64TruncSatF64U, f64(0x1p64), 0xFFFF_FFFF_FFFF_FFFF),
        (.i64TruncSatF64U, f64(.infinity), 0xFFFF_FFFF_FFFF_FFFF),
    ]

    @Test(arguments: trapping)
    func truncationChecksItsRange(operation: NumericOperation, operand: UInt64, expected: Outcome) {
        #expect(Self.outcome(operation, operand) == expected, "\(operation.name)")
    }

    @Test(arguments: saturating)
    func saturatingTruncationClamps(operation: NumericOperation, operand: UInt64, expected: UInt64)
    {
        #expect(Self.outcome(operation, operand) == .value(expected), "\(operation.name)")
    }

    static let trappingFromF32: [NumericOperation] = [
        .i32TruncF32S, .i32TruncF32U, .i64TruncF32S, .i64TruncF32U,
    ]
    static let trappingFromF64: [NumericOperation] = [
        .i32TruncF64S, .i32TruncF64U, .i64TruncF64S, .i64TruncF64U,
    ]
    static let saturatingFromF32: [NumericOperation] = [
        .i32TruncSatF32S, .i32TruncSatF32U, .i64TruncSatF32S, .i64TruncSatF32U,
    ]
    static let saturatingFromF64: [NumericOperation] = [
        .i32TruncSatF64S, .i32TruncSatF64U, .i64TruncSatF64S, .i64TruncSatF64U,
    ]

    @Test func nanIsAnInvalidConversion() {
        for operation in Self.trappingFromF32 {
            for nan in Self.f32NaNs {
                #expect(Self.outcome(operation, nan) == Self.invalid, "\(operation.name)")
            }
        }
        for operation in Self.trappingFromF64 {
            for nan in Self.f64NaNs {
                #expect(Self.outcome(operation, nan) == Self.invalid, "\(operation.name)")
            }
        }
    }

    @Test func nanSaturatesToZero() {
        for operation in Self.saturatingFromF32 {
            for nan in Self.f32NaNs {
                #expect(Self.outcome(operation, nan) == .value(0), "\(operation.name)")
            }
        }
        for operation in Self.saturatingFromF64 {
            for nan in Self.f64NaNs {
                #expect(Self.outcome(operation, nan) == .value(0), "\(operation.name)")
            }
        }
    }

    static func outcome(_ operation: NumericOperation, _ operand: UInt64) -> Outcome {
        do throws(TrapReason) {
            return .value(try evaluateNumeric(operation, [operand]))
        } catch {
            return .trap(error)
        }
    }
}
