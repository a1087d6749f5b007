#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import WasmInterpreter

/// One entry of a directory, as `fd_readdir` reports it.
struct DirectoryEntry {
    var name: [UInt8]
    var inode: UInt64
    var fileType: FileType

    /// The size of a `dirent` header in linear memory; the name follows it.
    static let headerSize = 24
}

/// Reading a whole directory, and laying entries out as `fd_readdir` returns them.
enum DirectoryListing {
    /// Every entry of the host directory `directory`, `.` and `..` included, in the host's order.
    static func read(_ directory: Int32) throws(WASIErrno) -> [DirectoryEntry] {
        // A descriptor of our own: the stream owns it, and reading does not move the guest's.
        let fd = try HostCall.open(PathResolver.dot, in: directory, flags: O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard let stream = fdopendir(fd) else {
            let code = errno
            HostCall.close(fd)
            throw WASIErrno(hostErrno: code)
        }
        defer { closedir(stream) }
        var entries: [DirectoryEntry] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { throw WASIErrno(hostErrno: errno) }
                return entries
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix(while: { $0 != 0 }))
            }
            var fileType = Self.fileType(entry.pointee.d_type)
            if fileType == nil {
                fileType = (try? HostCall.status(of: name, in: directory, follow: false)).map { FileType(hostMode: $0.st_mode) }
            }
            entries.append(DirectoryEntry(name: name, inode: UInt64(truncatingIfNeeded: entry.pointee.d_ino),
                                          fileType: fileType ?? .unknown))
        }
    }

    /// The WASI type for a `d_type`, or nil when the host did not say (`DT_UNKNOWN`).
    static func fileType(_ type: UInt8) -> FileType? {
        switch Int(type) {
        case Int(DT_REG): return .regularFile
        case Int(DT_DIR): return .directory
        case Int(DT_LNK): return .symbolicLink
        case Int(DT_CHR): return .characterDevice
        case Int(DT_BLK): return .blockDevice
        case Int(DT_SOCK): return .socketStream
        case Int(DT_UNKNOWN): return nil
        default: return .unknown
        }
    }

    /// Writes entries from index `cookie` on into `buffer`: each a 24-byte `dirent` (next cookie,
    /// inode, name length, type) and its name, the last one cut off where the buffer ends.
    /// Returns the bytes written; fewer than the buffer's size means the end was reached.
    static func write(_ entries: [DirectoryEntry], from cookie: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        var used = 0
        var index = cookie
        var header = [UInt8](repeating: 0, count: DirectoryEntry.headerSize)
        while index < UInt64(entries.count), used < buffer.count {
            let entry = entries[Int(index)]
            index += 1
            header.withUnsafeMutableBytes { raw in
                raw.storeBytes(of: index.littleEndian, toByteOffset: 0, as: UInt64.self)
                raw.storeBytes(of: entry.inode.littleEndian, toByteOffset: 8, as: UInt64.self)
                raw.storeBytes(of: UInt32(entry.name.count).littleEndian, toByteOffset: 16, as: UInt32.self)
                raw.storeBytes(of: UInt32(entry.fileType.rawValue).littleEndian, toByteOffset: 20, as: UInt32.self)
            }
            for part in [header, entry.name] {
                let count = min(part.count, buffer.count - used)
                part.withUnsafeBytes { source in
                    UnsafeMutableRawBufferPointer(rebasing: buffer[used..<(used + count)])
                        .copyMemory(from: UnsafeRawBufferPointer(rebasing: source[..<count]))
                }
                used += count
            }
        }
        return used
    }
}
