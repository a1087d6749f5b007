import Testing
import WasmBinary
import WasmInterpreter

/// Every load and store in every way the translator may compute its address — from a slot, from
/// a fused `i32.add` of two slots or of a slot and a constant (either side), from a constant —
/// and stores of constants. Expected values are decoded here from the memory's bytes; addresses
/// that wrap past 2^32 in the `i32.add` must wrap before the static offset is added.
@Suite struct AddressModeTests {
    struct Access: Sendable, CustomStringConvertible {
        let instruction: String
        let width: Int
        let signed: Bool
        let type: String
        var description: String { instruction }
    }

    static let loads: [Access] = [
        Access(instruction: "i32.load", width: 4, signed: false, type: "i32"),
        Access(instruction: "i32.load8_s", width: 1, signed: true, type: "i32"),
        Access(instruction: "i32.load8_u", width: 1, signed: false, type: "i32"),
        Access(instruction: "i32.load16_s", width: 2, signed: true, type: "i32"),
        Access(instruction: "i32.load16_u", width: 2, signed: false, type: "i32"),
        Access(instruction: "i64.load", width: 8, signed: false, type: "i64"),
        Access(instruction: "i64.load8_s", width: 1, signed: true, type: "i64"),
        Access(instruction: "i64.load8_u", width: 1, signed: false, type: "i64"),
        Access(instruction: "i64.load16_s", width: 2, signed: true, type: "i64"),
        Access(instruction: "i64.load16_u", width: 2, signed: false, type: "i64"),
        Access(instruction: "i64.load32_s", width: 4, signed: true, type: "i64"),
        Access(instruction: "i64.load32_u", width: 4, signed: false, type: "i64"),
        Access(instruction: "f32.load", width: 4, signed: false, type: "f32"),
        Access(instruction: "f64.load", width: 8, signed: false, type: "f64"),
    ]

    static let stores: [Access] = [
        Access(instruction: "i32.store", width: 4, signed: false, type: "i32"),
        Access(instruction: "i32.store8", width: 1, signed: false, type: "i32"),
        Access(instruction: "i32.store16", width: 2, signed: false, type: "i32"),
        Access(instruction: "i64.store", width: 8, signed: false, type: "i64"),
        Access(instruction: "i64.store8", width: 1, signed: false, type: "i64"),
        Access(instruction: "i64.store16", width: 2, signed: false, type: "i64"),
        Access(instruction: "i64.store32", width: 4, signed: false, type: "i64"),
        Access(instruction: "f32.store", width: 4, signed: false, type: "f32"),
        Access(instruction: "f64.store", width: 8, signed: false, type: "f64"),
    ]

    /// The memory's initial bytes: byte i is (i·37 + 11) mod 256, so every access reads a distinct pattern.
    static func byte(at address: Int) -> UInt8 { UInt8(truncatingIfNeeded: address &* 37 &+ 11) }

    /// What `access` reads at `address`, as the bits of its result type.
    static func expected(_ access: Access, at address: Int) -> Value {
        var bits: UInt64 = 0
        for i in 0..<access.width { bits |= UInt64(byte(at: address + i)) << (8 * i) }
        if access.signed {
            let shift = UInt64(64 - 8 * access.width)
            bits = UInt64(bitPattern: Int64(bitPattern: bits << shift) >> shift)
        }
        switch access.type {
        case "i32": return .i32(UInt32(truncatingIfNeeded: bits))
        case "i64": return .i64(bits)
        case "f32": return .f32(UInt32(truncatingIfNeeded: bits))
        default: return .f64(bits)
        }
    }

