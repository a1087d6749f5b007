import Foundation
import Testing
import WasmInterpreter
import WasmWASI

/// A clock that starts at fixed times and moves only when the program sleeps.
final class ManualClock: WASIClock {
    var monotonic: UInt64 = 5_000
    var realtime: UInt64 = 1_700_000_000_000_000_000
    var sleeps: [UInt64] = []

    func now(_ clock: WASIClockID) -> UInt64? {
        switch clock {
        case .realtime: return realtime
        case .monotonic: return monotonic
        case .processCPUTime, .threadCPUTime: return nil
        }
    }

    func resolution(_ clock: WASIClockID) -> UInt64? { now(clock) == nil ? nil : 1_000 }

    func sleep(nanoseconds: UInt64) {
        sleeps.append(nanoseconds)
        monotonic += nanoseconds
        realtime += nanoseconds
    }
}

/// Bytes 0, 1, 2, ... wrapping: a repeatable random source.
struct CountingRandom: WASIRandomSource {
    func fill(_ buffer: UnsafeMutableRawBufferPointer) throws {
        for index in buffer.indices { buffer[index] = UInt8(truncatingIfNeeded: index) }
    }
}

/// Clocks, `poll_oneoff` and randomness, real and injected.
struct WASIClockTests {
    /// Writes one clock subscription at `address`: (userdata, clock id, timeout, absolute flag).
    func subscribe(_ harness: WASIHarness, at address: UInt32, userdata: UInt64, clock: UInt32, timeout: UInt64,
                   absolute: Bool = false) throws {
        var bytes = [UInt8](repeating: 0, count: 48)
        for index in 0..<8 { bytes[index] = UInt8(truncatingIfNeeded: userdata >> (8 * UInt64(index))) }
        for index in 0..<4 { bytes[16 + index] = UInt8(truncatingIfNeeded: clock >> (8 * UInt32(index))) }
        for index in 0..<8 { bytes[24 + index] = UInt8(truncatingIfNeeded: timeout >> (8 * UInt64(index))) }
        bytes[40] = absolute ? 1 : 0
        try harness.memory.write(bytes, at: Int(address))
    }

    @Test func anInjectedClockIsWhatTheProgramSees() throws {
        let clock = ManualClock()
        let harness = try WASIHarness(WASIConfiguration(clock: clock))
        #expect(try harness.call("clock_time_get", .u32(1), .u64(0), .u32(0)) == .success)
        #expect(try harness.u64(at: 0) == 5_000)
        #expect(try harness.call("clock_time_get", .u32(0), .u64(0), .u32(0)) == .success)
        #expect(try harness.u64(at: 0) == 1_700_000_000_000_000_000)
        #expect(try harness.call("clock_res_get", .u32(1), .u32(0)) == .success)
        #expect(try harness.u64(at: 0) == 1_000)
        #expect(try harness.call("clock_time_get", .u32(2), .u64(0), .u32(0)) == .inval)
    }

    @Test func pollOneoffWaitsOnTheClockForTheEarliestTimeout() throws {
        let clock = ManualClock()
        let harness = try WASIHarness(WASIConfiguration(clock: clock))
        try subscribe(harness, at: 1024, userdata: 7, clock: 1, timeout: 2_000_000)
        try subscribe(harness, at: 1072, userdata: 8, clock: 1, timeout: 9_000_000)
        // Absolute: the monotonic time 5_000 + 2_000_000, due together with the first.
        try subscribe(harness, at: 1120, userdata: 9, clock: 1, timeout: 2_005_000, absolute: true)
        #expect(try harness.call("poll_oneoff", .u32(1024), .u32(2048), .u32(3), .u32(0)) == .success)
        #expect(clock.sleeps == [2_000_000])
        #expect(try harness.u32(at: 0) == 2)
        #expect(try [harness.u64(at: 2048), harness.u64(at: 2080)].sorted() == [7, 9])
        #expect(try harness.memory.read(at: 2048 + 8, count: 3) == [0, 0, 0])  // no error, type clock
    }

    @Test func pollOneoffReallySleeps() throws {
        let harness = try WASIHarness()
        try subscribe(harness, at: 1024, userdata: 1, clock: 1, timeout: 30_000_000)
        let start = DispatchTime.now().uptimeNanoseconds
        #expect(try harness.call("poll_oneoff", .u32(1024), .u32(2048), .u32(1), .u32(0)) == .success)
        let elapsed = DispatchTime.now().uptimeNanoseconds - start
        #expect(elapsed >= 30_000_000, "slept \(elapsed) ns")
        #expect(try harness.u32(at: 0) == 1)
    }

    @Test func pollOneoffAnswersStreamsAtOnce() throws {
        let clock = ManualClock()
        let harness = try WASIHarness(WASIConfiguration(
            standardInput: .bytes(Array("abc".utf8)), standardOutput: .buffer(WASIOutputBuffer()), clock: clock))
        try subscribe(harness, at: 1024, userdata: 1, clock: 1, timeout: 1_000_000_000)
        var read = [UInt8](repeating: 0, count: 48), write = [UInt8](repeating: 0, count: 48)
        read[0] = 2; read[8] = 1  // fd_read on fd 0
        write[0] = 3; write[8] = 2; write[16] = 1  // fd_write on fd 1
        try harness.memory.write(read + write, at: 1072)
        // A timeout of 0 has passed already: it is an event too.
        try subscribe(harness, at: 1168, userdata: 4, clock: 1, timeout: 0)
        #expect(try harness.call("poll_oneoff", .u32(1024), .u32(2048), .u32(4), .u32(0)) == .success)
        #expect(clock.sleeps.isEmpty)
        #expect(try harness.u32(at: 0) == 3)
        #expect(try harness.u64(at: 2048) == 2)
        #expect(try harness.u64(at: 2048 + 16) == 3)  // three bytes to read
        #expect(try harness.u64(at: 2080) == 3)
        #expect(try harness.u64(at: 2112) == 4)
    }

    @Test func anInjectedRandomSourceIsWhatTheProgramGets() throws {
        let harness = try WASIHarness(WASIConfiguration(random: CountingRandom()))
        #expect(try harness.call("random_get", .u32(100), .u32(5)) == .success)
        #expect(try harness.memory.read(at: 100, count: 5) == [0, 1, 2, 3, 4])
    }

    @Test func theSystemRandomSourceFillsLargeBuffers() throws {
        let harness = try WASIHarness()
        #expect(try harness.call("random_get", .u32(4096), .u32(10_000)) == .success)
        let bytes = try harness.memory.read(at: 4096, count: 10_000)
        #expect(Set(bytes).count > 200, "10,000 random bytes use most byte values")
        #expect(try harness.call("random_get", .u32(0), .u32(0)) == .success)
    }
}
