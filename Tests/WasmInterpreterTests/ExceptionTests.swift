import Testing
import WasmBinary
import WasmInterpreter
import WasmText

/// Exceptions at the embedding boundary: an uncaught exception reaches Swift as a
/// `WasmException` with its tag and values, a host function throws one into the module, and
/// exceptions cross instances and host frames as the spec says.
@Suite struct ExceptionTests {
    static let thrower = """
        (module
          (tag $pair (export "pair") (param i32 f64))
          (tag $empty (export "empty"))
          (func $throw_pair (export "throw_pair") (param i32)
            (throw $pair (local.get 0) (f64.const 2.5)))
          (func (export "throw_deep") (param i32)
            (call $level (local.get 0)))
          (func $level (param i32)
            (if (i32.eqz (local.get 0)) (then (call $throw_pair (i32.const 99)) (unreachable)))
            (call $level (i32.sub (local.get 0) (i32.const 1))))
          (func (export "catch_pair") (param i32) (result i32)
            (block $caught (result i32 f64)
              (try_table (catch $pair $caught)
                (call $throw_pair (local.get 0)))
              (return (i32.const -1)))
            (drop)))
        """

    @Test func anUncaughtExceptionReachesSwiftWithItsTagAndValues() throws {
        let instance = try instantiate(Self.thrower)
        let pair = try #require(instance.tag("pair"))
        do {
            _ = try instance.invoke("throw_deep", [Value(Int32(50))])
            Issue.record("expected an exception")
        } catch let exception as WasmException {
            #expect(exception.tag === pair)
            #expect(exception.values == [Value(Int32(99)), Value(Double(2.5))])
            #expect(exception.description == "uncaught exception: tag (param i32 f64) with i32:99, f64:2.5")
        }
        // Typed handles throw it too.
        let typed = try instance.typedFunction("throw_pair", ((Int32) -> Void).self)
        #expect(throws: WasmException.self) { try typed(5) }
        // The instance is usable afterwards, and a caught exception gives its values to the handler.
        #expect(try instance.invoke("catch_pair", [Value(Int32(7))]) == [Value(Int32(7))])
    }

    /// `host` throws a `WasmException` with the tag it is given the index of; `wasm` catches
    /// the imported tag, or anything with `catch_all`, and lets others through.
    func hostThrowing() throws -> (runtime: Runtime, instance: Instance, known: ExceptionTag, foreign: ExceptionTag) {
        let runtime = Runtime()
        let known = try runtime.createTag(type: FunctionType(parameters: [.i64]))
        let foreign = try runtime.createTag(type: FunctionType(parameters: [.i64]))
        var imports = Imports()
        imports.define(module: "env", name: "known", .tag(known))
        imports.define(module: "env", name: "raise", .function(runtime.hostFunction(
            type: FunctionType(parameters: [.i32, .i64])) { arguments in
                let tag = arguments[0].int32 == 0 ? known : foreign
                throw WasmException(tag: tag, values: [arguments[1]])
            }))
        let instance = try instantiate("""
            (module
              (import "env" "known" (tag $known (param i64)))
              (import "env" "raise" (func $raise (param i32 i64)))
              (global $after (export "after") (mut i32) (i32.const 0))
              (func (export "catch_known") (param i32 i64) (result i64)
                (block $caught (result i64)
                  (try_table (catch $known $caught)
                    (call $raise (local.get 0) (local.get 1))
                    (global.set $after (i32.const 1)))
                  (return (i64.const -1)))
                (i64.add (i64.const 1000)))
              (func (export "catch_all") (param i32 i64) (result i32)
                (block $caught
                  (try_table (catch_all $caught) (call $raise (local.get 0) (local.get 1)))
                  (return (i32.const 0)))
                (i32.const 1))
              (func (export "pass_through") (param i32 i64)
                (call $raise (local.get 0) (local.get 1))
                (global.set $after (i32.const 1))))
            """, imports: imports, runtime: runtime)
        return (runtime, instance, known, foreign)
    }

