#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import WasmInterpreter

/// A file's attributes as WASI describes them (`filestat`): times in nanoseconds since the epoch.
struct FileStatus {
    var device: UInt64 = 0
    var inode: UInt64 = 0
    var fileType: FileType = .unknown
    var linkCount: UInt64 = 0
    var size: UInt64 = 0
    var accessTime: UInt64 = 0
    var modificationTime: UInt64 = 0
    var changeTime: UInt64 = 0

    /// The record's size in linear memory.
    static let byteCount: UInt32 = 64

    /// The attributes the host reports.
    init(_ host: stat) {
        device = UInt64(truncatingIfNeeded: host.st_dev)
        inode = UInt64(truncatingIfNeeded: host.st_ino)
        fileType = FileType(hostMode: host.st_mode)
        linkCount = UInt64(truncatingIfNeeded: host.st_nlink)
        size = UInt64(truncatingIfNeeded: host.st_size)
        #if canImport(Darwin)
        accessTime = Self.nanoseconds(host.st_atimespec)
        modificationTime = Self.nanoseconds(host.st_mtimespec)
        changeTime = Self.nanoseconds(host.st_ctimespec)
        #else
        accessTime = Self.nanoseconds(host.st_atim)
        modificationTime = Self.nanoseconds(host.st_mtim)
        changeTime = Self.nanoseconds(host.st_ctim)
        #endif
    }

    /// Attributes of something that is not a host file (an in-memory stream).
    init(fileType: FileType) {
        self.fileType = fileType
        linkCount = 1
    }

    /// Writes the `filestat` record (64 bytes) at `address`.
    func store(in memory: GuestMemory, at address: UInt32) throws(Trap) {
        _ = try memory.offset(address, count: Int(Self.byteCount))
        try memory.store(device, at: address)
        try memory.store(inode, at: address + 8)
        try memory.store(UInt64(fileType.rawValue), at: address + 16)  // the type byte, padding zeroed
        try memory.store(linkCount, at: address + 24)
        try memory.store(size, at: address + 32)
        try memory.store(accessTime, at: address + 40)
        try memory.store(modificationTime, at: address + 48)
        try memory.store(changeTime, at: address + 56)
    }

    /// Nanoseconds since the epoch; times before it, which WASI cannot express, are 0.
    static func nanoseconds(_ time: timespec) -> UInt64 {
        guard time.tv_sec >= 0 else { return 0 }
        let (seconds, overflow) = UInt64(time.tv_sec).multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return .max }
        return seconds &+ UInt64(max(time.tv_nsec, 0))
    }
}

extension FileType {
    /// The WASI type of a host file mode (`st_mode`). FIFOs have no WASI type: `unknown`.
    init(hostMode mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regularFile
        case S_IFDIR: self = .directory
        case S_IFLNK: self = .symbolicLink
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFSOCK: self = .socketStream
        default: self = .unknown
        }
    }
}
