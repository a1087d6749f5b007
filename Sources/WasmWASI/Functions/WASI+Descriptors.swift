#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension WASI {
    /// `fd_close(fd)`. Preopened directories can be closed too.
    func fdClose(_ call: WASICall) throws {
        try descriptors.remove(call.u32(0))
    }

    /// `fd_renumber(fd, to)`: `to` (which must be open) is closed and `fd` takes its number.
    func fdRenumber(_ call: WASICall) throws {
        try descriptors.renumber(call.u32(0), to: call.u32(1))
    }

    /// `fd_prestat_get(fd) -> prestat`: for a preopened directory, tag 0 and its name's length;
    /// `badf` for any other descriptor (which ends a program's scan of its preopens).
    func fdPrestatGet(_ call: WASICall) throws {
        guard let name = try descriptors.get(call.u32(0)).preopenName else { throw WASIErrno.badf }
        try call.memory.store(UInt32(0), at: call.u32(1))
        try call.memory.store(UInt32(name.count), at: GuestMemory.advance(call.u32(1), by: 4))
    }

    /// `fd_prestat_dir_name(fd, path, path_len)`: the preopened directory's guest path.
    func fdPrestatDirName(_ call: WASICall) throws {
        guard let name = try descriptors.get(call.u32(0)).preopenName else { throw WASIErrno.badf }
        guard call.u32(2) >= name.count else { throw WASIErrno.nametoolong }
        try call.memory.write(name, at: call.u32(1))
    }

    /// `fd_fdstat_get(fd) -> fdstat`: type, flags and rights (24 bytes).
    func fdFdstatGet(_ call: WASICall) throws {
        let descriptor = try descriptors.get(call.u32(0))
        let address = call.u32(1)
        _ = try call.memory.offset(address, count: 24)
        try call.memory.store(UInt16(descriptor.fileType.rawValue), at: address)
        try call.memory.store(try descriptor.flags().rawValue, at: address + 2)
        try call.memory.store(UInt32(0), at: address + 4)
        try call.memory.store(descriptor.rights.rawValue, at: address + 8)
        try call.memory.store(descriptor.inheritingRights.rawValue, at: address + 16)
    }

    /// `fd_fdstat_set_flags(fd, flags)`: `append` and `nonblock` can be changed; the
    /// synchronisation flags are fixed when a file is opened (`notsup` to change them). On the
    /// process's own standard streams the change is recorded, not made (see `streamFlags`).
    func fdFdstatSetFlags(_ call: WASICall) throws {
        let descriptor = try descriptors.get(call.u32(0), requiring: .fdFdstatSetFlags)
        guard call.u32(1) <= UInt16.max else { throw WASIErrno.inval }
        let requested = FDFlags(rawValue: UInt16(call.u32(1)))
        guard FDFlags.all.isSuperset(of: requested) else { throw WASIErrno.inval }
        let fixed: FDFlags = [.dsync, .rsync, .sync]
        let current = try descriptor.flags()
        guard requested.intersection(fixed) == current.intersection(fixed) else { throw WASIErrno.notsup }
        guard descriptor.ownsHostFlags, case .host(let host) = descriptor.target else {
            descriptor.streamFlags = requested.intersection([.append, .nonblock])
            return
        }
        var hostFlags = try HostCall.check { fcntl(host.fd, F_GETFL) }
        hostFlags &= ~(O_APPEND | O_NONBLOCK)
        if requested.contains(.append) { hostFlags |= O_APPEND }
        if requested.contains(.nonblock) { hostFlags |= O_NONBLOCK }
        _ = try HostCall.check { fcntl(host.fd, F_SETFL, hostFlags) }
    }

    /// `fd_fdstat_set_rights(fd, base, inheriting)`: rights can be dropped, never added
    /// (`notcapable`).
    func fdFdstatSetRights(_ call: WASICall) throws {
        let descriptor = try descriptors.get(call.u32(0))
        let rights = Rights(rawValue: call.u64(1)), inheriting = Rights(rawValue: call.u64(2))
        guard descriptor.rights.isSuperset(of: rights), descriptor.inheritingRights.isSuperset(of: inheriting) else {
            throw WASIErrno.notcapable
        }
        descriptor.rights = rights
        descriptor.inheritingRights = inheriting
    }
}

extension Descriptor {
    /// The descriptor's flags: a host descriptor's from the host (`F_GETFL`), with `append` and
    /// `nonblock` as recorded for the process's own standard streams.
    func flags() throws(WASIErrno) -> FDFlags {
        guard case .host(let host) = target else { return streamFlags }
        let hostFlags = try HostCall.check { fcntl(host.fd, F_GETFL) }
        var flags: FDFlags = host.sharedWithProcess ? streamFlags : []
        if !host.sharedWithProcess && hostFlags & O_APPEND != 0 { flags.insert(.append) }
        if !host.sharedWithProcess && hostFlags & O_NONBLOCK != 0 { flags.insert(.nonblock) }
        if hostFlags & O_SYNC == O_SYNC {
            flags.insert(.sync)
        } else if hostFlags & O_DSYNC != 0 {
            flags.insert(.dsync)
        }
        return flags
    }
}