    @Test func aHostFunctionThrowsIntoTheModule() throws {
        let (_, instance, known, foreign) = try hostThrowing()
        #expect(try instance.invoke("catch_known", [Value(Int32(0)), Value(Int64(5))]) == [Value(Int64(1005))])
        #expect(try instance.invoke("catch_all", [Value(Int32(1)), Value(Int64(5))]) == [Value(Int32(1))])
        // A tag the module does not know passes its `catch $known` and leaves it unchanged.
        do {
            _ = try instance.invoke("catch_known", [Value(Int32(1)), Value(Int64(6))])
            Issue.record("expected an exception")
        } catch let exception as WasmException {
            #expect(exception.tag === foreign && exception.values == [Value(Int64(6))])
        }
        do {
            _ = try instance.invoke("pass_through", [Value(Int32(0)), Value(Int64(7))])
            Issue.record("expected an exception")
        } catch let exception as WasmException {
            #expect(exception.tag === known && exception.values == [Value(Int64(7))])
        }
        // No code after the throwing call ran.
        #expect(instance.global("after")?.value == Value(Int32(0)))
    }

    /// A host function reached by a tail call throws from the tail-calling function's caller:
    /// the handlers of the frame that made the tail call are gone with it.
    @Test func aTailCalledHostFunctionThrowsFromTheCallersCaller() throws {
        let runtime = Runtime()
        let tag = try runtime.createTag(type: FunctionType())
        var imports = Imports()
        imports.define(module: "env", name: "raise", .function(runtime.hostFunction(type: FunctionType()) { _ in
            throw WasmException(tag: tag)
        }))
        let instance = try instantiate("""
            (module
              (import "env" "raise" (func $raise))
              (global $wrong (export "wrong") (mut i32) (i32.const 0))
              (func $tail
                (block $mine (try_table (catch_all $mine) (return_call $raise)))
                (global.set $wrong (i32.const 1)))
              (func (export "outer") (result i32)
                (block $caught (try_table (catch_all $caught) (call $tail)) (return (i32.const 0)))
                (i32.const 1)))
            """, imports: imports, runtime: runtime)
        #expect(try instance.invoke("outer") == [Value(Int32(1))])
        #expect(instance.global("wrong")?.value == Value(Int32(0)))
    }

    @Test func aHostExceptionThatDoesNotFitItsTagTraps() throws {
        let runtime = Runtime()
        let tag = try runtime.createTag(type: FunctionType(parameters: [.i32]))
        let otherRuntimeTag = try Runtime().createTag(type: FunctionType())
        var imports = Imports()
        imports.define(module: "env", name: "wrong_values", .function(runtime.hostFunction(type: FunctionType()) { _ in
            throw WasmException(tag: tag, values: [Value(Double(1))])
        }))
        imports.define(module: "env", name: "wrong_runtime", .function(runtime.hostFunction(type: FunctionType()) { _ in
            throw WasmException(tag: otherRuntimeTag)
        }))
        let instance = try instantiate("""
            (module
              (import "env" "wrong_values" (func $wrong_values))
              (import "env" "wrong_runtime" (func $wrong_runtime))
              (func (export "wrong_values") (block $h (try_table (catch_all $h) (call $wrong_values))))
              (func (export "wrong_runtime") (block $h (try_table (catch_all $h) (call $wrong_runtime)))))
            """, imports: imports, runtime: runtime)
        for name in ["wrong_values", "wrong_runtime"] {
            do {
                _ = try instance.invoke(name)
                Issue.record("\(name): expected a trap")
            } catch let trap as Trap {
                guard case .hostError = trap.reason else { Issue.record("\(name): \(trap)"); continue }
            }
        }
    }

    /// wasm → host → wasm: an exception thrown in the inner wasm call passes through the host
    /// function (which does not catch it) and is caught by the outer wasm code; a host that
    /// catches it sees the same exception.
    @Test func exceptionsCrossHostFrames() throws {
        let runtime = Runtime()
        var imports = Imports()
        var library: Instance?
        var seen: WasmException?
        let thrower = try instantiate(Self.thrower, runtime: runtime)
        imports.define(module: "lib", instance: thrower)
        imports.define(module: "env", name: "relay", .function(runtime.hostFunction(type: FunctionType(parameters: [.i32])) { arguments in
            _ = try library?.invoke("throw_deep", arguments)
            return []
        }))
        imports.define(module: "env", name: "swallow", .function(runtime.hostFunction(type: FunctionType(results: [.i32])) { _ in
            do {
                _ = try library?.invoke("throw_deep", [Value(Int32(3))])
            } catch let exception as WasmException {
                seen = exception
                return [Value(Int32(1))]
            }
            return [Value(Int32(0))]
        }))
        library = thrower
        let outer = try instantiate("""
            (module
              (import "lib" "pair" (tag $pair (param i32 f64)))
              (import "env" "relay" (func $relay (param i32)))
              (import "env" "swallow" (func $swallow (result i32)))
              (func (export "outer") (param i32) (result f64) (local $value f64)
                (block $caught (result i32 f64)
                  (try_table (catch $pair $caught) (call $relay (local.get 0)))
                  (return (f64.const -1)))
                (local.set $value)
                (drop)
                (local.get $value))
              (func (export "swallow") (result i32) (call $swallow)))
            """, imports: imports, runtime: runtime)
        #expect(try outer.invoke("outer", [Value(Int32(20))]) == [Value(Double(2.5))])
        #expect(try outer.invoke("swallow") == [Value(Int32(1))])
        #expect(seen?.values == [Value(Int32(99)), Value(Double(2.5))])
    }

