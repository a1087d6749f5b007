import Testing
import WasmBinary
import WasmInterpreter

/// Relaxed SIMD gives the deterministic profile's result (the first of the results the spec
/// allows) on inputs where the allowed results differ, and wide arithmetic computes 128 bits.
@Suite struct RelaxedAndWideArithmeticTests {
    static func vector(_ instance: Instance, _ name: String) throws -> V128 {
        guard case .v128(let value) = try instance.invoke(name).first else {
            Issue.record("\(name) returned no v128")
            return V128(low: 0, high: 0)
        }
        return value
    }

    static let relaxed = """
        (module
          ;; x = 1 + 2^-23: x * x rounds to 1 + 2^-22, losing 2^-46, which a fused multiply-add keeps.
          (func (export "madd32") (result v128)
            (f32x4.relaxed_madd (v128.const i32x4 0x3f800001 0x3f800001 0x3f800001 0x3f800001)
                                (v128.const i32x4 0x3f800001 0x3f800001 0x3f800001 0x3f800001)
                                (v128.const i32x4 0xbf800002 0xbf800002 0xbf800002 0xbf800002)))
          (func (export "nmadd32") (result v128)
            (f32x4.relaxed_nmadd (v128.const i32x4 0x3f800001 0x3f800001 0x3f800001 0x3f800001)
                                 (v128.const i32x4 0x3f800001 0x3f800001 0x3f800001 0x3f800001)
                                 (v128.const i32x4 0x3f800002 0x3f800002 0x3f800002 0x3f800002)))
          (func (export "madd64") (result v128)
            (f64x2.relaxed_madd (v128.const i64x2 0x3ff0000000000001 0x3ff0000000000001)
                                (v128.const i64x2 0x3ff0000000000001 0x3ff0000000000001)
                                (v128.const i64x2 0xbff0000000000002 0xbff0000000000002)))
          (func (export "swizzle") (result v128)
            (i8x16.relaxed_swizzle (v128.const i8x16 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16)
                                   (v128.const i8x16 0 17 31 127 128 255 15 16 0 0 0 0 0 0 0 0)))
          (func (export "laneselect") (result v128)
            (i32x4.relaxed_laneselect (v128.const i32x4 0x11111111 0x11111111 0x11111111 0x11111111)
                                      (v128.const i32x4 0x22222222 0x22222222 0x22222222 0x22222222)
                                      (v128.const i32x4 0x0000ffff 0xffff0000 0 -1)))
          (func (export "min") (result v128)
            (f32x4.relaxed_min (v128.const f32x4 0 -0 nan 1) (v128.const f32x4 -0 0 1 nan)))
          (func (export "max") (result v128)
            (f64x2.relaxed_max (v128.const f64x2 -0 nan) (v128.const f64x2 0 1)))
          (func (export "truncS") (result v128)
            (i32x4.relaxed_trunc_f32x4_s (v128.const f32x4 nan 3e9 -3e9 -1.5)))
          (func (export "truncU") (result v128)
            (i32x4.relaxed_trunc_f64x2_u_zero (v128.const f64x2 -1 5e9)))
          (func (export "q15mulr") (result v128)
            (i16x8.relaxed_q15mulr_s (v128.const i16x8 -32768 -32768 16384 0 0 0 0 0)
                                     (v128.const i16x8 -32768 32767 16384 0 0 0 0 0)))
          (func (export "dot") (result v128)
            (i16x8.relaxed_dot_i8x16_i7x16_s (v128.const i8x16 -128 -128 -128 127 3 4 0 0 0 0 0 0 0 0 0 0)
                                             (v128.const i8x16 -128 -128 -128 127 5 -6 0 0 0 0 0 0 0 0 0 0)))
          (func (export "dotAdd") (result v128)
            (i32x4.relaxed_dot_i8x16_i7x16_add_s (v128.const i8x16 -128 -128 -128 -128 1 2 3 4 0 0 0 0 0 0 0 0)
                                                 (v128.const i8x16 -128 -128 -128 -128 1 1 1 1 0 0 0 0 0 0 0 0)
                                                 (v128.const i32x4 1 10 100 -1))))
        """

    @Test func multiplyAddIsRoundedTwice() throws {
        let instance = try instantiate(Self.relaxed)
        #expect(try Self.vector(instance, "madd32") == V128(low: 0, high: 0))
        #expect(try Self.vector(instance, "nmadd32") == V128(low: 0, high: 0))
        #expect(try Self.vector(instance, "madd64") == V128(low: 0, high: 0))
    }

