import Testing
import WasmBinary
import WasmInterpreter

/// Memories of one-byte pages (the custom-page-sizes proposal): sizes, growth and bounds count
/// bytes, whatever the system's page size; 64 KiB-page memories beside them are unchanged.
@Suite struct CustomPageSizeTests {
    static let module = """
        (module
          (memory $bytes (export "bytes") 3 70000 (pagesize 1))
          (memory $pages (export "pages") 1)
          (memory $wide (export "wide") i64 0 (pagesize 1))
          (data (memory $bytes) (i32.const 0) "abc")
          (func (export "size") (result i32) (memory.size $bytes))
          (func (export "grow") (param i32) (result i32) (memory.grow $bytes (local.get 0)))
          (func (export "load8") (param i32) (result i32) (i32.load8_u $bytes (local.get 0)))
          (func (export "load16") (param i32) (result i32) (i32.load16_u $bytes (local.get 0)))
          (func (export "store8") (param i32 i32) (i32.store8 $bytes (local.get 0) (local.get 1)))
          (func (export "pagesSize") (result i32) (memory.size $pages))
          (func (export "growWide") (param i64) (result i64) (memory.grow $wide (local.get 0)))
          (func (export "loadWide") (param i64) (result i32) (i32.load8_u $wide (local.get 0))))
        """

    @Test func sizesAndBoundsCountBytes() throws {
        let instance = try instantiate(Self.module)
        #expect(try instance.invoke("size") == [.i32(3)])
        #expect(try instance.invoke("load8", [.i32(2)]) == [.i32(0x63)])
        #expect(throws: Trap.self) { try instance.invoke("load8", [.i32(3)]) }
        #expect(throws: Trap.self) { try instance.invoke("load16", [.i32(2)]) }
        let memory = try #require(instance.memory("bytes"))
        #expect(memory.pageSize == 1)
        #expect(memory.byteCount == 3)
        #expect(memory.maximumPageCount == 70_000)
        #expect(try instance.invoke("pagesSize") == [.i32(1)])
    }

    @Test func growingAddsBytesUpToTheMaximum() throws {
        let instance = try instantiate(Self.module)
        #expect(try instance.invoke("grow", [.i32(69_996)]) == [.i32(3)])
        #expect(try instance.invoke("size") == [.i32(69_999)])
        _ = try instance.invoke("store8", [.i32(69_998), .i32(5)])
        #expect(try instance.invoke("load8", [.i32(69_998)]) == [.i32(5)])
        #expect(throws: Trap.self) { try instance.invoke("load8", [.i32(69_999)]) }
        #expect(try instance.invoke("grow", [.i32(2)]) == [Value(Int32(-1))])
        #expect(try instance.invoke("grow", [.i32(1)]) == [.i32(69_999)])
        #expect(try instance.invoke("load8", [.i32(69_999)]) == [.i32(0)])
        #expect(try instance.invoke("load8", [.i32(0)]) == [.i32(0x61)])
    }

    @Test func a64BitMemoryOfBytePagesGrowsByBytes() throws {
        let instance = try instantiate(Self.module)
        #expect(throws: Trap.self) { try instance.invoke("loadWide", [.i64(0)]) }
        #expect(try instance.invoke("growWide", [.i64(5)]) == [.i64(0)])
        #expect(try instance.invoke("loadWide", [.i64(4)]) == [.i32(0)])
        #expect(throws: Trap.self) { try instance.invoke("loadWide", [.i64(5)]) }
        #expect(try instance.invoke("growWide", [.i64(1 << 60)]) == [Value(Int64(-1))])
        #expect(instance.memory("wide")?.byteCount == 5)
    }

    @Test func anEmbedderMemoryFollowsTheSameRules() throws {
        let runtime = Runtime()
        let bytes = try runtime.createMemory(MemoryType(limits: Limits(min: 10, max: 0xFFFF_FFFF), pageSizeLog2: 0))
        #expect(bytes.grow(by: 7) == 10)
        #expect(bytes.byteCount == 17)
        for type in [MemoryType(limits: Limits(min: 1), pageSizeLog2: 3),
                     MemoryType(limits: Limits(min: 0x1_0000_0000), pageSizeLog2: 0),
                     MemoryType(limits: Limits(min: 0, max: 65_537)),
                     MemoryType(limits: Limits(min: 2, max: 1), addressType: .i64)] {
            #expect(throws: InstantiationError.self, "\(type)") { try runtime.createMemory(type) }
        }
    }
}
