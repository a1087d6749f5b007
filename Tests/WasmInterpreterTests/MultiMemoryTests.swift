import Testing
import WasmBinary
import WasmInterpreter

/// Several memories in one module: every memory instruction names its memory, data segments and
/// exports reach any of them, and memory 0 keeps working through the registers beside them.
@Suite struct MultiMemoryTests {
    static let module = """
        (module
          (memory $a (export "a") 1)
          (memory $b (export "b") 1 3)
          (memory $c (export "c") 0)
          (data (memory $b) (i32.const 16) "\\01\\02\\03\\04")
          (data $passive "hello")
          (func (export "load_a") (param i32) (result i32) (i32.load8_u $a (local.get 0)))
          (func (export "load_b") (param i32) (result i32) (i32.load8_u $b (local.get 0)))
          (func (export "load32_b") (param i32) (result i32) (i32.load $b offset=4 (local.get 0)))
          (func (export "store_b") (param i32 i64) (i64.store $b (local.get 0) (local.get 1)))
          (func (export "load64_b") (param i32) (result i64) (i64.load $b (local.get 0)))
          (func (export "store_a") (param i32 i32) (i32.store8 $a (local.get 0) (local.get 1)))
          (func (export "sizes") (result i32 i32 i32) (memory.size $a) (memory.size $b) (memory.size $c))
          (func (export "grow_b") (param i32) (result i32) (memory.grow $b (local.get 0)))
          (func (export "grow_c") (param i32) (result i32) (memory.grow $c (local.get 0)))
          (func (export "copy_b_to_a") (param i32 i32 i32) (memory.copy $a $b (local.get 0) (local.get 1) (local.get 2)))
          (func (export "fill_b") (param i32 i32 i32) (memory.fill $b (local.get 0) (local.get 1) (local.get 2)))
          (func (export "init_b") (param i32 i32 i32) (memory.init $b $passive (local.get 0) (local.get 1) (local.get 2)))
          (func (export "v128_b") (param i32) (result i64) (i64x2.extract_lane 1 (v128.load $b (local.get 0))))
          (func (export "lane_b") (param i32 i32) (v128.store8_lane $b 3 (local.get 0) (i8x16.splat (local.get 1)))))
        """

    @Test func loadsAndStoresReachTheNamedMemory() throws {
        let instance = try instantiate(Self.module)
        #expect(try instance.invoke("load_b", [.i32(17)]) == [.i32(2)])
        #expect(try instance.invoke("load_a", [.i32(17)]) == [.i32(0)])
        #expect(try instance.invoke("load32_b", [.i32(12)]) == [.i32(0x0403_0201)])
        _ = try instance.invoke("store_b", [.i32(100), .i64(0x0102_0304_0506_0708)])
        #expect(try instance.invoke("load64_b", [.i32(100)]) == [.i64(0x0102_0304_0506_0708)])
        #expect(try instance.invoke("load_a", [.i32(100)]) == [.i32(0)])
        #expect(try instance.memory("b")?.read(at: 100, count: 2) == [8, 7])
    }

    @Test func everyMemoryHasItsOwnBounds() throws {
        let instance = try instantiate(Self.module)
        #expect(throws: Trap.self) { try instance.invoke("load32_b", [.i32(65_530)]) }
        #expect(try instance.invoke("load32_b", [.i32(65_528)]) == [.i32(0)])
        #expect(throws: Trap.self) { try instance.invoke("store_b", [.i32(65_529), .i64(1)]) }
        #expect(throws: Trap.self) { try instance.invoke("v128_b", [.i32(65_521)]) }
    }

    @Test func sizeAndGrowNameTheirMemory() throws {
        let instance = try instantiate(Self.module)
        #expect(try instance.invoke("sizes") == [.i32(1), .i32(1), .i32(0)])
        #expect(try instance.invoke("grow_b", [.i32(2)]) == [.i32(1)])
        #expect(try instance.invoke("grow_b", [.i32(1)]) == [Value(Int32(-1))])
        #expect(try instance.invoke("grow_c", [.i32(4)]) == [.i32(0)])
        #expect(try instance.invoke("sizes") == [.i32(1), .i32(3), .i32(4)])
        // The grown memory is usable to its new end, and the first memory did not change.
        _ = try instance.invoke("store_b", [.i32(3 * 65_536 - 8), Value(Int64(-1))])
        #expect(try instance.invoke("load64_b", [.i32(3 * 65_536 - 8)]) == [Value(Int64(-1))])
        #expect(throws: Trap.self) { try instance.invoke("load_a", [.i32(65_536)]) }
    }

