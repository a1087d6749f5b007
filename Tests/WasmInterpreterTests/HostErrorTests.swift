import Testing
import WasmBinary
import WasmInterpreter
import WasmText

/// A host function's own error (anything but a `Trap`) ends the run and reaches the embedder as
/// it was thrown: this is how WASI's `proc_exit` stops a program with an exit code.
@Suite struct HostErrorTests {
    struct Stop: Error, Equatable {
        var code: Int
    }

    static let program = """
        (module
          (import "env" "stop" (func $stop (param i32)))
          (import "env" "relay" (func $relay (param i32)))
          (global $after (mut i32) (i32.const 0))
          (func (export "run") (param i32)
            (call $stop (local.get 0))
            (global.set $after (i32.const 1)))
          (func (export "nested") (param i32)
            (call $relay (local.get 0))
            (global.set $after (i32.const 1)))
          (func (export "after") (result i32) (global.get $after))
          (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
        """

    /// `stop(n)` throws `Stop(n)` for n > 0, a trap for n < 0, and returns for 0; `relay(n)` calls
    /// the export `run` and rethrows what it throws, unless n is 99 (then it swallows the error).
    func makeInstance() throws -> Instance {
        let runtime = Runtime()
        var imports = Imports()
        var instance: Instance?
        imports.define(module: "env", name: "stop", .function(runtime.hostFunction(type: FunctionType(parameters: [.i32])) { arguments in
            let code = Int(arguments[0].int32 ?? 0)
            if code < 0 { throw Trap(.unreachable) }
            if code > 0 { throw Stop(code: code) }
            return []
        }))
        imports.define(module: "env", name: "relay", .function(runtime.hostFunction(type: FunctionType(parameters: [.i32])) { arguments in
            do {
                _ = try instance?.invoke("run", arguments)
            } catch is Stop where arguments[0].int32 == 99 {
                return []
            }
            return []
        }))
        instance = try runtime.instantiate(try CompiledModule(bytes: try WatParser.assemble(Self.program)), imports: imports)
        return try #require(instance)
    }

    @Test func theHostErrorReachesTheEmbedderAsThrown() throws {
        let instance = try makeInstance()
        #expect(throws: Stop(code: 7)) { try instance.invoke("run", [Value(Int32(7))]) }
        // The run ended at the host call: the code after it did not run.
        #expect(try instance.invoke("after") == [Value(Int32(0))])
    }

    @Test func aTrapFromTheHostIsStillATrap() throws {
        let instance = try makeInstance()
        #expect(throws: Trap(.unreachable)) { try instance.invoke("run", [Value(Int32(-1))]) }
    }

    @Test func theInstanceIsUsableAfterwardsAndNoErrorLingers() throws {
        let instance = try makeInstance()
        #expect(throws: Stop(code: 3)) { try instance.invoke("run", [Value(Int32(3))]) }
        #expect(try instance.invoke("add", [Value(Int32(2)), Value(Int32(3))]) == [Value(Int32(5))])
        #expect(try instance.invoke("run", [Value(Int32(0))]) == [])
        #expect(try instance.invoke("after") == [Value(Int32(1))])
    }

    @Test func anErrorCarriesThroughANestedRun() throws {
        let instance = try makeInstance()
        #expect(throws: Stop(code: 5)) { try instance.invoke("nested", [Value(Int32(5))]) }
        #expect(try instance.invoke("after") == [Value(Int32(0))])
    }

    @Test func anErrorCaughtByAnOuterHostFunctionEndsOnlyTheInnerRun() throws {
        let instance = try makeInstance()
        #expect(try instance.invoke("nested", [Value(Int32(99))]) == [])
        #expect(try instance.invoke("after") == [Value(Int32(1))])
        #expect(try instance.invoke("add", [Value(Int32(1)), Value(Int32(1))]) == [Value(Int32(2))])
    }

    @Test func fromAStartFunctionItIsAnInstantiationTrap() throws {
        let runtime = Runtime()
        var imports = Imports()
        imports.define(module: "env", name: "stop", .function(runtime.hostFunction(type: FunctionType()) { _ in
            throw Stop(code: 1)
        }))
        let module = try CompiledModule(bytes: try WatParser.assemble("""
            (module (import "env" "stop" (func $stop)) (func $start (call $stop)) (start $start))
            """))
        #expect {
            try runtime.instantiate(module, imports: imports)
        } throws: { error in
            guard case .trap(let trap) = error as? InstantiationError, case .hostError = trap.reason else { return false }
            return true
        }
    }
}
