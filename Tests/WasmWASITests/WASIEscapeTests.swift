import Foundation
import Testing
import WasmInterpreter
import WasmWASI

/// Every way out of a preopened directory, tried and refused: the call fails with `notcapable`
/// (`loop` for loops), no descriptor or file status comes back, and the folder beside the
/// sandbox is exactly as it was (no file read through a descriptor, created, changed, linked,
/// renamed or removed). The sandbox layout is in `Sandbox`.
struct WASIEscapeTests {
    /// Runs `attempts` against a fresh sandbox and checks the outside folder did not change.
    func attempt(readOnly: Bool = false, _ attempts: (WASIHarness, Sandbox) throws -> Void) throws {
        let sandbox = try Sandbox()
        let before = try Sandbox.snapshot(of: sandbox.outside)
        try attempts(try sandbox.harness(readOnly: readOnly), sandbox)
        #expect(try Sandbox.snapshot(of: sandbox.outside) == before, "the outside folder changed")
    }

    /// `path_open` of each path is refused with `expected` and gives no descriptor.
    func expectOpenRefused(_ harness: WASIHarness, _ paths: [String], flags: UInt16 = 0,
                           expected: WASIErrno = .notcapable) throws {
        for path in paths {
            let (errno, fd) = try harness.open(path, flags: flags)
            #expect(errno == expected, "path_open \(path): \(errno)")
            #expect(fd == nil, "path_open \(path) gave a descriptor")
        }
    }

    /// `path_filestat_get` of each path is refused and writes no file status.
    func expectStatRefused(_ harness: WASIHarness, _ paths: [String], follow: Bool = true) throws {
        for path in paths {
            let (errno, status) = try harness.stat(path, follow: follow)
            #expect(errno == .notcapable, "path_filestat_get \(path): \(errno)")
            #expect(status.allSatisfy { $0 == 0xff }, "path_filestat_get \(path) wrote a file status")
        }
    }

    @Test func dotDotAboveThePreopenIsRefused() throws {
        try attempt { harness, _ in
            try expectOpenRefused(harness, ["..", "../outside/secret", "./../outside/secret", "../inside/file"])
            try expectStatRefused(harness, ["..", "../outside/secret", "../outside"])
        }
    }

    @Test func dotDotAfterDescendingIsRefused() throws {
        try attempt { harness, _ in
            try expectOpenRefused(harness, ["sub/../../outside/secret", "sub/../sub/../../outside/secret", "sub/../.."])
            try expectStatRefused(harness, ["sub/../../outside/secret"])
            // Within the sandbox, `..` is fine.
            #expect(try harness.open("sub/../file").0 == .success)
        }
    }

    @Test func absolutePathsAreRefused() throws {
        try attempt { harness, sandbox in
            let secret = sandbox.outside.appendingPathComponent("secret").path
            try expectOpenRefused(harness, ["/etc/passwd", secret, "/file", "/"])
            try expectStatRefused(harness, ["/etc/passwd", secret, "/"])
        }
    }

    @Test func relativeSymlinkPointingOutIsRefused() throws {
        try attempt { harness, _ in
            try expectOpenRefused(harness, ["link_out", "sub/../link_out"])
            try expectStatRefused(harness, ["link_out"])
            #expect(try harness.setTimes("link_out", to: 1_000_000_000) == .notcapable)
            // Not following, the link itself is what is opened or inspected: no escape.
            #expect(try harness.open("link_out", follow: false).0 == .loop)
            #expect(try harness.stat("link_out", follow: false).0 == .success)
            #expect(try harness.readlink("link_out") == (.success, "../outside/secret"))
        }
    }

    @Test func absoluteSymlinkIsRefused() throws {
        try attempt { harness, _ in
            try expectOpenRefused(harness, ["link_abs"])
            try expectStatRefused(harness, ["link_abs"])
        }
    }

    @Test func symlinkChainPointingOutIsRefused() throws {
        try attempt { harness, _ in
            try expectOpenRefused(harness, ["chain1", "chain2", "sub/chain3"])
            try expectStatRefused(harness, ["chain1"])
        }
    }

    @Test func symlinkToAnOutsideDirectoryInsideAPathIsRefused() throws {
        try attempt { harness, _ in
            // An intermediate link is always followed, whatever the lookup flags say.
            try expectOpenRefused(harness, ["link_outdir/secret", "link_outdir/dir", "link_outdir/../inside/file"])
            try expectStatRefused(harness, ["link_outdir/secret", "link_outdir/"], follow: false)
            #expect(try harness.createDirectory("link_outdir/new") == .notcapable)
        }
    }

    @Test func symlinksCreatedByTheProgramCannotLeadOut() throws {
        try attempt { harness, sandbox in
            // A relative link may be made (the contents are only text) but never followed out.
            #expect(try harness.symlink("../outside/secret", at: "mine") == .success)
            #expect(try harness.symlink("mine", at: "mine_chain") == .success)
            try expectOpenRefused(harness, ["mine", "mine_chain"])
            try expectStatRefused(harness, ["mine", "mine_chain"])
            // An absolute link is not even made.
            let secret = sandbox.outside.appendingPathComponent("secret").path
            #expect(try harness.symlink(secret, at: "absolute") == .notcapable)
            #expect(try harness.symlink("/etc/passwd", at: "passwd") == .notcapable)
            #expect(try harness.stat("absolute", follow: false).0 == .noent)
        }
    }