    @Test func bulkInstructionsCrossMemories() throws {
        let instance = try instantiate(Self.module)
        _ = try instance.invoke("copy_b_to_a", [.i32(1000), .i32(16), .i32(4)])
        #expect(try instance.memory("a")?.read(at: 1000, count: 4) == [1, 2, 3, 4])
        _ = try instance.invoke("fill_b", [.i32(200), .i32(0xAB), .i32(3)])
        #expect(try instance.memory("b")?.read(at: 199, count: 5) == [0, 0xAB, 0xAB, 0xAB, 0])
        #expect(try instance.memory("a")?.read(at: 200, count: 1) == [0])
        _ = try instance.invoke("init_b", [.i32(300), .i32(1), .i32(4)])
        #expect(try instance.memory("b")?.read(at: 300, count: 4) == Array("ello".utf8))
        #expect(throws: Trap.self) { try instance.invoke("copy_b_to_a", [.i32(0), .i32(65_535), .i32(2)]) }
        #expect(throws: Trap.self) { try instance.invoke("fill_b", [.i32(65_535), .i32(0), .i32(2)]) }
    }

    @Test func vectorAccessesNameTheirMemory() throws {
        let instance = try instantiate(Self.module)
        _ = try instance.invoke("lane_b", [.i32(40), .i32(0x5A)])
        #expect(try instance.memory("b")?.read(at: 40, count: 1) == [0x5A])
        _ = try instance.invoke("store_b", [.i32(56), .i64(0x1122_3344_5566_7788)])
        #expect(try instance.invoke("v128_b", [.i32(48)]) == [.i64(0x1122_3344_5566_7788)])
    }

    @Test func aMemoryImportedUnderTwoIndicesIsOneMemory() throws {
        let runtime = Runtime()
        let shared = try runtime.createMemory(MemoryType(limits: Limits(min: 1, max: 4)))
        var imports = Imports()
        imports.define(module: "env", name: "m", .memory(shared))
        // Growing it as memory 1 must be seen by accesses to memory 0 (whose size is in registers).
        let instance = try instantiate("""
            (module
              (import "env" "m" (memory $first 1 4))
              (import "env" "m" (memory $second 1 4))
              (func (export "growThenStore") (result i32)
                (drop (memory.grow $second (i32.const 1)))
                (i32.store $first (i32.const 70000) (i32.const 77))
                (i32.load $second (i32.const 70000))))
            """, imports: imports, runtime: runtime)
        #expect(try instance.invoke("growThenStore") == [.i32(77)])
        #expect(shared.pageCount == 2)
    }

    @Test func aMemoryImportMustMatchAddressTypeAndPageSize() throws {
        let runtime = Runtime()
        var imports = Imports()
        imports.define(module: "env", name: "m32", .memory(try runtime.createMemory(MemoryType(limits: Limits(min: 1)))))
        imports.define(module: "env", name: "m64", .memory(try runtime.createMemory(MemoryType(limits: Limits(min: 1), addressType: .i64))))
        imports.define(module: "env", name: "bytes",
                       .memory(try runtime.createMemory(MemoryType(limits: Limits(min: 1), pageSizeLog2: 0))))
        for (text, linkable) in [
            ("(memory (import \"env\" \"m32\") 1)", true),
            ("(memory (import \"env\" \"m32\") i64 1)", false),
            ("(memory (import \"env\" \"m64\") i64 1)", true),
            ("(memory (import \"env\" \"m64\") 1)", false),
            ("(memory (import \"env\" \"bytes\") 1 (pagesize 1))", true),
            ("(memory (import \"env\" \"bytes\") 1)", false),
            ("(memory (import \"env\" \"m32\") 1 (pagesize 1))", false),
        ] {
            let result = Result { try instantiate("(module \(text))", imports: imports, runtime: runtime) }
            if linkable {
                #expect(throws: Never.self, "\(text)") { try result.get() }
            } else {
                #expect("\(text)") {
                    try result.get()
                } throws: { error in
                    guard case .unlinkable(let message) = error as? InstantiationError else { return false }
                    return message.hasPrefix("incompatible import type")
                }
            }
        }
    }
}
