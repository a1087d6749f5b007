import Foundation
import Testing
import WasmBinary
import WasmInterpreter
import WasmText

/// In optimised builds each handler tail-calls the next one (threaded code). Swift does not
/// guarantee tail calls, so this runs 10^8 dispatches on a thread with a 256 KiB stack: if any
/// handler on the path called instead of jumping, the native stack would overflow and the
/// process would crash. (Debug builds run the same handlers under a trampoline loop, which
/// this test also exercises, with fewer dispatches.)
@Suite struct ThreadedDispatchTests {
    static let loop = """
        (module
          (func (export "spin") (param $n i32) (result i32)
            (local $i i32) (local $acc i32)
            (loop $next
              (local.set $acc (i32.add (local.get $acc) (i32.xor (local.get $i) (i32.const 0x55))))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br_if $next (i32.lt_u (local.get $i) (local.get $n))))
            (local.get $acc)))
        """

    /// The loop's result computed in Swift.
    static func expected(_ n: UInt32) -> UInt32 {
        var acc: UInt32 = 0
        for i in 0..<n { acc &+= i ^ 0x55 }
        return acc
    }

    @Test func dispatchDoesNotGrowTheNativeStack() throws {
        let module = try CompiledModule(bytes: try WatParser.assemble(Self.loop))
        #if DEBUG
        let iterations: UInt32 = 200_000
        #else
        let iterations: UInt32 = 20_000_000  // 5 handlers per iteration: 10^8 dispatches
        #endif
        nonisolated(unsafe) var result: [Value] = []
        nonisolated(unsafe) var failure: (any Error)?
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            do {
                let instance = try Runtime().instantiate(module)
                result = try instance.invoke("spin", [.i32(iterations)])
            } catch {
                failure = error
            }
            done.signal()
        }
        thread.stackSize = 256 * 1024
        thread.start()
        done.wait()
        #expect(failure == nil)
        #expect(result == [.i32(Self.expected(iterations))])
    }
}
