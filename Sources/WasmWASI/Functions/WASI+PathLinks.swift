#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension WASI {
    /// `path_rename(fd, old_path, new_fd, new_path)` (`renameat`). A path ending in `/` on
    /// either side means the source must be a directory.
    func pathRename(_ call: WASICall) throws {
        let source = try resolve(try call.bytes(1), under: call.u32(0), requiring: .pathRenameSource,
                                 follow: false, slashFollows: false)
        let destination = try resolve(try call.bytes(4), under: call.u32(3), requiring: .pathRenameTarget,
                                      follow: false, slashFollows: false)
        if source.trailingSlash || destination.trailingSlash {
            let status = try HostCall.status(of: source.name, in: source.directory, follow: false)
            guard FileType(hostMode: status.st_mode) == .directory else { throw WASIErrno.notdir }
        }
        try HostCall.withName(source.name) { (old) throws(WASIErrno) in
            try HostCall.withName(destination.name) { (new) throws(WASIErrno) in
                _ = try HostCall.check { renameat(source.directory, old, destination.directory, new) }
            }
        }
    }

    /// `path_link(old_fd, old_flags, old_path, new_fd, new_path)` (`linkat`). With
    /// `symlink_follow`, a symbolic link at `old_path` is followed (here, within the sandbox).
    func pathLink(_ call: WASICall) throws {
        let follow = LookupFlags(rawValue: call.u32(1)).contains(.symlinkFollow)
        let source = try resolve(try call.bytes(2), under: call.u32(0), requiring: .pathLinkSource, follow: follow)
        let destination = try resolve(try call.bytes(5), under: call.u32(4), requiring: .pathLinkTarget,
                                      follow: false, slashFollows: false)
        let sourceStatus = try Self.status(of: source)
        if FileType(hostMode: sourceStatus.st_mode) == .directory { throw WASIErrno.perm }
        if destination.trailingSlash {
            // A new name ending in `/` would have to be a directory: one that exists is in the way.
            _ = try HostCall.status(of: destination.name, in: destination.directory, follow: false)
            throw WASIErrno.exist
        }
        try HostCall.withName(source.name) { (old) throws(WASIErrno) in
            try HostCall.withName(destination.name) { (new) throws(WASIErrno) in
                _ = try HostCall.check { linkat(source.directory, old, destination.directory, new, 0) }
            }
        }
    }

    /// `path_symlink(old_path, fd, new_path)` (`symlinkat`): a link whose contents are
    /// `old_path`. Absolute contents are refused (`notcapable`): no path inside the sandbox
    /// starts with `/`, so such a link could only point out of it.
    func pathSymlink(_ call: WASICall) throws {
        let contents = try call.bytes(0)
        let target = try resolve(try call.bytes(3), under: call.u32(2), requiring: .pathSymlink,
                                 follow: false, slashFollows: false)
        guard !contents.isEmpty else { throw WASIErrno.noent }
        guard contents.first != PathResolver.slash else { throw WASIErrno.notcapable }
        if target.trailingSlash {
            _ = try HostCall.status(of: target.name, in: target.directory, follow: false)
            throw WASIErrno.exist
        }
        try HostCall.withName(contents) { (old) throws(WASIErrno) in
            try HostCall.withName(target.name) { (new) throws(WASIErrno) in
                _ = try HostCall.check { symlinkat(old, target.directory, new) }
            }
        }
    }
}
