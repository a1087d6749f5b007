import Testing
import WasmBinary
@testable import WasmInterpreter

/// 64-bit memories and tables: addresses, offsets and sizes are i64, and an access near 2^64
/// traps instead of wrapping around into bounds; growing takes 64-bit deltas and fails (-1) past
/// what the memory may hold; a huge maximum does not reserve huge address space.
@Suite struct Memory64Tests {
    static let memory = """
        (module
          (memory (export "m") i64 1)
          (func (export "load8") (param i64) (result i32) (i32.load8_u (local.get 0)))
          (func (export "load8_top") (param i64) (result i32) (i32.load8_u offset=0xFFFF_FFFF_FFFF_FFFF (local.get 0)))
          (func (export "load64") (param i64) (result i64) (i64.load (local.get 0)))
          (func (export "load64_4g") (param i64) (result i64) (i64.load offset=0x1_0000_0000 (local.get 0)))
          (func (export "store8") (param i64 i32) (i32.store8 (local.get 0) (local.get 1)))
          (func (export "v128") (param i64) (result i64) (i64x2.extract_lane 0 (v128.load (local.get 0))))
          (func (export "size") (result i64) (memory.size))
          (func (export "grow") (param i64) (result i64) (memory.grow (local.get 0)))
          (func (export "fill") (param i64 i32 i64) (memory.fill (local.get 0) (local.get 1) (local.get 2)))
          (func (export "copy") (param i64 i64 i64) (memory.copy (local.get 0) (local.get 1) (local.get 2))))
        """

    @Test func accessesAreCheckedOnAll64BitsWithoutWrappingAround() throws {
        let instance = try instantiate(Self.memory)
        _ = try instance.invoke("store8", [.i64(5), .i32(9)])
        #expect(try instance.invoke("load8", [.i64(5)]) == [.i32(9)])
        #expect(try instance.invoke("load8", [.i64(65_535)]) == [.i32(0)])
        // High address bits are part of the address: 2^32 + 5 is not 5.
        for address: UInt64 in [65_536, 1 << 32, (1 << 32) + 5, 1 << 63, .max] {
            #expect(throws: Trap.self, "\(address)") { try instance.invoke("load8", [.i64(address)]) }
        }
        // Address plus offset past 2^64 wraps to 0 in 64-bit arithmetic; it must trap.
        #expect(throws: Trap.self) { try instance.invoke("load8_top", [.i64(0)]) }
        #expect(throws: Trap.self) { try instance.invoke("load8_top", [.i64(1)]) }
        #expect(throws: Trap.self) { try instance.invoke("load64_4g", [.i64(0xFFFF_FFFF_0000_0000)]) }
        #expect(throws: Trap.self) { try instance.invoke("load64_4g", [.i64(0xFFFF_FFFF_0000_0005)]) }
        // Address plus width past 2^64.
        #expect(throws: Trap.self) { try instance.invoke("load64", [.i64(0xFFFF_FFFF_FFFF_FFF9)]) }
        #expect(throws: Trap.self) { try instance.invoke("v128", [.i64(0xFFFF_FFFF_FFFF_FFF1)]) }
        #expect(try instance.invoke("load64", [.i64(65_528)]) == [.i64(0)])
        #expect(throws: Trap.self) { try instance.invoke("load64", [.i64(65_529)]) }
    }

    @Test func growTakes64BitDeltasAndFailsPastTheLimit() throws {
        let instance = try instantiate(Self.memory)
        let minusOne = Value(Int64(-1))
        #expect(try instance.invoke("grow", [.i64(1 << 63)]) == [minusOne])
        #expect(try instance.invoke("grow", [.i64(.max)]) == [minusOne])
        // More pages than this engine lets a memory hold (2^48 bytes).
        #expect(try instance.invoke("grow", [.i64(1 << 33)]) == [minusOne])
        #expect(try instance.invoke("size") == [.i64(1)])
        #expect(try instance.invoke("grow", [.i64(2)]) == [.i64(1)])
        #expect(try instance.invoke("size") == [.i64(3)])
        _ = try instance.invoke("store8", [.i64(3 * 65_536 - 1), .i32(4)])
        #expect(try instance.invoke("load8", [.i64(3 * 65_536 - 1)]) == [.i32(4)])
    }

