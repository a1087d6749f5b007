#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Calls into the host's C library, with `errno` turned into a `WASIErrno` and interrupted calls
/// retried.
enum HostCall {
    /// The result of a call that returns -1 and sets `errno` on failure.
    @inline(__always)
    static func check<T: BinaryInteger>(_ call: () -> T) throws(WASIErrno) -> T {
        while true {
            let result = call()
            if result != -1 { return result }
            let code = errno
            if code != EINTR { throw WASIErrno(hostErrno: code) }
        }
    }

    /// Runs `body` with `name` as a NUL-terminated C string; a name containing NUL is `inval`.
    static func withName<R>(_ name: [UInt8], _ body: (UnsafePointer<CChar>) throws(WASIErrno) -> R) throws(WASIErrno) -> R {
        guard !name.contains(0) else { throw .inval }
        var terminated = name
        terminated.append(0)
        return try terminated.withUnsafeBufferPointer { (buffer) throws(WASIErrno) -> R in
            guard let base = buffer.baseAddress else { throw .inval }
            return try base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { (pointer) throws(WASIErrno) -> R in
                try body(pointer)
            }
        }
    }

    /// `openat(directory, name, flags, mode)`: a new host descriptor.
    static func open(_ name: [UInt8], in directory: Int32, flags: Int32, mode: mode_t = 0o666) throws(WASIErrno) -> Int32 {
        try withName(name) { (path) throws(WASIErrno) -> Int32 in
            try check { openat(directory, path, flags, mode) }
        }
    }

    /// `fstatat` (without following a final symbolic link when `follow` is false).
    static func status(of name: [UInt8], in directory: Int32, follow: Bool) throws(WASIErrno) -> stat {
        var result = stat()
        _ = try withName(name) { (path) throws(WASIErrno) -> Int32 in
            try check { fstatat(directory, path, &result, follow ? 0 : AT_SYMLINK_NOFOLLOW) }
        }
        return result
    }

    /// `fstat`.
    static func status(of descriptor: Int32) throws(WASIErrno) -> stat {
        var result = stat()
        _ = try check { fstat(descriptor, &result) }
        return result
    }

    /// The contents of the symbolic link `name`, or nil when `name` is not a symbolic link.
    static func linkTarget(_ name: [UInt8], in directory: Int32) throws(WASIErrno) -> [UInt8]? {
        var capacity = 256
        while true {
            let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
            defer { buffer.deallocate() }
            let count: Int
            do {
                count = try withName(name) { (path) throws(WASIErrno) -> Int in
                    try check { readlinkat(directory, path, buffer, capacity) }
                }
            } catch .inval {
                return nil
            }
            if count < capacity {
                return UnsafeRawBufferPointer(start: buffer, count: count).map { $0 }
            }
            guard capacity < 1 << 20 else { throw .nametoolong }
            capacity *= 4
        }
    }

    /// Closes a descriptor this module opened (errors on close are not reported: the descriptor
    /// is gone either way).
    static func close(_ descriptor: Int32) {
        #if canImport(Glibc)
        _ = Glibc.close(descriptor)
        #elseif canImport(Musl)
        _ = Musl.close(descriptor)
        #elseif canImport(Darwin)
        _ = Darwin.close(descriptor)
        #endif
    }
}
