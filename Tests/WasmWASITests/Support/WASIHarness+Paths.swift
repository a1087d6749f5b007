import WasmInterpreter
import WasmWASI

/// The path functions with Swift arguments: each returns the errno and what the call produced.
extension WASIHarness {
    static let allRights: UInt64 = (1 << 30) - 1
    /// Every right but the writing ones (`fd_datasync`, `fd_write`, `fd_allocate`,
    /// `fd_filestat_set_size`): asking a directory for those is `isdir`, as on the host.
    static let directoryRights: UInt64 = allRights & ~(1 << 0 | 1 << 6 | 1 << 8 | 1 << 22)
    static let create: UInt16 = 1, directory: UInt16 = 2, exclusive: UInt16 = 4, truncate: UInt16 = 8

    /// `path_open`: the errno and, on success, the new descriptor.
    func open(_ path: String, in directory: UInt32 = 3, follow: Bool = true, flags: UInt16 = 0,
              rights: UInt64 = allRights, fdFlags: UInt16 = 0) throws -> (WASIErrno, UInt32?) {
        let (address, length) = try place(path)
        try memory.write([0xff, 0xff, 0xff, 0xff], at: Int(Self.result))
        let errno = try call("path_open", .fd(directory), .u32(follow ? 1 : 0), address, length, .u32(UInt32(flags)),
                             .u64(rights), .u64(rights), .u32(UInt32(fdFlags)), .u32(Self.result))
        return (errno, errno == .success ? try u32(at: Self.result) : nil)
    }

    /// `path_filestat_get`: the errno and the 64-byte filestat (all 0xff where nothing was written).
    func stat(_ path: String, in directory: UInt32 = 3, follow: Bool = true) throws -> (WASIErrno, [UInt8]) {
        let (address, length) = try place(path)
        try memory.write([UInt8](repeating: 0xff, count: 64), at: Int(Self.buffer))
        let errno = try call("path_filestat_get", .fd(directory), .u32(follow ? 1 : 0), address, length, .u32(Self.buffer))
        return (errno, try memory.read(at: Int(Self.buffer), count: 64))
    }

    func createDirectory(_ path: String, in directory: UInt32 = 3) throws -> WASIErrno {
        let (address, length) = try place(path)
        return try call("path_create_directory", .fd(directory), address, length)
    }

    func unlink(_ path: String, in directory: UInt32 = 3) throws -> WASIErrno {
        let (address, length) = try place(path)
        return try call("path_unlink_file", .fd(directory), address, length)
    }

    func removeDirectory(_ path: String, in directory: UInt32 = 3) throws -> WASIErrno {
        let (address, length) = try place(path)
        return try call("path_remove_directory", .fd(directory), address, length)
    }

    func rename(_ old: String, to new: String, in directory: UInt32 = 3) throws -> WASIErrno {
        let (oldAddress, oldLength) = try place(old)
        let (newAddress, newLength) = try place(new, at: Self.pathB)
        return try call("path_rename", .fd(directory), oldAddress, oldLength, .fd(directory), newAddress, newLength)
    }

    func link(_ old: String, to new: String, in directory: UInt32 = 3, follow: Bool = false) throws -> WASIErrno {
        let (oldAddress, oldLength) = try place(old)
        let (newAddress, newLength) = try place(new, at: Self.pathB)
        return try call("path_link", .fd(directory), .u32(follow ? 1 : 0), oldAddress, oldLength, .fd(directory),
                        newAddress, newLength)
    }

    /// `path_symlink`: a link at `path` whose contents are `contents`.
    func symlink(_ contents: String, at path: String, in directory: UInt32 = 3) throws -> WASIErrno {
        let (contentsAddress, contentsLength) = try place(contents)
        let (pathAddress, pathLength) = try place(path, at: Self.pathB)
        return try call("path_symlink", contentsAddress, contentsLength, .fd(directory), pathAddress, pathLength)
    }

    /// `path_readlink`: the errno and the link's contents.
    func readlink(_ path: String, in directory: UInt32 = 3) throws -> (WASIErrno, String) {
        let (address, length) = try place(path)
        let errno = try call("path_readlink", .fd(directory), address, length, .u32(Self.buffer), .u32(256), .u32(Self.result))
        guard errno == .success else { return (errno, "") }
        let count = try u32(at: Self.result)
        return (errno, String(decoding: try memory.read(at: Int(Self.buffer), count: Int(count)), as: UTF8.self))
    }

    /// `path_filestat_set_times`, setting both times to `nanoseconds`.
    func setTimes(_ path: String, to nanoseconds: UInt64, in directory: UInt32 = 3, follow: Bool = true) throws -> WASIErrno {
        let (address, length) = try place(path)
        let bothTimes: UInt32 = 1 | 4
        return try call("path_filestat_set_times", .fd(directory), .u32(follow ? 1 : 0), address, length,
                        .u64(nanoseconds), .u64(nanoseconds), .u32(bothTimes))
    }

    /// `fd_read` into one buffer: the errno and the bytes read.
    func read(_ fd: UInt32, count: UInt32 = 4096) throws -> (WASIErrno, [UInt8]) {
        try memory.write(le(Self.buffer) + le(count), at: Int(Self.result))
        let errno = try call("fd_read", .fd(fd), .u32(Self.result), .u32(1), .u32(Self.result + 8))
        guard errno == .success else { return (errno, []) }
        return (errno, try memory.read(at: Int(Self.buffer), count: Int(try u32(at: Self.result + 8))))
    }

    /// `fd_write` of `bytes` from one buffer.
    func write(_ fd: UInt32, _ bytes: [UInt8]) throws -> WASIErrno {
        try memory.write(bytes, at: Int(Self.buffer))
        try memory.write(le(Self.buffer) + le(UInt32(bytes.count)), at: Int(Self.result))
        return try call("fd_write", .fd(fd), .u32(Self.result), .u32(1), .u32(Self.result + 8))
    }

    private func le(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
}