    @Test func bulkInstructionsTake64BitOperands() throws {
        let instance = try instantiate(Self.memory)
        _ = try instance.invoke("fill", [.i64(10), .i32(3), .i64(4)])
        _ = try instance.invoke("copy", [.i64(100), .i64(9), .i64(6)])
        #expect(try instance.memory("m")?.read(at: 100, count: 6) == [0, 3, 3, 3, 3, 0])
        #expect(throws: Trap.self) { try instance.invoke("fill", [.i64(.max), .i32(0), .i64(2)]) }
        #expect(throws: Trap.self) { try instance.invoke("fill", [.i64(1), .i32(0), .i64(.max)]) }
        #expect(throws: Trap.self) { try instance.invoke("copy", [.i64(0), .i64(1 << 32), .i64(1)]) }
        #expect(throws: Trap.self) { try instance.invoke("copy", [.i64(2), .i64(0), .i64(.max - 1)]) }
        // A zero-length access at the end is in bounds; one past it is not.
        _ = try instance.invoke("fill", [.i64(65_536), .i32(0), .i64(0)])
        #expect(throws: Trap.self) { try instance.invoke("fill", [.i64(65_537), .i32(0), .i64(0)]) }
    }

    @Test func aHugeMaximumReservesOnlyWhatTheConfigurationAllows() throws {
        // 2^32 pages of 64 KiB (2^48 bytes) may be declared; the reservation stays at the
        // configuration's 1 MiB, and growing past it moves the memory, contents and all.
        var configuration = RuntimeConfiguration()
        configuration.memoryReservationBytes = 1 << 20
        let runtime = Runtime(configuration: configuration)
        let memory = try runtime.createMemory(MemoryType(limits: Limits(min: 1, max: 1 << 32), addressType: .i64))
        #expect(memory.state.pointee.reservedBytes == 1 << 20)
        #expect(memory.maximumPageCount == 1 << 32)
        try memory.write([1, 2, 3], at: 65_533)
        #expect(memory.grow(by: 40) == 1)
        #expect(memory.state.pointee.reservedBytes >= 41 * 65_536)
        #expect(try memory.read(at: 65_533, count: 4) == [1, 2, 3, 0])
        #expect(memory.grow(by: 1 << 32) == nil)
        #expect(memory.pageCount == 41)
    }

    @Test func theRuntimesMemoryLimitCountsEveryMemoryInBytes() throws {
        var configuration = RuntimeConfiguration()
        configuration.resourceLimits = ResourceLimits(memoryBytes: 4 * 65_536 + 10)
        let instance = try instantiate("""
            (module
              (memory $wide i64 1)
              (memory $bytes 0 (pagesize 1))
              (func (export "growWide") (param i64) (result i64) (memory.grow $wide (local.get 0)))
              (func (export "growBytes") (param i32) (result i32) (memory.grow $bytes (local.get 0))))
            """, runtime: Runtime(configuration: configuration))
        #expect(try instance.invoke("growWide", [.i64(4)]) == [Value(Int64(-1))])
        #expect(try instance.invoke("growWide", [.i64(3)]) == [.i64(1)])
        #expect(try instance.invoke("growBytes", [.i32(11)]) == [Value(Int32(-1))])
        #expect(try instance.invoke("growBytes", [.i32(10)]) == [.i32(0)])
        #expect(try instance.invoke("growBytes", [.i32(1)]) == [Value(Int32(-1))])
        #expect(try instance.invoke("growWide", [.i64(0)]) == [.i64(4)])
    }