    @Test func swizzleAndLaneselectAreTheir2Point0Instructions() throws {
        let instance = try instantiate(Self.relaxed)
        // Indices of 16 and more select 0 (the alternative is index mod 16).
        #expect(try Self.vector(instance, "swizzle") == V128(bytes: [1, 0, 0, 0, 0, 0, 16, 0, 1, 1, 1, 1, 1, 1, 1, 1]))
        // Every mask bit selects (the alternative looks at each lane's top bit only).
        let selected = try Self.vector(instance, "laneselect")
        #expect(selected == V128(low: 0x1111_2222_2222_1111, high: 0x1111_1111_2222_2222))
    }

    @Test func minMaxAndTruncationAreThe2Point0Ones() throws {
        let instance = try instantiate(Self.relaxed)
        let minimum = try Self.vector(instance, "min")
        let lanes = (0..<4).map { UInt32(truncatingIfNeeded: ($0 < 2 ? minimum.low : minimum.high) >> (32 * UInt64($0 % 2))) }
        #expect(lanes[0] == 0x8000_0000 && lanes[1] == 0x8000_0000)
        #expect(Float(bitPattern: lanes[2]).isNaN && Float(bitPattern: lanes[3]).isNaN)
        let maximum = try Self.vector(instance, "max")
        #expect(maximum.low == 0)
        #expect(Double(bitPattern: maximum.high).isNaN)
        #expect(try Self.vector(instance, "truncS") == V128(low: 0x7FFF_FFFF_0000_0000, high: 0xFFFF_FFFF_8000_0000))
        #expect(try Self.vector(instance, "truncU") == V128(low: 0xFFFF_FFFF_0000_0000, high: 0))
    }

    @Test func integerRelaxationsSaturateWithSignedOperands() throws {
        let instance = try instantiate(Self.relaxed)
        // -32768 · -32768 saturates to 32767; -32768 · 32767 rounds to -32767; 0.5 · 0.5 is 0.25.
        #expect(try Self.vector(instance, "q15mulr") == V128(low: 0x2000_8001_7FFF, high: 0))
        // Both bytes signed: (-128)(-128) · 2 = 32768 saturates to 32767; 16384 + 127 · 127; 15 - 24.
        #expect(try Self.vector(instance, "dot") == V128(low: 0xFFF7_7F01_7FFF, high: 0))
        // Lane 0: 32767 + 32767 + 1; lane 1: 1 + 2 + 3 + 4 + 10.
        #expect(try Self.vector(instance, "dotAdd") == V128(low: 20 << 32 | 65_535, high: 0xFFFF_FFFF_0000_0064))
    }

    static let wide = """
        (module
          (func (export "add128") (param i64 i64 i64 i64) (result i64 i64)
            (i64.add128 (local.get 0) (local.get 1) (local.get 2) (local.get 3)))
          (func (export "sub128") (param i64 i64 i64 i64) (result i64 i64)
            (i64.sub128 (local.get 0) (local.get 1) (local.get 2) (local.get 3)))
          (func (export "mulS") (param i64 i64) (result i64 i64) (i64.mul_wide_s (local.get 0) (local.get 1)))
          (func (export "mulU") (param i64 i64) (result i64 i64) (i64.mul_wide_u (local.get 0) (local.get 1)))
          ;; Results as the next instruction's operands: (2^64 - 1)^2 + 1 = (2, 2^64 - 2).
          (func (export "chained") (result i64 i64)
            (i64.mul_wide_u (i64.const -1) (i64.const -1))
            (i64.add128 (i64.const 1) (i64.const 0))))
        """

    @Test func wideArithmeticComputes128Bits() throws {
        let instance = try instantiate(Self.wide)
        #expect(try instance.invoke("add128", [.i64(.max), .i64(0), .i64(1), .i64(0)]) == [.i64(0), .i64(1)])
        #expect(try instance.invoke("add128", [.i64(.max), .i64(.max), .i64(1), .i64(0)]) == [.i64(0), .i64(0)])
        #expect(try instance.invoke("sub128", [.i64(0), .i64(0), .i64(1), .i64(0)]) == [.i64(.max), .i64(.max)])
        #expect(try instance.invoke("sub128", [.i64(5), .i64(7), .i64(6), .i64(2)]) == [.i64(.max), .i64(4)])
        #expect(try instance.invoke("mulS", [Value(Int64(-1)), Value(Int64(-1))]) == [.i64(1), .i64(0)])
        #expect(try instance.invoke("mulS", [Value(Int64.min), .i64(2)]) == [.i64(0), Value(Int64(-1))])
        #expect(try instance.invoke("mulU", [.i64(.max), .i64(.max)]) == [.i64(1), .i64(.max - 1)])
        #expect(try instance.invoke("mulU", [.i64(1 << 63), .i64(4)]) == [.i64(0), .i64(2)])
        #expect(try instance.invoke("chained") == [.i64(2), .i64(.max - 1)])
    }
}
