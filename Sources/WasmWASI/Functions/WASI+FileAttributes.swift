#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension WASI {
    /// `fd_filestat_get(fd) -> filestat`.
    func fdFilestatGet(_ call: WASICall) throws {
        let descriptor = try descriptors.get(call.u32(0), requiring: .fdFilestatGet)
        try descriptor.status().store(in: call.memory, at: call.u32(1))
    }

    /// `fd_filestat_set_size(fd, size)`: truncates or extends with zeros (`ftruncate`).
    func fdFilestatSetSize(_ call: WASICall) throws {
        let fd = try hostDescriptor(call.u32(0), requiring: .fdFilestatSetSize)
        guard let size = off_t(exactly: call.u64(1)) else { throw WASIErrno.fbig }
        _ = try HostCall.check { ftruncate(fd, size) }
    }

    /// `fd_filestat_set_times(fd, atim, mtim, fst_flags)` (`futimens`).
    func fdFilestatSetTimes(_ call: WASICall) throws {
        let fd = try hostDescriptor(call.u32(0), requiring: .fdFilestatSetTimes)
        var times = try Self.hostTimes(access: call.u64(1), modification: call.u64(2), flags: call.u32(3))
        _ = try HostCall.check { futimens(fd, &times) }
    }

    /// `fd_advise(fd, offset, len, advice)`: passed to the host where it takes advice.
    func fdAdvise(_ call: WASICall) throws {
        let fd = try hostDescriptor(call.u32(0), requiring: .fdAdvise)
        guard call.u32(3) <= UInt8.max, let advice = Advice(rawValue: UInt8(call.u32(3))),
              let offset = off_t(exactly: call.u64(1)), let length = off_t(exactly: call.u64(2)) else {
            throw WASIErrno.inval
        }
        #if os(Linux)
        let hostAdvice: Int32
        switch advice {
        case .normal: hostAdvice = POSIX_FADV_NORMAL
        case .sequential: hostAdvice = POSIX_FADV_SEQUENTIAL
        case .random: hostAdvice = POSIX_FADV_RANDOM
        case .willNeed: hostAdvice = POSIX_FADV_WILLNEED
        case .dontNeed: hostAdvice = POSIX_FADV_DONTNEED
        case .noReuse: hostAdvice = POSIX_FADV_NOREUSE
        }
        let result = posix_fadvise(fd, offset, length, hostAdvice)
        guard result == 0 else { throw WASIErrno(hostErrno: result) }
        #else
        // The host takes no advice: it is only advice, so there is nothing to refuse.
        _ = (advice, offset, length)
        #endif
    }

    /// `fd_allocate(fd, offset, len)`: makes the file at least `offset + len` bytes long, with
    /// the space reserved where the host's file system can reserve it.
    func fdAllocate(_ call: WASICall) throws {
        let fd = try hostDescriptor(call.u32(0), requiring: .fdAllocate)
        guard let offset = off_t(exactly: call.u64(1)), let length = off_t(exactly: call.u64(2)),
              case (let end, false) = offset.addingReportingOverflow(length) else { throw WASIErrno.fbig }
        #if os(Linux)
        let result = posix_fallocate(fd, offset, length)
        if result == 0 { return }
        guard result == EOPNOTSUPP || result == ENOTSUP else { throw WASIErrno(hostErrno: result) }
        #endif
        // No reservation on this host or file system: at least the size is right.
        if try HostCall.status(of: fd).st_size < end {
            _ = try HostCall.check { ftruncate(fd, end) }
        }
    }

    /// `fd_sync(fd)` (`fsync`).
    func fdSync(_ call: WASICall) throws {
        let descriptor = try descriptors.get(call.u32(0), requiring: .fdSync)
        guard let fd = descriptor.host else { return }
        _ = try HostCall.check { fsync(fd) }
    }

    /// `fd_datasync(fd)` (`fdatasync`).
    func fdDatasync(_ call: WASICall) throws {
        let descriptor = try descriptors.get(call.u32(0), requiring: .fdDatasync)
        guard let fd = descriptor.host else { return }
        #if canImport(Darwin)
        _ = try HostCall.check { fsync(fd) }
        #else
        _ = try HostCall.check { fdatasync(fd) }
        #endif
    }

    /// The host descriptor behind guest descriptor `fd`, which must hold `rights`.
    func hostDescriptor(_ fd: UInt32, requiring rights: Rights) throws(WASIErrno) -> Int32 {
        guard let host = try descriptors.get(fd, requiring: rights).host else { throw .badf }
        return host
    }

    /// The two `timespec`s of `futimens`/`utimensat` for WASI's times and `fstflags`: a time set
    /// to a value, to now, or left as it is. Both a value and "now" for one time is `inval`.
    static func hostTimes(access: UInt64, modification: UInt64, flags rawFlags: UInt32) throws(WASIErrno) -> [timespec] {
        guard rawFlags <= UInt16.max else { throw .inval }
        let flags = TimeFlags(rawValue: UInt16(rawFlags))
        guard TimeFlags.all.isSuperset(of: flags),
              !flags.isSuperset(of: [.accessTime, .accessTimeNow]),
              !flags.isSuperset(of: [.modificationTime, .modificationTimeNow]) else { throw .inval }
        func time(_ value: UInt64, set: TimeFlags, now: TimeFlags) -> timespec {
            if flags.contains(now) { return timespec(tv_sec: 0, tv_nsec: HostPlatform.timeNow) }
            guard flags.contains(set) else { return timespec(tv_sec: 0, tv_nsec: HostPlatform.timeOmit) }
            return timespec(tv_sec: Int(value / 1_000_000_000), tv_nsec: Int(value % 1_000_000_000))
        }
        return [time(access, set: .accessTime, now: .accessTimeNow),
                time(modification, set: .modificationTime, now: .modificationTimeNow)]
    }
}
