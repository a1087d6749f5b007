#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension WASI {
    /// Resolves `path` under directory descriptor `fd`, which must hold `rights` (`notdir` for a
    /// descriptor that is not a directory, before rights are looked at).
    func resolve(_ path: [UInt8], under fd: UInt32, requiring rights: Rights, follow: Bool,
                 slashFollows: Bool = true) throws(WASIErrno) -> ResolvedPath {
        let descriptor = try descriptors.get(fd)
        let directory = try descriptor.directory()
        try descriptor.require(rights)
        return try PathResolver.resolve(path, from: directory, followFinal: follow, slashFollows: slashFollows)
    }

    /// `path_create_directory(fd, path)` (`mkdirat`).
    func pathCreateDirectory(_ call: WASICall) throws {
        let target = try resolve(try call.bytes(1), under: call.u32(0), requiring: .pathCreateDirectory,
                                 follow: false, slashFollows: false)
        try HostCall.withName(target.name) { (name) throws(WASIErrno) in
            _ = try HostCall.check { mkdirat(target.directory, name, 0o777) }
        }
    }

    /// `path_filestat_get(fd, flags, path) -> filestat`.
    func pathFilestatGet(_ call: WASICall) throws {
        let follow = LookupFlags(rawValue: call.u32(1)).contains(.symlinkFollow)
        let target = try resolve(try call.bytes(2), under: call.u32(0), requiring: .pathFilestatGet, follow: follow)
        let status = FileStatus(try Self.status(of: target))
        try status.store(in: call.memory, at: call.u32(4))
    }

    /// `path_filestat_set_times(fd, flags, path, atim, mtim, fst_flags)` (`utimensat`).
    func pathFilestatSetTimes(_ call: WASICall) throws {
        let follow = LookupFlags(rawValue: call.u32(1)).contains(.symlinkFollow)
        var times = try Self.hostTimes(access: call.u64(4), modification: call.u64(5), flags: call.u32(6))
        let target = try resolve(try call.bytes(2), under: call.u32(0), requiring: .pathFilestatSetTimes, follow: follow)
        if target.trailingSlash { _ = try Self.status(of: target) }
        try HostCall.withName(target.name) { (name) throws(WASIErrno) in
            _ = try HostCall.check { utimensat(target.directory, name, &times, AT_SYMLINK_NOFOLLOW) }
        }
    }

    /// `path_readlink(fd, path, buf, buf_len) -> size`: the link's contents, cut off at `buf_len`.
    func pathReadlink(_ call: WASICall) throws {
        let target = try resolve(try call.bytes(1), under: call.u32(0), requiring: .pathReadlink, follow: false)
        guard let contents = try HostCall.linkTarget(target.name, in: target.directory) else { throw WASIErrno.inval }
        let count = min(contents.count, Int(call.u32(4)))
        try call.memory.write(contents[..<count], at: call.u32(3))
        try call.memory.store(UInt32(count), at: call.u32(5))
    }

    /// `path_remove_directory(fd, path)` (`unlinkat` with `AT_REMOVEDIR`).
    func pathRemoveDirectory(_ call: WASICall) throws {
        let target = try resolve(try call.bytes(1), under: call.u32(0), requiring: .pathRemoveDirectory,
                                 follow: false, slashFollows: false)
        try HostCall.withName(target.name) { (name) throws(WASIErrno) in
            _ = try HostCall.check { unlinkat(target.directory, name, AT_REMOVEDIR) }
        }
    }

    /// `path_unlink_file(fd, path)` (`unlinkat`): `isdir` for a directory. A path ending in `/`
    /// names a directory, so it is never a file to unlink (`isdir` or `notdir`).
    func pathUnlinkFile(_ call: WASICall) throws {
        let target = try resolve(try call.bytes(1), under: call.u32(0), requiring: .pathUnlinkFile, follow: false)
        if target.trailingSlash || target.isDirectoryItself {
            let status = try HostCall.status(of: target.name, in: target.directory, follow: false)
            throw FileType(hostMode: status.st_mode) == .directory ? WASIErrno.isdir : WASIErrno.notdir
        }
        do {
            try HostCall.withName(target.name) { (name) throws(WASIErrno) in
                _ = try HostCall.check { unlinkat(target.directory, name, 0) }
            }
        } catch .perm {
            // POSIX lets a host say `perm` for a directory (macOS does); WASI programs expect `isdir`.
            let status = try HostCall.status(of: target.name, in: target.directory, follow: false)
            throw FileType(hostMode: status.st_mode) == .directory ? WASIErrno.isdir : WASIErrno.perm
        }
    }

    /// The attributes of a resolved path's last component (not following a symbolic link: the
    /// resolution already followed the ones it should). A path ending in `/` must name a directory.
    static func status(of target: ResolvedPath) throws(WASIErrno) -> stat {
        let status = try HostCall.status(of: target.name, in: target.directory, follow: false)
        if target.trailingSlash && FileType(hostMode: status.st_mode) != .directory { throw .notdir }
        return status
    }
}
