import Testing
import WasmBinary
import WasmInterpreter
import WasmText

/// Tail calls replace the caller's frame, so chains of them run in constant space, within a
/// module, across instances and into host functions.
@Suite struct TailCallTests {
    /// A runtime with a 1024-slot value stack (the smallest) and the given call depth limit.
    func smallRuntime(maxCallDepth: Int) -> Runtime {
        var configuration = RuntimeConfiguration()
        configuration.maxCallDepth = maxCallDepth
        configuration.valueStackSlots = 1024
        return Runtime(configuration: configuration)
    }

    static let parity = """
        (module
          (func $even (export "even") (param i64) (result i32)
            (if (result i32) (i64.eqz (local.get 0))
              (then (i32.const 1))
              (else (return_call $odd (i64.sub (local.get 0) (i64.const 1))))))
          (func $odd (export "odd") (param i64) (result i32)
            (if (result i32) (i64.eqz (local.get 0))
              (then (i32.const 0))
              (else (return_call $even (i64.sub (local.get 0) (i64.const 1)))))))
        """

    @Test func tenMillionMutuallyTailRecursiveCallsRunInConstantSpace() throws {
        // A call depth of 8 and a small value stack: any frame a tail call kept would exhaust them.
        let runtime = smallRuntime(maxCallDepth: 8)
        let instance = try instantiate(Self.parity, runtime: runtime)
        #expect(try instance.invoke("even", [Value(Int64(10_000_000))]) == [Value(Int32(1))])
        #expect(try instance.invoke("odd", [Value(Int64(10_000_001))]) == [Value(Int32(1))])
        #expect(try instance.invoke("even", [Value(Int64(7))]) == [Value(Int32(0))])
    }

    @Test func theSameRecursionWithOrdinaryCallsExhaustsTheStack() throws {
        let ordinary = Self.parity.replacingOccurrences(of: "return_call", with: "call")
        let runtime = smallRuntime(maxCallDepth: 8)
        let instance = try instantiate(ordinary, runtime: runtime)
        #expect(throws: Trap(.callStackExhausted)) { try instance.invoke("even", [Value(Int64(100))]) }
        #expect(try instance.invoke("even", [Value(Int64(4))]) == [Value(Int32(1))])
    }

    @Test func indirectAndReferenceTailCallsReachOtherInstancesAndTheHost() throws {
        let runtime = Runtime()
        var imports = Imports()
        imports.define(module: "env", name: "triple", .function(runtime.hostFunction(
            type: FunctionType(parameters: [.i32], results: [.i32])) { arguments in [Value(3 * (arguments[0].int32 ?? 0))] }))
        let library = try instantiate("""
            (module
              (memory (export "memory") 1)
              (func (export "load_plus") (param i32 i32) (result i32)
                (i32.add (i32.load (local.get 0)) (local.get 1)))
              (data (i32.const 8) "\\2a"))
            """, runtime: runtime)
        imports.define(module: "lib", instance: library)
        let user = try instantiate("""
            (module
              (type $binary (func (param i32 i32) (result i32)))
              (type $unary (func (param i32) (result i32)))
              (import "env" "triple" (func $triple (type $unary)))
              (import "lib" "load_plus" (func $load_plus (type $binary)))
              (memory 1)
              (table funcref (elem $load_plus $triple))
              (elem declare func $triple)
              (func (export "indirect") (param i32 i32) (result i32)
                (i32.store (i32.const 8) (i32.const 1000))
                (return_call_indirect (type $binary) (i32.const 8) (local.get 1) (local.get 0)))
              (func (export "host") (param i32) (result i32)
                (return_call_ref $unary (local.get 0) (ref.func $triple)))
              (func (export "host_indirect") (param i32) (result i32)
                (return_call_indirect (type $unary) (local.get 0) (i32.const 1)))
              (func (export "wrong_type") (result i32)
                (return_call_indirect (type $unary) (i32.const 1) (i32.const 0))))
            """, imports: imports, runtime: runtime)
        // The callee reads its own instance's memory (42 at 8), not the caller's (1000).
        #expect(try user.invoke("indirect", [Value(Int32(0)), Value(Int32(5))]) == [Value(Int32(47))])
        #expect(try user.invoke("host", [Value(Int32(14))]) == [Value(Int32(42))])
        #expect(try user.invoke("host_indirect", [Value(Int32(-5))]) == [Value(Int32(-15))])
        #expect(throws: Trap(.indirectCallTypeMismatch)) { try user.invoke("wrong_type") }
    }

    @Test func aTailCallToANullReferenceTraps() throws {
        let instance = try instantiate("""
            (module
              (type $t (func (result i32)))
              (func (export "null") (result i32) (return_call_ref $t (ref.null $t))))
            """)
        #expect(throws: Trap(.nullFunctionReference)) { try instance.invoke("null") }
    }

    @Test func aTailCalleeWithALargerFrameGetsRoomOrTraps() throws {
        // The callee needs more slots than the caller had; near the end of the value stack the
        // tail call traps instead of writing past it.
        let wide = (0..<40).map { _ in "(local i64)" }.joined(separator: " ")
        let text = """
            (module
              (func $wide (param i32) (result i32) \(wide)
                (local.set 40 (i64.const 7))
                (i32.add (local.get 0) (i32.wrap_i64 (local.get 40))))
              (func $deep (export "deep") (param i32) (result i32)
                (if (result i32) (i32.eqz (local.get 0))
                  (then (return_call $wide (i32.const 35)))
                  (else (i32.add (i32.const 0) (call $deep (i32.sub (local.get 0) (i32.const 1))))))))
            """
        let instance = try instantiate(text, runtime: smallRuntime(maxCallDepth: 50_000))
        #expect(try instance.invoke("deep", [Value(Int32(3))]) == [Value(Int32(42))])
        #expect(throws: Trap(.callStackExhausted)) { try instance.invoke("deep", [Value(Int32(500))]) }
        #expect(try instance.invoke("deep", [Value(Int32(0))]) == [Value(Int32(42))])
    }
}