    @Test func aMemoryLargerThanTheEngineHoldsIsATypedError() throws {
        // Valid (2^40 pages is below 2^48), but more than this engine's 2^48 bytes.
        #expect {
            try instantiate("(module (memory i64 0x100_0000_0000))")
        } throws: { error in
            guard case .resourceExhausted = error as? InstantiationError else { return false }
            return true
        }
    }

    static let table = """
        (module
          (type $v (func (result i32)))
          (table $t (export "t") i64 2 funcref)
          (table $small 4 funcref)
          (func $seven (type $v) (i32.const 7))
          (elem (table $t) (i64.const 1) func $seven)
          (func (export "call") (param i64) (result i32) (call_indirect $t (type $v) (local.get 0)))
          (func (export "callSmall") (param i32) (result i32) (call_indirect $small (type $v) (local.get 0)))
          (func (export "size") (result i64) (table.size $t))
          (func (export "grow") (param i64) (result i64) (table.grow $t (ref.null func) (local.get 0)))
          (func (export "isNull") (param i64) (result i32) (ref.is_null (table.get $t (local.get 0))))
          (func (export "set") (param i64) (table.set $t (local.get 0) (ref.func $seven)))
          (func (export "fill") (param i64 i64) (table.fill $t (local.get 0) (ref.func $seven) (local.get 1)))
          (func (export "copyIntoSmall") (param i32 i64 i32) (table.copy $small $t (local.get 0) (local.get 1) (local.get 2))))
        """

    @Test func tableIndicesAreCheckedOnAll64Bits() throws {
        let instance = try instantiate(Self.table)
        #expect(try instance.invoke("call", [.i64(1)]) == [.i32(7)])
        #expect(throws: Trap.self) { try instance.invoke("call", [.i64(0)]) }
        #expect(throws: Trap.self) { try instance.invoke("call", [.i64((1 << 32) + 1)]) }
        #expect(throws: Trap.self) { try instance.invoke("isNull", [.i64((1 << 32) + 1)]) }
        #expect(throws: Trap.self) { try instance.invoke("set", [.i64(1 << 63)]) }
        #expect(try instance.invoke("isNull", [.i64(0)]) == [.i32(1)])
        _ = try instance.invoke("set", [.i64(0)])
        #expect(try instance.invoke("isNull", [.i64(0)]) == [.i32(0)])
    }

    @Test func tableGrowFillAndMixedCopyTake64BitOperands() throws {
        let instance = try instantiate(Self.table)
        #expect(try instance.invoke("grow", [.i64(1 << 63)]) == [Value(Int64(-1))])
        #expect(try instance.invoke("grow", [.i64(3)]) == [.i64(2)])
        #expect(try instance.invoke("size") == [.i64(5)])
        _ = try instance.invoke("fill", [.i64(3), .i64(2)])
        #expect(try instance.invoke("call", [.i64(4)]) == [.i32(7)])
        #expect(throws: Trap.self) { try instance.invoke("fill", [.i64(.max), .i64(2)]) }
        #expect(throws: Trap.self) { try instance.invoke("fill", [.i64(0), .i64(.max)]) }
        // From the 64-bit table into the 32-bit one: an i64 source, i32 destination and count.
        _ = try instance.invoke("copyIntoSmall", [.i32(2), .i64(3), .i32(2)])
        #expect(try instance.invoke("callSmall", [.i32(3)]) == [.i32(7)])
        #expect(throws: Trap.self) { try instance.invoke("copyIntoSmall", [.i32(0), .i64(1 << 32), .i32(1)]) }
    }

    @Test func aTableImportMustMatchItsAddressType() throws {
        let runtime = Runtime()
        var imports = Imports()
        let table64 = try runtime.createTable(TableType(elementType: .funcref, limits: Limits(min: 1), addressType: .i64),
                                              initialValue: .null(.funcref))
        imports.define(module: "env", name: "t", .table(table64))
        _ = try instantiate("(module (table (import \"env\" \"t\") i64 1 funcref))", imports: imports, runtime: runtime)
        #expect(throws: InstantiationError.self) {
            try instantiate("(module (table (import \"env\" \"t\") 1 funcref))", imports: imports, runtime: runtime)
        }
    }
}
