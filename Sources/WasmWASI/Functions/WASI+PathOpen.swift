#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension WASI {
    /// `path_open(fd, dirflags, path, oflags, rights_base, rights_inheriting, fdflags) -> fd`.
    ///
    /// The new descriptor gets the rights asked for, limited to what the directory may pass on
    /// (its inheriting rights) and to what applies to what was opened. The host file is opened
    /// for reading and/or writing as those rights say.
    func pathOpen(_ call: WASICall) throws {
        let parent = try descriptors.get(call.u32(0))
        let directory = try parent.directory()
        let lookup = LookupFlags(rawValue: call.u32(1))
        let path = try call.bytes(2)
        guard call.u32(4) <= UInt16.max, call.u32(7) <= UInt16.max else { throw WASIErrno.inval }
        let openFlags = OpenFlags(rawValue: UInt16(call.u32(4)))
        let fdFlags = FDFlags(rawValue: UInt16(call.u32(7)))
        guard OpenFlags.all.isSuperset(of: openFlags), FDFlags.all.isSuperset(of: fdFlags) else { throw WASIErrno.inval }

        var needed: Rights = .pathOpen
        if openFlags.contains(.create) { needed.insert(.pathCreateFile) }
        if openFlags.contains(.truncate) { needed.insert(.pathFilestatSetSize) }
        try parent.require(needed)
        // Synchronised writes are the directory's to pass on, like the rights to sync.
        var passedOn: Rights = []
        if fdFlags.contains(.dsync) { passedOn.insert(.fdDatasync) }
        if !fdFlags.isDisjoint(with: [.rsync, .sync]) { passedOn.insert(.fdSync) }
        guard parent.inheritingRights.isSuperset(of: passedOn) else { throw WASIErrno.notcapable }
        var rights = Rights(rawValue: call.u64(5)).intersection(parent.inheritingRights)
        let inheriting = Rights(rawValue: call.u64(6)).intersection(parent.inheritingRights)

        // An exclusive create never follows a final symbolic link: it must not exist at all.
        let exclusiveCreate = openFlags.isSuperset(of: [.create, .exclusive])
        let resolved = try PathResolver.resolve(path, from: directory,
                                                followFinal: lookup.contains(.symlinkFollow) && !exclusiveCreate)
        if resolved.trailingSlash && openFlags.contains(.create) && !openFlags.contains(.directory) {
            throw WASIErrno.isdir
        }
        let flags = Self.hostOpenFlags(openFlags, fdFlags, rights: rights, trailingSlash: resolved.trailingSlash)
        let fd = try HostCall.open(resolved.name, in: resolved.directory, flags: flags)
        let host = HostDescriptor(fd: fd)
        let fileType = FileType(hostMode: try HostCall.status(of: fd).st_mode)
        switch fileType {
        case .directory: rights.formIntersection(.directory)
        case .regularFile: rights.formIntersection(.regularFile)
        default: rights.formIntersection(Rights.stream.union([.fdSeek, .fdTell]))
        }
        let number = try descriptors.insert(Descriptor(target: .host(host), fileType: fileType,
                                                       rights: rights, inheritingRights: inheriting))
        do {
            try call.memory.store(number, at: call.u32(8))
        } catch {
            _ = try? descriptors.remove(number)
            throw error
        }
    }

    /// The host's `openat` flags for WASI's: never following a symbolic link (resolution did
    /// that), read and/or write access from the rights.
    static func hostOpenFlags(_ openFlags: OpenFlags, _ fdFlags: FDFlags, rights: Rights, trailingSlash: Bool) -> Int32 {
        var flags = O_CLOEXEC | O_NOFOLLOW | O_NOCTTY
        if openFlags.contains(.create) { flags |= O_CREAT }
        if openFlags.contains(.exclusive) { flags |= O_EXCL }
        if openFlags.contains(.truncate) { flags |= O_TRUNC }
        if openFlags.contains(.directory) || trailingSlash { flags |= O_DIRECTORY }
        let reads = !rights.isDisjoint(with: [.fdRead, .fdReaddir])
        let writes = !rights.isDisjoint(with: [.fdWrite, .fdAllocate, .fdFilestatSetSize, .fdDatasync])
        if !writes {
            flags |= O_RDONLY
        } else {
            flags |= reads ? O_RDWR : O_WRONLY
        }
        if fdFlags.contains(.append) { flags |= O_APPEND }
        if fdFlags.contains(.nonblock) { flags |= O_NONBLOCK }
        if fdFlags.contains(.dsync) { flags |= O_DSYNC }
        if fdFlags.contains(.sync) { flags |= O_SYNC }
        #if !canImport(Darwin)
        if fdFlags.contains(.rsync) { flags |= O_RSYNC }
        #endif
        return flags
    }
}
