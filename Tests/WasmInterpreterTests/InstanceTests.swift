import Testing
import WasmBinary
import WasmInterpreter
import WasmText

/// Compiles and instantiates a module written in the text format.
func instantiate(_ text: String, imports: Imports = Imports(), runtime: Runtime = Runtime()) throws -> Instance {
    let module = try CompiledModule(bytes: try WatParser.assemble(text))
    return try runtime.instantiate(module, imports: imports)
}

/// A runtime whose calls each get `fuel` units, or unlimited fuel when nil.
func runtime(fuel: UInt64?) -> Runtime {
    var configuration = RuntimeConfiguration()
    configuration.fuel = fuel
    return Runtime(configuration: configuration)
}

@Suite struct InstanceTests {
    static let recursion = """
        (module
          (func $down (export "down") (param $n i64) (result i64)
            (if (result i64) (i64.eqz (local.get $n))
              (then (i64.const 0))
              (else (i64.add (i64.const 1) (call $down (i64.sub (local.get $n) (i64.const 1)))))))
          (func (export "forever") (call 1))
          (func (export "divide") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1))))
        """

    @Test func recursionAMillionDeepTrapsAndTheInstanceLivesOn() throws {
        let instance = try instantiate(Self.recursion)
        #expect(throws: Trap(.callStackExhausted)) { try instance.invoke("down", [.i64(1_000_000)]) }
        #expect(throws: Trap(.callStackExhausted)) { try instance.invoke("forever") }
        #expect(try instance.invoke("down", [.i64(1000)]) == [.i64(1000)])
    }

    @Test func aTrappedInstanceAnswersTheNextCall() throws {
        let instance = try instantiate(Self.recursion)
        #expect(throws: Trap(.integerDivideByZero)) { try instance.invoke("divide", [Value(Int32(1)), Value(Int32(0))]) }
        #expect(throws: Trap(.integerOverflow)) { try instance.invoke("divide", [Value(Int32.min), Value(Int32(-1))]) }
        #expect(try instance.invoke("divide", [Value(Int32(-7)), Value(Int32(2))]) == [Value(Int32(-3))])
    }

    @Test func theCallDepthLimitIsConfigurable() throws {
        var configuration = RuntimeConfiguration()
        configuration.maxCallDepth = 100
        let instance = try instantiate(Self.recursion, runtime: Runtime(configuration: configuration))
        #expect(try instance.invoke("down", [.i64(90)]) == [.i64(90)])
        #expect(throws: Trap(.callStackExhausted)) { try instance.invoke("down", [.i64(200)]) }
    }

    @Test func wrongArgumentsAreRejectedBeforeRunning() throws {
        let instance = try instantiate(Self.recursion)
        #expect(throws: InvocationError.self) { try instance.invoke("down", []) }
        #expect(throws: InvocationError.self) { try instance.invoke("down", [Value(Int32(1))]) }
        #expect(throws: InvocationError.self) { try instance.invoke("missing") }
    }

    @Test func hostFunctionsAndMemoryAreReachableFromSwift() throws {
        let runtime = Runtime()
        var logged: [Int32] = []
        var imports = Imports()
        imports.define(module: "env", name: "log", .function(runtime.hostFunction(type: FunctionType(parameters: [.i32])) { arguments in
            logged.append(arguments[0].int32 ?? 0)
            return []
        }))
        let instance = try instantiate("""
            (module
              (import "env" "log" (func $log (param i32)))
              (memory (export "memory") 1 2)
              (func (export "sum") (param $from i32) (param $count i32) (result i32)
                (local $total i32)
                (block $done
                  (loop $next
                    (br_if $done (i32.eqz (local.get $count)))
                    (local.set $total (i32.add (local.get $total) (i32.load8_u (local.get $from))))
                    (local.set $from (i32.add (local.get $from) (i32.const 1)))
                    (local.set $count (i32.sub (local.get $count) (i32.const 1)))
                    (br $next)))
                (call $log (local.get $total))
                (local.get $total)))
            """, imports: imports, runtime: runtime)
        let memory = try #require(instance.memory("memory"))
        try memory.write([1, 2, 3, 250], at: 65_532)
        #expect(try instance.invoke("sum", [Value(Int32(65_532)), Value(Int32(4))]) == [Value(Int32(256))])
        #expect(logged == [256])
        #expect(throws: Trap(.outOfBoundsMemoryAccess)) { try instance.invoke("sum", [Value(Int32(65_535)), Value(Int32(2))]) }
        #expect(memory.grow(by: 1) == 1)
        #expect(memory.grow(by: 1) == nil)
        #expect(try instance.invoke("sum", [Value(Int32(65_535)), Value(Int32(2))]) == [Value(Int32(250))])
    }

    @Test func aHostFunctionCanCallBackIntoWasm() throws {
        let runtime = Runtime()
        var imports = Imports()
        var instance: Instance?
        imports.define(module: "env", name: "twice", .function(runtime.hostFunction(type: FunctionType(parameters: [.i32], results: [.i32])) { arguments in
            let doubled = try instance?.invoke("double", arguments) ?? []
            return try instance?.invoke("double", doubled) ?? []
        }))
        instance = try instantiate("""
            (module
              (import "env" "twice" (func $twice (param i32) (result i32)))
              (func (export "double") (param i32) (result i32) (i32.add (local.get 0) (local.get 0)))
              (func (export "quadruple_plus_one") (param i32) (result i32)
                (i32.add (call $twice (local.get 0)) (i32.const 1))))
            """, imports: imports, runtime: runtime)
        #expect(try instance?.invoke("quadruple_plus_one", [Value(Int32(5))]) == [Value(Int32(21))])
    }
}
