import Testing
import WasmBinary
@testable import WasmInterpreter
import WasmText

/// Exception references (`exnref`) keep their exceptions alive exactly while wasm code can reach
/// them: the runtime's `ExceptionRegistry` holds what wasm storage may reference and lets go of
/// the rest when it collects; exceptions caught without a reference are never held.
@Suite struct ExceptionLifetimeTests {
    static let module = """
        (module
          (import "env" "tag" (tag $tag (param i32)))
          (import "env" "raise" (func $raise (param i32)))
          (global $kept (export "kept") (mut exnref) (ref.null exn))
          (func (export "keep") (param i32)
            (block $h (result i32 exnref)
              (try_table (catch_ref $tag $h) (call $raise (local.get 0)))
              (unreachable))
            (global.set $kept)
            (drop))
          (func (export "forget") (global.set $kept (ref.null exn)))
          (func (export "rethrow_kept") (throw_ref (global.get $kept)))
          (func (export "catch_values") (param i32) (result i32)
            (block $h (result i32)
              (try_table (catch $tag $h) (call $raise (local.get 0)))
              (unreachable)))
          (func (export "churn") (param $count i32) (result i32) (local $last exnref)
            (loop $again
              (block $h (result i32 exnref)
                (try_table (catch_ref $tag $h) (throw $tag (local.get $count)))
                (unreachable))
              (local.set $last)
              (drop)
              (br_if $again (local.tee $count (i32.sub (local.get $count) (i32.const 1)))))
            (block $h (result i32)
              (try_table (catch $tag $h) (throw_ref (local.get $last)))
              (unreachable))))
        """

    /// The host's `raise(n)` throws an exception with value n, remembering it weakly in `thrown`.
    final class Setup {
        let runtime = Runtime()
        var instance: Instance!
        weak var thrown: WasmException?

        init() throws {
            let tag = try runtime.createTag(type: FunctionType(parameters: [.i32]))
            var imports = Imports()
            imports.define(module: "env", name: "tag", .tag(tag))
            imports.define(module: "env", name: "raise", .function(runtime.hostFunction(type: FunctionType(parameters: [.i32])) { [unowned self] arguments in
                let exception = WasmException(tag: tag, values: arguments)
                self.thrown = exception
                throw exception
            }))
            instance = try instantiate(ExceptionLifetimeTests.module, imports: imports, runtime: runtime)
        }

        /// Collects as if nothing were running (the value stack holds nothing live).
        func collect() {
            runtime.exceptionRegistry.collect(liveTop: runtime.valueStack)
        }
    }

    @Test func anExceptionCaughtWithoutItsReferenceIsFreedAtOnce() throws {
        let setup = try Setup()
        #expect(try setup.instance.invoke("catch_values", [Value(Int32(3))]) == [Value(Int32(3))])
        #expect(setup.thrown == nil)
        #expect(setup.runtime.exceptionRegistry.count == 0)
    }

    @Test func aReferenceInAGlobalKeepsItsExceptionUntilTheGlobalForgetsIt() throws {
        let setup = try Setup()
        _ = try setup.instance.invoke("keep", [Value(Int32(8))])
        setup.collect()
        do {
            let kept = try #require(setup.thrown)
            #expect(setup.instance.global("kept")?.value == .ref(.exception(kept)))
            // throw_ref throws the very exception the global holds.
            do {
                _ = try setup.instance.invoke("rethrow_kept")
                Issue.record("expected an exception")
            } catch let exception as WasmException {
                #expect(exception === kept)
            }
        }
        _ = try setup.instance.invoke("forget")
        setup.collect()
        #expect(setup.thrown == nil)
        #expect(setup.runtime.exceptionRegistry.count == 0)
    }

    @Test func throwingInALoopDoesNotGrowTheRegistry() throws {
        let setup = try Setup()
        // 100,000 exceptions, each caught with its reference and dropped on the next iteration;
        // the last is rethrown and caught at the end.
        #expect(try setup.instance.invoke("churn", [Value(Int32(100_000))]) == [Value(Int32(1))])
        #expect(setup.runtime.exceptionRegistry.count <= ExceptionRegistry.minimumThreshold)
        setup.collect()
        #expect(setup.runtime.exceptionRegistry.count == 0)
    }
}