    @Test func nothingIsCreatedOutside() throws {
        try attempt { harness, _ in
            let create = WASIHarness.create
            try expectOpenRefused(harness, ["../outside/new", "link_outdir/new", "dangling_out", "sub/../../new"], flags: create)
            for path in ["../outside/newdir", "link_outdir/newdir", "../newdir"] {
                #expect(try harness.createDirectory(path) == .notcapable, "mkdir \(path)")
            }
            #expect(try harness.symlink("file", at: "link_outdir/planted") == .notcapable)
            #expect(try harness.link("file", to: "link_outdir/hard") == .notcapable)
            #expect(try harness.rename("file", to: "../outside/moved") == .notcapable)
            #expect(try harness.rename("file", to: "link_outdir/moved") == .notcapable)
        }
    }

    @Test func nothingOutsideIsChangedOrRemoved() throws {
        try attempt { harness, _ in
            try expectOpenRefused(harness, ["link_out", "../outside/secret"], flags: WASIHarness.truncate)
            for path in ["../outside/secret", "link_outdir/secret"] {
                #expect(try harness.unlink(path) == .notcapable, "unlink \(path)")
            }
            #expect(try harness.removeDirectory("link_outdir/dir") == .notcapable)
            #expect(try harness.removeDirectory("../outside/dir") == .notcapable)
            #expect(try harness.rename("../outside/secret", to: "stolen") == .notcapable)
            #expect(try harness.rename("link_outdir/secret", to: "stolen") == .notcapable)
            #expect(try harness.link("link_outdir/secret", to: "stolen") == .notcapable)
            #expect(try harness.link("link_out", to: "stolen", follow: true) == .notcapable)
            #expect(try harness.setTimes("link_outdir/secret", to: 1_000_000_000) == .notcapable)
            #expect(try harness.setTimes("chain1", to: 1_000_000_000) == .notcapable)
            #expect(try harness.stat("stolen").0 == .noent)
        }
    }

    @Test func aDirectoryOpenedInsideIsItsOwnRoot() throws {
        try attempt { harness, _ in
            let (errno, sub) = try harness.open("sub", flags: WASIHarness.directory, rights: WASIHarness.directoryRights)
            let fd = try #require(sub, "opening sub: \(errno)")
            #expect(try harness.open("inner", in: fd).0 == .success)
            #expect(try harness.open("../file", in: fd).0 == .notcapable)
            #expect(try harness.stat("..", in: fd).0 == .notcapable)
            #expect(try harness.unlink("../file", in: fd) == .notcapable)
        }
    }

    @Test func symlinkLoopsEndInLoopNotAHang() throws {
        try attempt { harness, sandbox in
            try expectOpenRefused(harness, ["loop1", "loop2/x"], expected: .loop)
            #expect(try harness.stat("loop1").0 == .loop)
            // A chain longer than the limit is a loop too, even without a cycle.
            for index in 0..<45 {
                try FileManager.default.createSymbolicLink(
                    atPath: sandbox.inside.appendingPathComponent("long\(index)").path,
                    withDestinationPath: index == 44 ? "file" : "long\(index + 1)")
            }
            #expect(try harness.open("long0").0 == .loop)
            #expect(try harness.open("long10").0 == .success)
        }
    }

    @Test func aReadOnlyPreopenRefusesEveryChange() throws {
        let sandbox = try Sandbox()
        let before = try Sandbox.snapshot(of: sandbox.folder.url)
        let harness = try sandbox.harness(readOnly: true)
        let (errno, file) = try harness.open("file")
        let fd = try #require(file, "opening for reading: \(errno)")
        #expect(try harness.read(fd) == (.success, Array("inside".utf8)))
        #expect(try harness.write(fd, Array("changed".utf8)) == .notcapable)
        #expect(try harness.call("fd_filestat_set_size", .fd(fd), .u64(0)) == .notcapable)
        #expect(try harness.call("fd_allocate", .fd(fd), .u64(0), .u64(100)) == .notcapable)
        #expect(try harness.call("fd_filestat_set_times", .fd(fd), .u64(0), .u64(0), .u32(5)) == .notcapable)
        try expectOpenRefused(harness, ["new"], flags: WASIHarness.create)
        try expectOpenRefused(harness, ["file"], flags: WASIHarness.truncate)
        #expect(try harness.createDirectory("newdir") == .notcapable)
        #expect(try harness.unlink("file") == .notcapable)
        #expect(try harness.removeDirectory("sub") == .notcapable)
        #expect(try harness.rename("file", to: "renamed") == .notcapable)
        #expect(try harness.symlink("file", at: "newlink") == .notcapable)
        #expect(try harness.link("file", to: "hardlink") == .notcapable)
        #expect(try harness.setTimes("file", to: 1_000_000_000) == .notcapable)
        // A directory opened through it is read-only too.
        let (_, sub) = try harness.open("sub", flags: WASIHarness.directory, rights: WASIHarness.directoryRights)
        let subdirectory = try #require(sub)
        #expect(try harness.open("new", in: subdirectory, flags: WASIHarness.create).0 == .notcapable)
        #expect(try harness.unlink("inner", in: subdirectory) == .notcapable)
        #expect(try Sandbox.snapshot(of: sandbox.folder.url) == before, "something changed")
    }

    @Test func withoutPreopensNoFileIsReachable() throws {
        let harness = try WASIHarness()
        #expect(try harness.call("fd_prestat_get", .fd(3), .u32(WASIHarness.result)) == .badf)
        #expect(try harness.open("etc/passwd", in: 3).0 == .badf)
        for standard: UInt32 in 0...2 {
            #expect(try harness.open("etc/passwd", in: standard).0 == .notdir, "path_open on descriptor \(standard)")
            #expect(try harness.stat(".", in: standard).0 == .notdir)
        }
    }
}
