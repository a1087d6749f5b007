import Testing
import WasmBinary
import WasmInterpreter
import WasmText

/// `TypedFunction`: a function resolved and type-checked once, called with Swift numbers.
@Suite struct TypedFunctionTests {
    static let module = """
        (module
          (import "host" "twice" (func $twice (param i32) (result i32)))
          (func (export "identity") (param i32) (result i32) (local.get 0))
          (func (export "mixed") (param i32 i64 f32 f64) (result f64)
            (f64.add
              (f64.add (f64.convert_i32_s (local.get 0)) (f64.convert_i64_s (local.get 1)))
              (f64.add (f64.promote_f32 (local.get 2)) (local.get 3))))
          (func (export "wide") (param i64) (result i64) (i64.mul (local.get 0) (i64.const 3)))
          (func (export "f32bits") (param f32) (result f32) (local.get 0))
          (global $counter (mut i32) (i32.const 0))
          (func (export "bump") (param i32) (global.set $counter (i32.add (global.get $counter) (local.get 0))))
          (func (export "counter") (result i32) (global.get $counter))
          (func (export "divide") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
          (func $down (export "down") (param i32) (result i32)
            (if (result i32) (i32.eqz (local.get 0))
              (then (i32.const 0))
              (else (i32.add (i32.const 1) (call $down (i32.sub (local.get 0) (i32.const 1)))))))
          (func (export "viaHost") (param i32) (result i32) (call $twice (local.get 0)))
          (export "twice" (func $twice)))
        """

    /// The module with `host.twice` doubling its argument, or calling back into `down` through
    /// `reenter` when it is set.
    final class Fixture {
        let instance: Instance
        var reenter: TypedFunction<Int32, Int32>?

        init(runtime: Runtime = Runtime()) throws {
            var imports = Imports()
            weak var weakSelf: Fixture?
            let twice = runtime.hostFunction(type: FunctionType(parameters: [.i32], results: [.i32])) { arguments in
                let value = arguments[0].int32 ?? 0
                if let reenter = weakSelf?.reenter { return [Value(try reenter(value) * 2)] }
                return [Value(value &* 2)]
            }
            imports.define(module: "host", name: "twice", .function(twice))
            instance = try runtime.instantiate(try CompiledModule(bytes: try WatParser.assemble(TypedFunctionTests.module)),
                                               imports: imports)
            weakSelf = self
        }
    }

    @Test func numbersGoInAndComeOutBitForBit() throws {
        let instance = try Fixture().instance
        let identity = try instance.typedFunction("identity", ((Int32) -> Int32).self)
        for value: Int32 in [0, 1, -1, .min, .max, 123_456_789] {
            #expect(try identity(value) == value)
        }
        let unsigned = try instance.typedFunction("identity", ((UInt32) -> UInt32).self)
        #expect(try unsigned(.max) == .max)
        let wide = try instance.typedFunction("wide", ((Int64) -> Int64).self)
        #expect(try wide(-5_000_000_000) == -15_000_000_000)
        #expect(try instance.typedFunction("wide", ((UInt64) -> UInt64).self)(1 << 62) == (3 << 62) & UInt64.max)
        let mixed = try instance.typedFunction("mixed", ((Int32, Int64, Float, Double) -> Double).self)
        #expect(try mixed(-2, 1 << 40, 0.5, 0.25) == Double(1 << 40) - 1.25)
        // A signalling NaN's payload survives the trip (f32 values are kept as bits).
        let nan = Float(bitPattern: 0x7FA0_0001)
        let f32 = try instance.typedFunction("f32bits", ((Float) -> Float).self)
        #expect(try f32(nan).bitPattern == 0x7FA0_0001)
    }

    @Test func voidAndParameterlessFunctions() throws {
        let instance = try Fixture().instance
        let bump = try instance.typedFunction("bump", ((Int32) -> Void).self)
        let counter = try instance.typedFunction("counter", (() -> Int32).self)
        try bump(5)
        try bump(-2)
        #expect(try counter() == 3)
        #expect(try instance.function("counter")?.call([]) == [.i32(3)])
    }

    @Test func theSignatureIsCheckedOnce() throws {
        let instance = try Fixture().instance
        #expect(throws: InvocationError.self) { try instance.typedFunction("identity", ((Int64) -> Int32).self) }
        #expect(throws: InvocationError.self) { try instance.typedFunction("identity", ((Int32) -> Int64).self) }
        #expect(throws: InvocationError.self) { try instance.typedFunction("identity", ((Int32, Int32) -> Int32).self) }
        #expect(throws: InvocationError.self) { try instance.typedFunction("identity", ((Int32) -> Void).self) }
        #expect(throws: InvocationError.self) { try instance.typedFunction("bump", ((Int32) -> Int32).self) }
        #expect(throws: InvocationError.self) { try instance.typedFunction("identity", ((Int32) -> String).self) }
        #expect(throws: InvocationError.self) { try instance.typedFunction("missing", ((Int32) -> Int32).self) }
        do {
            _ = try instance.typedFunction("mixed", ((Int32, Int64, Double, Double) -> Double).self)
            Issue.record("a mismatched signature was accepted")
        } catch {
            #expect("\(error)".contains("(i32, i64, f32, f64) -> (f64)"), "\(error)")
        }
        let function = try #require(instance.function("identity"))
        #expect(try function.typed(((Int32) -> Int32).self)(7) == 7)
        #expect(try function.typed(((Int32) -> Int32).self).type == function.type)
    }

    @Test func trapsAreThrownAndTheInstanceAnswersAgain() throws {
        let instance = try Fixture().instance
        let divide = try instance.typedFunction("divide", ((Int32, Int32) -> Int32).self)
        #expect(throws: Trap(.integerDivideByZero)) { try divide(1, 0) }
        #expect(throws: Trap(.integerOverflow)) { try divide(.min, -1) }
        #expect(try divide(-7, 2) == -3)
        let down = try instance.typedFunction("down", ((Int32) -> Int32).self)
        #expect(throws: Trap(.callStackExhausted)) { try down(10_000_000) }
        #expect(try down(1000) == 1000)
    }

    @Test func hostFunctionsAndReentrantCalls() throws {
        let fixture = try Fixture()
        let twice = try fixture.instance.typedFunction("twice", ((Int32) -> Int32).self)
        #expect(try twice(21) == 42)
        let viaHost = try fixture.instance.typedFunction("viaHost", ((Int32) -> Int32).self)
        #expect(try viaHost(8) == 16)
        // wasm → host → wasm through a typed handle → back to the host and then to wasm.
        fixture.reenter = try fixture.instance.typedFunction("down", ((Int32) -> Int32).self)
        #expect(try viaHost(100) == 200)
        #expect(try twice(50) == 100)
    }

    @Test func deepReentryIsAStackTrapNotACrash() throws {
        var configuration = RuntimeConfiguration()
        configuration.maxCallDepth = 64
        let fixture = try Fixture(runtime: Runtime(configuration: configuration))
        let viaHost = try fixture.instance.typedFunction("viaHost", ((Int32) -> Int32).self)
        // Each level goes wasm → host → wasm again until the call depth runs out.
        fixture.reenter = viaHost
        #expect(throws: Trap.self) { try viaHost(1) }
        fixture.reenter = nil
        #expect(try viaHost(4) == 8)
    }
}
