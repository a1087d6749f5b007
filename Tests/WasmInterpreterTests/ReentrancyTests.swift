import Foundation
import Testing
import WasmBinary
import WasmInterpreter
import WasmText

/// A host function that calls back into wasm nests on the native stack. 100,000 levels of
/// host → wasm → host recursion end in "call stack exhausted", never a crash, on the default
/// stack and on a small one, and the runtime answers the next call.
@Suite struct ReentrancyTests {
    /// `down(n)` calls the host's `reenter(n - 1)` until n is 0; the host calls `down` again.
    static let module = """
        (module
          (import "host" "reenter" (func $reenter (param i32) (result i32)))
          (func (export "down") (param $n i32) (result i32)
            (if (result i32) (i32.eqz (local.get $n))
              (then (i32.const 0))
              (else (i32.add (i32.const 1) (call $reenter (i32.sub (local.get $n) (i32.const 1))))))))
        """

    /// The deepest level reached by the last nesting, for the report.
    final class Depth: @unchecked Sendable {
        var current = 0
        var deepest = 0
    }

    /// An instance whose `reenter` import calls `down` again.
    static func makeInstance(_ depth: Depth) throws -> Instance {
        let runtime = Runtime()
        nonisolated(unsafe) var instance: Instance?
        var imports = Imports()
        imports.define(module: "host", name: "reenter", .function(
            runtime.hostFunction(type: FunctionType(parameters: [.i32], results: [.i32])) { arguments in
                guard case .i32(let n) = arguments[0], let instance else { return [.i32(0)] }
                depth.current += 1
                depth.deepest = max(depth.deepest, depth.current)
                defer { depth.current -= 1 }
                return try instance.invoke("down", [.i32(n)])
            }))
        instance = try runtime.instantiate(try CompiledModule(bytes: try WatParser.assemble(module)), imports: imports)
        return try #require(instance)
    }

    /// Nests 100,000 levels deep, expects the trap, then nests 10 levels and expects 10.
    static func nestAndRecover() throws -> Int {
        let depth = Depth()
        let instance = try makeInstance(depth)
        #expect(throws: Trap(.callStackExhausted)) { try instance.invoke("down", [.i32(100_000)]) }
        let deepest = depth.deepest
        #expect(depth.current == 0)
        #expect(try instance.invoke("down", [.i32(10)]) == [.i32(10)])
        return deepest
    }

    @Test func hundredThousandLevelsTrapOnTheDefaultStack() throws {
        let deepest = try Self.nestAndRecover()
        print("host → wasm → host nesting on the default stack stopped at depth \(deepest)")
        #expect(deepest > 10 && deepest < 100_000)
    }

    @Test(arguments: [256 * 1024, 1024 * 1024])
    func hundredThousandLevelsTrapOnASmallStack(stackSize: Int) throws {
        nonisolated(unsafe) var deepest = 0
        nonisolated(unsafe) var failure: (any Error)?
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            do {
                deepest = try Self.nestAndRecover()
            } catch {
                failure = error
            }
            done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        done.wait()
        #expect(failure == nil)
        print("host → wasm → host nesting on a \(stackSize / 1024) KiB stack stopped at depth \(deepest)")
        #expect(deepest > 10 && deepest < 100_000)
    }
}
