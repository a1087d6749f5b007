import Foundation
import Synchronization
import Testing
import WasmBinary
import WasmInterpreter
import WasmText

/// Interruption: another thread stops a running call through the runtime's `InterruptHandle`
/// (or its `callTimeLimit`); the call ends with the trap `interrupted` and the runtime answers
/// the next call. An interrupt asked for while no call runs is dropped.
@Suite struct InterruptTests {
    static let source = """
        (module
          (import "host" "call" (func $host))
          (func (export "spin") (loop (br 0)))
          (func $recurse (export "recurse") (param i32) (result i32)
            ;; Exponential recursion with no loop: only function entries notice the interrupt.
            (if (result i32) (i32.lt_u (local.get 0) (i32.const 2))
              (then (local.get 0))
              (else (i32.add (call $recurse (i32.sub (local.get 0) (i32.const 1)))
                             (call $recurse (i32.sub (local.get 0) (i32.const 2)))))))
          (func (export "nested") (call $host))
          ;; Loops without a back-edge: a tail call through a table, a thrown exception caught by
          ;; a handler that leads back to the loop.
          (type $none (func))
          (table 1 funcref)
          (elem (i32.const 0) $tailSpin)
          (func $tailSpin (export "tailSpin") (return_call_indirect (type $none) (i32.const 0)))
          (tag $again)
          (func (export "throwSpin") (loop $retry (try_table (catch_all $retry) (throw $again))))
          (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
        """

    /// An instance of `source` whose host function calls `spin` (a loop nested in a host call).
    static func instance(_ runtime: Runtime) throws -> Instance {
        nonisolated(unsafe) var instance: Instance?
        var imports = Imports()
        imports.define(module: "host", name: "call", .function(runtime.hostFunction(type: FunctionType()) { _ in
            _ = try instance?.invoke("spin")
            return []
        }))
        instance = try runtime.instantiate(try CompiledModule(bytes: try WatParser.assemble(source)), imports: imports)
        return try #require(instance)
    }

    /// Calls `export` on this thread, interrupts it from another after `delay`, and returns the
    /// error the call ended with and how long after the interrupt it returned.
    static func interrupt(_ export: String, _ arguments: [Value] = [], of instance: Instance, handle: InterruptHandle,
                          after delay: Duration = .milliseconds(50)) -> (error: (any Error)?, latency: Duration) {
        let interruptedAt = Mutex<ContinuousClock.Instant?>(nil)
        let thread = Thread {
            Thread.sleep(forTimeInterval: Double(delay.components.seconds) + Double(delay.components.attoseconds) * 1e-18)
            interruptedAt.withLock { $0 = .now }
            handle.interrupt()
        }
        thread.start()
        var failure: (any Error)?
        do {
            _ = try instance.invoke(export, arguments)
        } catch {
            failure = error
        }
        let returnedAt = ContinuousClock.now
        let start = interruptedAt.withLock { $0 } ?? returnedAt
        return (failure, start.duration(to: returnedAt))
    }

    @Test(arguments: ["spin", "recurse", "nested", "tailSpin", "throwSpin"])
    func aRunningCallIsStoppedFromAnotherThread(export: String) throws {
        let runtime = Runtime()
        let instance = try Self.instance(runtime)
        let handle = runtime.interruptHandle
        let arguments: [Value] = export == "recurse" ? [.i32(200)] : []
        let (error, latency) = Self.interrupt(export, arguments, of: instance, handle: handle)
        #expect(error as? Trap == Trap(.interrupted))
        #expect(latency < .milliseconds(100), "returned \(latency) after the interrupt")
        // The runtime answers the next call, and the interrupt does not carry over.
        #expect(try instance.invoke("add", [.i32(2), .i32(3)]) == [.i32(5)])
        #expect(try instance.invoke("recurse", [.i32(10)]) == [.i32(55)])
    }

    @Test func anInterruptBeforeOrAfterACallDoesNotReachTheNextOne() throws {
        let runtime = Runtime()
        let instance = try Self.instance(runtime)
        let handle = runtime.interruptHandle
        handle.interrupt()
        #expect(try instance.invoke("recurse", [.i32(15)]) == [.i32(610)])
        // From another thread, between calls.
        let thread = Thread { handle.interrupt() }
        thread.start()
        while !thread.isFinished { Thread.sleep(forTimeInterval: 0.001) }
        #expect(try instance.invoke("recurse", [.i32(15)]) == [.i32(610)])
        // After an interrupted call, the next one runs to its end.
        #expect(Self.interrupt("spin", of: instance, handle: handle).error as? Trap == Trap(.interrupted))
        handle.interrupt()
        #expect(try instance.invoke("recurse", [.i32(15)]) == [.i32(610)])
    }

    @Test func aTimeLimitInterruptsEachCallThatOutlivesIt() throws {
        let runtime = Runtime()
        let instance = try Self.instance(runtime)
        runtime.callTimeLimit = .milliseconds(100)
        for _ in 0..<2 {
            let start = ContinuousClock.now
            #expect(throws: Trap(.interrupted)) { try instance.invoke("spin") }
            let elapsed = start.duration(to: .now)
            #expect(elapsed >= .milliseconds(100) && elapsed < .seconds(1), "took \(elapsed)")
            // A call that ends in time is not interrupted, then or later.
            #expect(try instance.invoke("add", [.i32(1), .i32(1)]) == [.i32(2)])
        }
        // A deadline never reaches a later call: quick calls for longer than the limit.
        let start = ContinuousClock.now
        while start.duration(to: .now) < .milliseconds(250) {
            #expect(try instance.invoke("recurse", [.i32(12)]) == [.i32(144)])
        }
    }

    @Test func interruptingOneRuntimeLeavesAnotherRunning() throws {
        let stopped = Runtime()
        let busy = Runtime()
        let stoppedInstance = try Self.instance(stopped)
        nonisolated(unsafe) let busyInstance = try Self.instance(busy)
        _ = busy.interruptHandle
        // While `stopped` is interrupted (its call still running for a moment), `busy` computes.
        let result = Mutex<[Value]?>(nil)
        let thread = Thread {
            let value = try? busyInstance.invoke("recurse", [.i32(25)])
            result.withLock { $0 = value }
        }
        thread.start()
        let (error, _) = Self.interrupt("spin", of: stoppedInstance, handle: stopped.interruptHandle)
        #expect(error as? Trap == Trap(.interrupted))
        while !thread.isFinished { Thread.sleep(forTimeInterval: 0.001) }
        #expect(result.withLock { $0 } == [.i32(75_025)])
    }

    @Test func fuelAndInterruptionWorkTogether() throws {
        var configuration = RuntimeConfiguration()
        configuration.fuel = UInt64.max
        let runtime = Runtime(configuration: configuration)
        let instance = try Self.instance(runtime)
        let (error, latency) = Self.interrupt("spin", of: instance, handle: runtime.interruptHandle)
        #expect(error as? Trap == Trap(.interrupted))
        #expect(latency < .milliseconds(100))
        #expect(try instance.invoke("add", [.i32(2), .i32(3)]) == [.i32(5)])
    }
}