    /// A module exporting one function per address shape for `access`, each taking (x, y) and
    /// using offset 3; `load`s return the value, stores store `value` (a parameter, or the constant 0x5A5A…).
    static func module(load access: Access) -> String {
        let op = "\(access.instruction) offset=3"
        return """
            (module
              (memory (export "memory") 1)
              (data (i32.const 0) "\(pattern)")
              (func (export "slot") (param i32 i32) (result \(access.type)) (\(op) (local.get 0)))
              (func (export "sum") (param i32 i32) (result \(access.type)) (\(op) (i32.add (local.get 0) (local.get 1))))
              (func (export "plus100") (param i32 i32) (result \(access.type)) (\(op) (i32.add (local.get 0) (i32.const 100))))
              (func (export "minus16") (param i32 i32) (result \(access.type)) (\(op) (i32.add (local.get 0) (i32.const -16))))
              (func (export "100plus") (param i32 i32) (result \(access.type)) (\(op) (i32.add (i32.const 100) (local.get 0))))
              (func (export "at1000") (param i32 i32) (result \(access.type)) (\(op) (i32.const 1000)))
              (func (export "masked") (param i32 i32) (result \(access.type)) (\(op) (i32.and (local.get 0) (i32.const 0xFFFF))))
              (func (export "scaled") (param i32 i32) (result \(access.type)) (\(op) (i32.add (local.get 0) (i32.shl (local.get 1) (i32.const 2)))))
              (func (export "scaledFirst") (param i32 i32) (result \(access.type)) (\(op) (i32.add (i32.shl (local.get 1) (i32.const 33)) (local.get 0))))
              (func (export "atEnd") (param i32 i32) (result \(access.type)) (\(op) (i32.const \(65_533 - access.width + 1)))))
            """
    }

    /// The first 2,048 bytes of the pattern as a data-segment string.
    static let pattern: String = (0..<2048).map { "\\" + String(byte(at: $0), radix: 16).leftPadded(to: 2) }.joined()

    @Test(arguments: loads)
    func loadsReadTheRightBytesInEveryAddressMode(access: Access) throws {
        let instance = try instantiate(Self.module(load: access))
        func call(_ name: String, _ x: UInt32, _ y: UInt32 = 0) throws -> [Value] { try instance.invoke(name, [.i32(x), .i32(y)]) }
        #expect(try call("slot", 40) == [Self.expected(access, at: 43)])
        #expect(try call("sum", 40, 9) == [Self.expected(access, at: 52)])
        #expect(try call("sum", 0xFFFF_FFF0, 0x20) == [Self.expected(access, at: 0x13)])  // wraps to 0x10, then + 3
        #expect(try call("plus100", 7) == [Self.expected(access, at: 110)])
        #expect(try call("plus100", 0xFFFF_FFA0) == [Self.expected(access, at: 7)])  // wraps to 4
        #expect(try call("minus16", 50) == [Self.expected(access, at: 37)])
        #expect(try call("100plus", 7) == [Self.expected(access, at: 110)])
        #expect(try call("at1000", 0) == [Self.expected(access, at: 1003)])
        #expect(try call("masked", 0xABCD_0123) == [Self.expected(access, at: 0x126)])  // the address computed in the accumulator
        #expect(try call("scaled", 100, 5) == [Self.expected(access, at: 123)])  // base + (i << 2), + 3
        #expect(try call("scaled", 0xFFFF_FFF0, 8) == [Self.expected(access, at: 0x13)])  // wraps to 0x10 before the offset
        #expect(try call("scaledFirst", 100, 7) == [Self.expected(access, at: 117)])  // the shift counts mod 32: << 1
        // Past the end, each way: the access must trap, never read.
        let oob = Trap(.outOfBoundsMemoryAccess)
        #expect(throws: oob) { try call("slot", UInt32(65_536 - 3 - access.width + 1)) }
        #expect(throws: oob) { try call("sum", 65_000, 1_000) }
        #expect(throws: oob) { try call("minus16", 8) }  // 8 − 16 wraps to 2^32 − 8, not to an address before 0
        #expect(throws: oob) { try call("plus100", 65_440) }
        #expect(throws: oob) { try call("atEnd", 0) }
        #expect(throws: oob) { try call("masked", 0xFFFF) }
        #expect(throws: oob) { try call("scaled", 65_000, 200) }
    }

    /// Stores: one function per address shape, storing the parameter `value` or a constant.
    static func module(store access: Access) -> String {
        let op = "\(access.instruction) offset=3"
        let constant = access.type == "i32" || access.type == "f32" ? "(\(access.type).const 0x5A5A5A5A)" : "(\(access.type).const 0x5A5A5A5A5A5A5A5A)"
        if access.type.hasPrefix("f") {
            // Floats: the constant and the parameter as bit patterns.
            let bits = access.type == "f32" ? "(f32.reinterpret_i32 (i32.const 0x5A5A5A5A))" : "(f64.reinterpret_i64 (i64.const 0x5A5A5A5A5A5A5A5A))"
            _ = constant
            return storeModule(op, valueType: access.type, constant: bits)
        }
        return storeModule(op, valueType: access.type, constant: constant)
    }

