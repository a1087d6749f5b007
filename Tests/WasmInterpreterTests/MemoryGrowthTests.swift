import Testing
import WasmBinary
import WasmInterpreter

/// Growing linear memory: in place within the memory's reservation, and by moving to a larger
/// one when the runtime's configuration reserves less than the maximum. Either way the contents
/// survive, new pages read zero, and code that was running when a callee grew the memory sees
/// the new size and (when the memory moved) its new address.
@Suite struct MemoryGrowthTests {
    static let module = """
        (module
          (memory (export "memory") 1)
          (func $grow (param i32) (result i32) (memory.grow (local.get 0)))
          ;; Writes 7 at address 0, lets a callee grow the memory by $pages, then writes 42 in the
          ;; last word of the grown memory and returns the sum of both words read back, plus the
          ;; word just below the written one, which must be new and zero.
          (func (export "growInCallee") (param $pages i32) (result i32)
            (local $last i32)
            (i32.store (i32.const 0) (i32.const 7))
            (drop (call $grow (local.get $pages)))
            (local.set $last (i32.sub (i32.shl (memory.size) (i32.const 16)) (i32.const 4)))
            (i32.store (local.get $last) (i32.const 42))
            (i32.add (i32.add (i32.load (local.get $last)) (i32.load (i32.const 0)))
                     (i32.load (i32.sub (local.get $last) (i32.const 4)))))
          (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
          (func (export "load8") (param i32) (result i32) (i32.load8_u (local.get 0))))
        """

    /// Runtimes reserving the whole maximum (the default) and a single page (every grow moves the memory).
    static let reservations = [1 << 32, 65_536]

    static func runtime(reservation: Int) -> Runtime {
        var configuration = RuntimeConfiguration()
        configuration.memoryReservationBytes = reservation
        return Runtime(configuration: configuration)
    }

    @Test(arguments: reservations)
    func aGrowInACalleeIsSeenByTheCaller(reservation: Int) throws {
        let instance = try instantiate(Self.module, runtime: Self.runtime(reservation: reservation))
        #expect(try instance.invoke("growInCallee", [Value(Int32(1))]) == [Value(Int32(49))])
        #expect(try instance.invoke("growInCallee", [Value(Int32(3))]) == [Value(Int32(49))])
        #expect(instance.memory("memory")?.pageCount == 5)
    }

    @Test(arguments: reservations)
    func contentsSurviveManySmallGrowsAndNewPagesAreZero(reservation: Int) throws {
        let instance = try instantiate(Self.module, runtime: Self.runtime(reservation: reservation))
        let memory = try #require(instance.memory("memory"))
        for page in 1...300 {
            #expect(try instance.invoke("grow", [Value(Int32(1))]) == [Value(Int32(page))])
            #expect(try instance.invoke("load8", [Value(Int32(page << 16))]) == [Value(Int32(0))])
            try memory.write([UInt8(truncatingIfNeeded: page)], at: page << 16)
        }
        #expect(memory.pageCount == 301)
        for page in 1...300 {
            #expect(try memory.read(at: page << 16, count: 1) == [UInt8(truncatingIfNeeded: page)])
        }
    }

    @Test(arguments: reservations)
    func growingPastTheMaximumFailsAndChangesNothing(reservation: Int) throws {
        let runtime = Self.runtime(reservation: reservation)
        let memory = try runtime.createMemory(MemoryType(limits: Limits(min: 1, max: 3)))
        try memory.write([9], at: 65_535)
        #expect(memory.grow(by: 3) == nil)
        #expect(memory.grow(by: 2) == 1)
        #expect(memory.grow(by: 1) == nil)
        #expect(memory.byteCount == 3 * 65_536)
        #expect(try memory.read(at: 65_535, count: 2) == [9, 0])
    }

    @Test func aMemoryOfTheLargestSizeIsAllocatedOrATypedError() throws {
        // 65,536 pages (4 GiB): the system provides them lazily, or instantiation says it cannot.
        do {
            let instance = try instantiate("(module (memory (export \"m\") 65536) (func (export \"last\") (result i32) (i32.load8_u (i32.const -1))))")
            #expect(try instance.invoke("last") == [Value(Int32(0))])
            #expect(instance.memory("m")?.grow(by: 1) == nil)
        } catch let error as InstantiationError {
            guard case .resourceExhausted = error else { throw error }
        }
    }
}
