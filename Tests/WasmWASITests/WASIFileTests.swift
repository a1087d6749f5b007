#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
import WasmInterpreter
import WasmWASI

/// Directory listings, file attributes and descriptor bookkeeping.
struct WASIFileTests {
    /// Reads a directory `bufferSize` bytes at a time, following each entry's next cookie, and
    /// calls `between` after each call; returns the names in order.
    func list(_ harness: WASIHarness, directory fd: UInt32, bufferSize: UInt32,
              between: () throws -> Void = {}) throws -> [String] {
        var names: [String] = []
        var cookie: UInt64 = 0
        while true {
            #expect(try harness.call("fd_readdir", .fd(fd), .u32(WASIHarness.buffer), .u32(bufferSize), .u64(cookie),
                                     .u32(WASIHarness.result)) == .success)
            let used = try harness.u32(at: WASIHarness.result)
            var offset: UInt32 = 0
            // Whole entries only: a cut-off one is read again from its cookie.
            while offset + 24 <= used {
                let next = try harness.u64(at: WASIHarness.buffer + offset)
                let length = try harness.u32(at: WASIHarness.buffer + offset + 16)
                guard offset + 24 + length <= used else { break }
                let name = try harness.memory.read(at: Int(WASIHarness.buffer + offset + 24), count: Int(length))
                names.append(String(decoding: name, as: UTF8.self))
                cookie = next
                offset += 24 + length
            }
            try between()
            if used < bufferSize { return names }
            #expect(offset > 0, "the buffer holds no whole entry")
            if offset == 0 { return names }
        }
    }

    @Test func readdirCookiesAreStableAcrossCallsAndChanges() throws {
        let folder = try TemporaryFolder()
        let expected = (0..<40).map { "entry-\($0)-" + String(repeating: "x", count: $0) }
        for name in expected { try Data().write(to: folder.file(name)) }
        let harness = try WASIHarness(WASIConfiguration(preopenedDirectories: [PreopenedDirectory(hostPath: folder.path, guestPath: ".")]))
        var created = 0
        let names = try list(harness, directory: 3, bufferSize: 100) {
            // Files appearing meanwhile do not disturb a listing in progress.
            created += 1
            try Data().write(to: folder.file("late-\(created)"))
        }
        #expect(names.sorted() == (expected + [".", ".."]).sorted())
        // Starting again at cookie 0 sees the directory as it is now.
        let again = try list(harness, directory: 3, bufferSize: 4096)
        #expect(again.count == expected.count + 2 + created)
    }

    @Test func filestatReportsTypeSizeAndTimesInNanoseconds() throws {
        let folder = try TemporaryFolder()
        try Data("12345".utf8).write(to: folder.file("five"))
        let time: UInt64 = 1_600_000_000_123_456_789
        let harness = try WASIHarness(WASIConfiguration(preopenedDirectories: [PreopenedDirectory(hostPath: folder.path, guestPath: ".")]))
        #expect(try harness.setTimes("five", to: time) == .success)
        let (errno, status) = try harness.stat("five")
        #expect(errno == .success)
        let value = { (offset: Int) in status[offset..<(offset + 8)].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
        #expect(status[16] == 4)  // regular file
        #expect(value(24) == 1)  // one link
        #expect(value(32) == 5)
        #expect(value(40) == time)
        #expect(value(48) == time)
        let host = try FileManager.default.attributesOfItem(atPath: folder.file("five").path)
        #expect(value(8) == (host[.systemFileNumber] as? NSNumber)?.uint64Value)
    }

    @Test func rightsCanBeDroppedNeverRegained() throws {
        let folder = try TemporaryFolder()
        try Data("abc".utf8).write(to: folder.file("f"))
        let harness = try WASIHarness(WASIConfiguration(preopenedDirectories: [PreopenedDirectory(hostPath: folder.path, guestPath: ".")]))
        let (_, opened) = try harness.open("f")
        let fd = try #require(opened)
        #expect(try harness.call("fd_fdstat_get", .fd(fd), .u32(0)) == .success)
        let rights = try harness.u64(at: 8)
        let fdRead: UInt64 = 1 << 1
        #expect(rights & fdRead != 0)
        #expect(try harness.call("fd_fdstat_set_rights", .fd(fd), .u64(rights & ~fdRead), .u64(0)) == .success)
        #expect(try harness.read(fd).0 == .notcapable)
        #expect(try harness.call("fd_fdstat_set_rights", .fd(fd), .u64(rights), .u64(0)) == .notcapable)
    }

    @Test func renumberMovesADescriptorOntoAnotherNumber() throws {
        let folder = try TemporaryFolder()
        try Data("abc".utf8).write(to: folder.file("f"))
        let harness = try WASIHarness(WASIConfiguration(
            preopenedDirectories: [PreopenedDirectory(hostPath: folder.path, guestPath: ".")],
            standardInput: .bytes(Array("stdin".utf8))))
        let fd = try #require(try harness.open("f").1)
        #expect(try harness.call("fd_renumber", .fd(fd), .fd(0)) == .success)
        #expect(try harness.read(0) == (.success, Array("abc".utf8)))
        #expect(try harness.read(fd).0 == .badf)
        #expect(try harness.call("fd_renumber", .fd(0), .fd(77)) == .badf)
        // The lowest free number is reused.
        #expect(try harness.open("f").1 == fd)
    }

    @Test func prestatNamesThePreopensInOrder() throws {
        let first = try TemporaryFolder(), second = try TemporaryFolder()
        let harness = try WASIHarness(WASIConfiguration(preopenedDirectories: [
            PreopenedDirectory(hostPath: first.path, guestPath: "/data"),
            PreopenedDirectory(hostPath: second.path, guestPath: ".", readOnly: true),
        ]))
        for (fd, name) in [(UInt32(3), "/data"), (4, ".")] {
            #expect(try harness.call("fd_prestat_get", .fd(fd), .u32(0)) == .success)
            #expect(try harness.u32(at: 0) == 0)
            #expect(try harness.u32(at: 4) == UInt32(name.utf8.count))
            #expect(try harness.call("fd_prestat_dir_name", .fd(fd), .u32(100), .u32(UInt32(name.utf8.count))) == .success)
            #expect(try harness.memory.read(at: 100, count: name.utf8.count) == Array(name.utf8))
        }
        #expect(try harness.call("fd_prestat_dir_name", .fd(3), .u32(100), .u32(2)) == .nametoolong)
        #expect(try harness.call("fd_prestat_get", .fd(1), .u32(0)) == .badf)
        #expect(try harness.call("fd_prestat_get", .fd(5), .u32(0)) == .badf)
    }

    @Test func nonBlockingOnAnInheritedStreamIsRecordedNotImposedOnTheProcess() throws {
        let before = fcntl(1, F_GETFL)
        let harness = try WASIHarness()
        let nonblock: UInt32 = 4
        #expect(try harness.call("fd_fdstat_set_flags", .fd(1), .u32(nonblock)) == .success)
        #expect(try harness.call("fd_fdstat_get", .fd(1), .u32(0)) == .success)
        #expect(try harness.memory.read(at: 2, count: 2) == [4, 0])
        #expect(fcntl(1, F_GETFL) == before, "the process's own stdout flags changed")
        #expect(try harness.call("fd_fdstat_set_flags", .fd(1), .u32(0)) == .success)
    }
}
