import Testing
import WasmBinary
@testable import WasmInterpreter

/// Superinstructions run two adjacent instructions in one dispatch; the second keeps its own
/// handler, so that a jump straight to it (here: a loop's back edge) runs it alone.
@Suite struct SuperinstructionTests {
    /// Instantiates `text` in a runtime that counts dispatches (in debug builds).
    func instantiateCounting(_ text: String) throws -> (Instance, DispatchProfile) {
        let runtime = Runtime()
        let profile = DispatchProfile()
        runtime.dispatchProfile = profile
        return (try instantiate(text, runtime: runtime), profile)
    }

    /// True when the superinstruction of `first` and `second` ran (always true where nothing is counted).
    func ran(_ profile: DispatchProfile, _ first: UInt64, _ second: UInt64) -> Bool {
        guard DispatchProfile.isAvailable, let fused = Superinstructions.pair(first, second)?.handler else { return true }
        return profile.handlerCounts[fused, default: 0] > 0
    }

    @Test func aJumpToTheSecondInstructionOfAPairRunsItAlone() throws {
        // Two increments of locals, adjacent: the first at the end of an `if`, the second the
        // target of the `if`'s branch when the condition is false.
        let increment = try #require(AccumulatorHandlers.handler(.i32Add, .slot, .immediate, .slotAndAccumulator))
        #expect(Superinstructions.pair(increment, increment) != nil, "the pair this test relies on is a superinstruction")
        let (instance, profile) = try instantiateCounting("""
            (module
              (func (export "count") (param $taken i32) (result i64)
                (local i32 i32)
                (if (i32.lt_u (local.get $taken) (i32.const 5))
                  (then (local.set 1 (i32.add (local.get 1) (i32.const 1)))))
                (local.set 2 (i32.add (local.get 2) (i32.const 2)))
                (i64.or (i64.shl (i64.extend_i32_u (local.get 1)) (i64.const 32)) (i64.extend_i32_u (local.get 2)))))
            """)
        // Falling into the pair, then jumping to its second instruction.
        #expect(try instance.invoke("count", [.i32(0)]) == [.i64(1 << 32 | 2)])
        #expect(try instance.invoke("count", [.i32(7)]) == [.i64(2)])
        #expect(ran(profile, increment, increment))
    }

    @Test func noPairEndsAtALoopHead() throws {
        // The pair of the increment before a loop and the loop's first instruction would run once;
        // the loop's back edge would run its first instruction alone every time. It is not fused.
        let increment = try #require(AccumulatorHandlers.handler(.i32Add, .slot, .immediate, .slotAndAccumulator))
        let fused = try #require(Superinstructions.pair(increment, increment)?.handler)
        // Inside the loop the increment may be fused with the test after it (a loop back edge).
        let test = try #require(BranchHandlers.handler(.i32LtU, .accumulator, .immediate))
        let backEdge = Superinstructions.pair(increment, test)?.handler
        let (instance, profile) = try instantiateCounting("""
            (module
              (func (export "count") (result i64)
                (local i32 i32)
                (local.set 0 (i32.add (local.get 0) (i32.const 1)))
                (loop $again
                  (local.set 1 (i32.add (local.get 1) (i32.const 2)))
                  (br_if $again (i32.lt_u (local.get 1) (i32.const 10))))
                (i64.or (i64.shl (i64.extend_i32_u (local.get 0)) (i64.const 32)) (i64.extend_i32_u (local.get 1)))))
            """)
        // local 0 incremented once, local 1 five times.
        #expect(try instance.invoke("count") == [.i64(1 << 32 | 10)])
        if DispatchProfile.isAvailable {
            #expect(profile.handlerCounts[fused, default: 0] == 0)
            let backEdges = backEdge.map { profile.handlerCounts[$0, default: 0] } ?? 0
            #expect(profile.handlerCounts[increment, default: 0] + backEdges == 6)
        }
    }

    @Test func aBranchAsTheFirstInstructionOfAPairSkipsTheSecondWhenTaken() throws {
        let increment = try #require(AccumulatorHandlers.handler(.i32Add, .slot, .immediate, .slotAndAccumulator))
        let branch = try #require(BranchHandlers.handler(.i32LeU, .accumulator, .slot))
        #expect(Superinstructions.pair(branch, increment) != nil, "the pair this test relies on is a superinstruction")
        // i halves from start; the loop leaves once i <= limit, else adds 100 to sum: the exit
        // branch is followed by an increment (and that by a rotation, which pairs with neither, so
        // that the branch and the increment are the pair fused; the halving before the branch
        // pairs with neither either: a decrement would be fused with the branch, a loop back edge).
        let (instance, profile) = try instantiateCounting("""
            (module
              (func (export "f") (param $i i32) (param $limit i32) (result i32)
                (local $sum i32) (local $spin i32)
                (block $done
                  (loop $next
                    (br_if $done (i32.le_u (local.tee $i (i32.shr_u (local.get $i) (i32.const 1))) (local.get $limit)))
                    (local.set $sum (i32.add (local.get $sum) (i32.const 100)))
                    (local.set $spin (i32.rotl (local.get $spin) (i32.const 3)))
                    (br $next)))
                (i32.add (local.get $sum) (local.get $i))))
            """)
        #expect(try instance.invoke("f", [.i32(40), .i32(2)]) == [.i32(300 + 2)])
        #expect(try instance.invoke("f", [.i32(1), .i32(5)]) == [.i32(0)])
        #expect(ran(profile, branch, increment))
    }
}