    static func storeModule(_ op: String, valueType: String, constant: String) -> String {
        """
        (module
          (memory (export "memory") 1)
          (func (export "slot") (param i32 i32 \(valueType)) (\(op) (local.get 0) (local.get 2)))
          (func (export "sum") (param i32 i32 \(valueType)) (\(op) (i32.add (local.get 0) (local.get 1)) (local.get 2)))
          (func (export "plusConstant") (param i32 i32 \(valueType)) (\(op) (i32.add (local.get 0) (i32.const -16)) (local.get 2)))
          (func (export "atConstant") (param i32 i32 \(valueType)) (\(op) (i32.const 1000) (local.get 2)))
          (func (export "masked") (param i32 i32 \(valueType)) (\(op) (i32.and (local.get 0) (i32.const 0xFFFF)) (local.get 2)))
          (func (export "scaled") (param i32 i32 \(valueType)) (\(op) (i32.add (local.get 0) (i32.shl (local.get 1) (i32.const 3))) (local.get 2)))
          (func (export "slotC") (param i32 i32 \(valueType)) (\(op) (local.get 0) \(constant)))
          (func (export "sumC") (param i32 i32 \(valueType)) (\(op) (i32.add (local.get 0) (local.get 1)) \(constant)))
          (func (export "plusConstantC") (param i32 i32 \(valueType)) (\(op) (i32.add (local.get 0) (i32.const -16)) \(constant)))
          (func (export "atConstantC") (param i32 i32 \(valueType)) (\(op) (i32.const 1000) \(constant)))
          (func (export "maskedC") (param i32 i32 \(valueType)) (\(op) (i32.and (local.get 0) (i32.const 0xFFFF)) \(constant)))
          (func (export "scaledC") (param i32 i32 \(valueType)) (\(op) (i32.add (local.get 0) (i32.shl (local.get 1) (i32.const 3))) \(constant))))
        """
    }

    @Test(arguments: stores)
    func storesWriteTheRightBytesInEveryAddressMode(access: Access) throws {
        let instance = try instantiate(Self.module(store: access))
        let memory = try #require(instance.memory("memory"))
        let stored: UInt64 = 0x0102_0304_0506_0708
        let value: Value
        switch access.type {
        case "i32": value = .i32(UInt32(truncatingIfNeeded: stored))
        case "i64": value = .i64(stored)
        case "f32": value = .f32(UInt32(truncatingIfNeeded: stored))
        default: value = .f64(stored)
        }
        let bytes = (0..<access.width).map { UInt8(truncatingIfNeeded: stored >> (8 * $0)) }
        let constantBytes = [UInt8](repeating: 0x5A, count: access.width)
        let cases: [(String, UInt32, UInt32, Int)] = [
            ("slot", 40, 0, 43), ("sum", 0xFFFF_FFF0, 0x30, 0x23), ("plusConstant", 116, 0, 103), ("atConstant", 0, 0, 1003),
            ("masked", 0x7777_0200, 0, 0x203), ("scaled", 0xFFFF_FFF8, 100, 0x31B),
        ]
        for (name, x, y, address) in cases {
            for (suffix, expected) in [("", bytes), ("C", constantBytes)] {
                try memory.write([UInt8](repeating: 0, count: 16), at: address - 4)
                _ = try instance.invoke(name + suffix, [.i32(x), .i32(y), value])
                #expect(try memory.read(at: address - 4, count: 16) == [0, 0, 0, 0] + expected + [UInt8](repeating: 0, count: 12 - access.width),
                        "\(name + suffix)")
            }
        }
        #expect(throws: Trap(.outOfBoundsMemoryAccess)) { try instance.invoke("plusConstantC", [.i32(8), .i32(0), value]) }
        #expect(throws: Trap(.outOfBoundsMemoryAccess)) { try instance.invoke("sum", [.i32(65_530), .i32(10), value]) }
    }
}

extension String {
    func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