    @Test func eachInstanceDefinesItsOwnTagsAndImportsShareThem() throws {
        let runtime = Runtime()
        let first = try instantiate(Self.thrower, runtime: runtime)
        let second = try instantiate(Self.thrower, runtime: runtime)
        #expect(first.tag("pair") !== second.tag("pair"))
        var imports = Imports()
        imports.define(module: "first", instance: first)
        imports.define(module: "second", instance: second)
        let catcher = try instantiate("""
            (module
              (import "first" "pair" (tag $pair (param i32 f64)))
              (import "first" "throw_pair" (func $first (param i32)))
              (import "second" "throw_pair" (func $second (param i32)))
              (func (export "catch") (param i32) (result i32)
                (block $mine (result i32 f64)
                  (block $other
                    (try_table (catch $pair $mine) (catch_all $other)
                      (if (local.get 0) (then (call $second (i32.const 2))) (else (call $first (i32.const 1)))))
                    (return (i32.const -1)))
                  (return (i32.const 0)))
                (drop)))
            """, imports: imports, runtime: runtime)
        // The first instance's tag is the imported one; the second's is another tag.
        #expect(try catcher.invoke("catch", [Value(Int32(0))]) == [Value(Int32(1))])
        #expect(try catcher.invoke("catch", [Value(Int32(1))]) == [Value(Int32(0))])
    }

    @Test func anExceptionFromTheStartFunctionFailsTheInstantiation() throws {
        let module = try CompiledModule(bytes: try WatParser.assemble("""
            (module (tag $oops (param i32)) (func $start (throw $oops (i32.const 3))) (start $start))
            """))
        do {
            _ = try Runtime().instantiate(module)
            Issue.record("expected the instantiation to fail")
        } catch .uncaughtException(let exception) {
            #expect(exception.values == [Value(Int32(3))])
        }
    }

    @Test func legacyRethrowThrowsTheCaughtExceptionItself() throws {
        let (instance, known) = try hostThrowingLegacy()
        do {
            _ = try instance.invoke("rethrow", [Value(Int64(11))])
            Issue.record("expected an exception")
        } catch let exception as WasmException {
            #expect(exception.tag === known && exception.values == [Value(Int64(11))])
        }
        #expect(try instance.invoke("counted") == [Value(Int32(1))])
    }

    /// The legacy encoding: `try`/`catch` counts the exception and `rethrow`s it.
    func hostThrowingLegacy() throws -> (instance: Instance, known: ExceptionTag) {
        let runtime = Runtime()
        let known = try runtime.createTag(type: FunctionType(parameters: [.i64]))
        var imports = Imports()
        imports.define(module: "env", name: "known", .tag(known))
        imports.define(module: "env", name: "raise", .function(runtime.hostFunction(type: FunctionType(parameters: [.i64])) { arguments in
            throw WasmException(tag: known, values: arguments)
        }))
        let instance = try instantiate("""
            (module
              (import "env" "known" (tag $known (param i64)))
              (import "env" "raise" (func $raise (param i64)))
              (global $count (mut i32) (i32.const 0))
              (func (export "rethrow") (param i64)
                (try
                  (do (call $raise (local.get 0)))
                  (catch $known
                    (drop)
                    (global.set $count (i32.add (global.get $count) (i32.const 1)))
                    (rethrow 0))))
              (func (export "counted") (result i32) (global.get $count)))
            """, imports: imports, runtime: runtime)
        return (instance, known)
    }
}
