import Testing
import WasmBinary

@testable import WasmInterpreter

/// SIMD instructions run through translation: slots of two words, immediates, memory bounds,
/// and a result written over one of its own operands.
@Suite struct SIMDExecutionTests {
    static let module = """
        (module
          (memory (export "memory") 1)
          (func (export "add_in_place") (param $v v128) (result v128)
            (local.set $v (i32x4.add (local.get $v) (local.get $v)))
            (local.get $v))
          (func (export "load_store") (param $from i32) (param $to i32)
            (v128.store offset=1 (local.get $to) (v128.load (local.get $from))))
          (func (export "store_lane") (param $to i32) (param $v v128)
            (v128.store16_lane 7 (local.get $to) (local.get $v)))
          (func (export "load_lane") (param $from i32) (param $v v128) (result v128)
            (v128.load32_lane 1 (local.get $from) (local.get $v)))
          (func (export "extract") (param $v v128) (result i32)
            (i8x16.extract_lane_s 15 (local.get $v)))
          (func (export "select_bits") (param $a v128) (param $b v128) (param $mask v128) (result v128)
            (v128.bitselect (local.get $a) (local.get $b) (local.get $mask)))
          (func (export "reverse") (param $v v128) (result v128)
            (i8x16.shuffle 15 14 13 12 11 10 9 8 7 6 5 4 3 2 1 0 (local.get $v) (local.get $v)))
          (func (export "sum_lanes") (param $v v128) (result i32)
            (local $acc v128)
            (local.set $acc (i32x4.add (local.get $v) (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
              (local.get $v) (local.get $v))))
            (block $done (result v128)
              (br $done (i32x4.add (local.get $acc) (i8x16.shuffle 4 5 6 7 0 1 2 3 4 5 6 7 0 1 2 3
                (local.get $acc) (local.get $acc))))
              (v128.const i32x4 0 0 0 0))
            (i32x4.extract_lane 0)))
        """

    static func lanes(_ l: [UInt32]) -> V128 { V128(low: UInt64(l[0]) | UInt64(l[1]) << 32, high: UInt64(l[2]) | UInt64(l[3]) << 32) }

    @Test func everySIMDOperationHasAHandler() {
        for operation in SIMDOperation.allCases where operation != .v128Bitselect {
            #expect(SIMDHandlers.handler(operation) != nil, "\(operation.name)")
        }
    }

    @Test func resultsMayOverwriteTheirOperands() throws {
        let instance = try instantiate(Self.module)
        let result = try instance.invoke("add_in_place", [.v128(Self.lanes([1, 0xFFFF_FFFF, 3, 4]))])
        #expect(result == [.v128(Self.lanes([2, 0xFFFF_FFFE, 6, 8]))])
    }

    @Test func memoryAccessesAreBoundsChecked() throws {
        let instance = try instantiate(Self.module)
        let memory = try #require(instance.memory("memory"))
        try memory.write(Array(1...16), at: 100)
        _ = try instance.invoke("load_store", [.i32(100), .i32(199)])
        #expect(try memory.read(at: 200, count: 16) == Array(1...16))
        // The last 16 bytes of the page load; one byte further traps, on load and on store.
        _ = try instance.invoke("load_store", [.i32(65_520), .i32(0)])
        #expect(throws: Trap(.outOfBoundsMemoryAccess)) { try instance.invoke("load_store", [.i32(65_521), .i32(0)]) }
        #expect(throws: Trap(.outOfBoundsMemoryAccess)) { try instance.invoke("load_store", [.i32(0), .i32(65_520)]) }
        #expect(throws: Trap(.outOfBoundsMemoryAccess)) { try instance.invoke("load_store", [.i32(0xFFFF_FFFF), .i32(0)]) }
    }

    @Test func laneLoadsAndStores() throws {
        let instance = try instantiate(Self.module)
        let memory = try #require(instance.memory("memory"))
        let v = V128(bytes: Array(0..<16))
        _ = try instance.invoke("store_lane", [.i32(10), .v128(v)])
        #expect(try memory.read(at: 10, count: 2) == [14, 15])
        try memory.write([0xAA, 0xBB, 0xCC, 0xDD], at: 20)
        let loaded = try instance.invoke("load_lane", [.i32(20), .v128(v)])
        #expect(loaded == [.v128(V128(bytes: [0, 1, 2, 3, 0xAA, 0xBB, 0xCC, 0xDD] + Array(8..<16)))])
        #expect(throws: Trap(.outOfBoundsMemoryAccess)) { try instance.invoke("store_lane", [.i32(65_535), .v128(v)]) }
        #expect(throws: Trap(.outOfBoundsMemoryAccess)) { try instance.invoke("load_lane", [.i32(65_533), .v128(v)]) }
    }

    @Test func immediatesSelectLanes() throws {
        let instance = try instantiate(Self.module)
        let v = V128(bytes: Array(0..<15) + [0xFE])
        #expect(try instance.invoke("extract", [.v128(v)]) == [.i32(UInt32(bitPattern: -2))])
        #expect(try instance.invoke("reverse", [.v128(v)]) == [.v128(V128(bytes: Array(v.bytes.reversed())))])
        let a = V128(low: 0xFFFF_0000_FFFF_0000, high: 0x1234)
        let b = V128(low: 0x0000_FFFF_0000_FFFF, high: 0xFF00)
        let mask = V128(low: 0xFF00_FF00_FF00_FF00, high: 0xFFFF)
        // (a & mask) | (b & ~mask)
        #expect(try instance.invoke("select_bits", [.v128(a), .v128(b), .v128(mask)])
            == [.v128(V128(low: 0xFF00_00FF_FF00_00FF, high: 0x1234))])
    }

    @Test func vectorsFlowThroughLocalsAndBranches() throws {
        let instance = try instantiate(Self.module)
        #expect(try instance.invoke("sum_lanes", [.v128(Self.lanes([1, 20, 300, 4_000]))]) == [.i32(4_321)])
    }
}
