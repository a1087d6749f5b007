#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import WasmBinary
import WasmInterpreter
import WasmText

/// A runtime's `ResourceLimits`: growing past one returns -1 (the program goes on), instantiating
/// past one is an `InstantiationError.limitExceeded`, and freed memories and tables give back
/// what they held.
@Suite struct ResourceLimitsTests {
    static let mebibyte = 1 << 20

    func runtime(_ limits: ResourceLimits) -> Runtime {
        var configuration = RuntimeConfiguration()
        configuration.resourceLimits = limits
        return Runtime(configuration: configuration)
    }

    /// A memory that may grow to 4 GiB, and a function that grows it and reports the size.
    static let growing = """
        (module
          (memory (export "memory") 1)
          (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
          (func (export "size") (result i32) (memory.size))
          (func (export "store") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
          (func (export "load") (param i32) (result i32) (i32.load (local.get 0))))
        """

    @Test func growingToFourGiBUnderA64MiBLimitReturnsMinusOneAndTheProgramGoesOn() throws {
        let instance = try instantiate(Self.growing, runtime: runtime(ResourceLimits(memoryBytes: 64 * Self.mebibyte)))
        // 65,535 more pages: 4 GiB in all.
        #expect(try instance.invoke("grow", [.i32(65_535)]) == [Value(Int32(-1))])
        #expect(try instance.invoke("size") == [.i32(1)])
        // Up to the limit, growing works: 1 + 1,023 pages are 64 MiB.
        #expect(try instance.invoke("grow", [.i32(1023)]) == [.i32(1)])
        #expect(try instance.invoke("size") == [.i32(1024)])
        _ = try instance.invoke("store", [.i32(UInt32(64 * Self.mebibyte - 4)), .i32(7)])
        #expect(try instance.invoke("load", [.i32(UInt32(64 * Self.mebibyte - 4))]) == [.i32(7)])
        // One page more is over the limit; growing by nothing still answers the size.
        #expect(try instance.invoke("grow", [.i32(1)]) == [Value(Int32(-1))])
        #expect(try instance.invoke("grow", [.i32(0)]) == [.i32(1024)])
        #expect(instance.memory("memory")?.grow(by: 1) == nil)
    }

    @Test func theMemoryLimitCountsEveryMemoryOfTheRuntime() throws {
        let runtime = runtime(ResourceLimits(memoryBytes: 4 * 65_536))
        let first = try instantiate(Self.growing, runtime: runtime)
        let second = try instantiate(Self.growing, runtime: runtime)
        #expect(try first.invoke("grow", [.i32(2)]) == [.i32(1)])
        // 3 + 1 pages in use: the second instance cannot grow.
        #expect(try second.invoke("grow", [.i32(1)]) == [Value(Int32(-1))])
        let third = Result { try instantiate(Self.growing, runtime: runtime) }
        guard case .failure(let error as InstantiationError) = third, case .limitExceeded(let message) = error else {
            Issue.record("expected a limit error, got \(third)")
            return
        }
        #expect(message.contains("262144 bytes of linear memory"))
    }

    @Test func instantiatingAMemoryOverTheLimitIsAClearError() throws {
        let runtime = runtime(ResourceLimits(memoryBytes: 64 * Self.mebibyte))
        let module = try CompiledModule(bytes: try WatParser.assemble("(module (memory 65536))"))
        #expect {
            _ = try runtime.instantiate(module)
        } throws: { error in
            guard case .limitExceeded(let message) = error as? InstantiationError else { return false }
            return message == "memory of 4294967296 bytes would pass this runtime's limit of 67108864 bytes of linear memory (0 in use)"
        }
        // Nothing was counted for the failed instantiation.
        #expect(try runtime.createMemory(MemoryType(limits: Limits(min: 1024, max: nil))).pageCount == 1024)
    }

    @Test func freedMemoriesGiveTheirBytesBack() throws {
        let runtime = runtime(ResourceLimits(memoryBytes: 2 * 65_536))
        let type = MemoryType(limits: Limits(min: 2, max: nil))
        var memory: Memory? = try runtime.createMemory(type)
        #expect(throws: InstantiationError.self) { try runtime.createMemory(type) }
        #expect(memory?.pageCount == 2)
        memory = nil
        #expect(try runtime.createMemory(type).pageCount == 2)
    }

    static let table = """
        (module
          (table (export "table") 10 funcref)
          (func (export "grow") (param i32) (result i32) (table.grow (ref.null func) (local.get 0)))
          (func (export "size") (result i32) (table.size)))
        """

    @Test func tableGrowthPastTheLimitReturnsMinusOne() throws {
        let instance = try instantiate(Self.table, runtime: runtime(ResourceLimits(tableElements: 100)))
        #expect(try instance.invoke("grow", [.i32(91)]) == [Value(Int32(-1))])
        #expect(try instance.invoke("grow", [.i32(90)]) == [.i32(10)])
        #expect(try instance.invoke("size") == [.i32(100)])
        #expect(try instance.invoke("grow", [.i32(1)]) == [Value(Int32(-1))])
        #expect(instance.table("table")?.grow(by: 1, initialValue: .null(.funcref)) == nil)
    }

    @Test func countsOfInstancesMemoriesAndTablesAreLimited() throws {
        let counted = runtime(ResourceLimits(instances: 2))
        _ = try instantiate("(module)", runtime: counted)
        _ = try instantiate("(module)", runtime: counted)
        #expect(throws: InstantiationError.self) { try instantiate("(module)", runtime: counted) }

        let memories = runtime(ResourceLimits(memories: 1))
        _ = try instantiate("(module (memory 0))", runtime: memories)
        #expect(throws: InstantiationError.self) { try instantiate("(module (memory 0))", runtime: memories) }
        _ = try instantiate("(module)", runtime: memories)

        let tables = runtime(ResourceLimits(tables: 2))
        _ = try instantiate("(module (table 0 funcref) (table 0 funcref))", runtime: tables)
        #expect(throws: InstantiationError.self) { try instantiate("(module (table 0 funcref))", runtime: tables) }
        #expect(throws: InstantiationError.self) {
            try tables.createTable(TableType(elementType: .funcref, limits: Limits(min: 0, max: nil)), initialValue: .null(.funcref))
        }
    }

    @Test func withoutLimitsNothingChanges() throws {
        let instance = try instantiate(Self.growing)
        #expect(try instance.invoke("grow", [.i32(1023)]) == [.i32(1)])
        #expect(RuntimeConfiguration().resourceLimits == ResourceLimits())
    }

    /// The process's peak resident memory so far, in bytes.
    static func peakResidentBytes() -> Int {
        var usage = rusage()
        #if canImport(Darwin)
        getrusage(RUSAGE_SELF, &usage)
        return Int(usage.ru_maxrss)
        #else
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) * 1024
        #endif
    }

    @Test func manyLargeTablesOfNullsCostNoMemoryUntilWritten() throws {
        // 30 tables of 10 million elements: 2.4 GB if the nulls were written out.
        let text = "(module " + String(repeating: "(table 10000000 funcref) ", count: 30)
            + "(func (export \"set\") (table.set 29 (i32.const 9999999) (ref.null func))))"
        let before = Self.peakResidentBytes()
        let instance = try instantiate(text)
        _ = try instance.invoke("set")
        #expect(Self.peakResidentBytes() - before < 256 * Self.mebibyte)
    }
}
