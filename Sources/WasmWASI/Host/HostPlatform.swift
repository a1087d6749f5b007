#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The host's constants that Swift's C modules do not import, and the flags every lookup uses.
enum HostPlatform {
    #if os(Linux)
    /// `O_PATH` (Linux: 010000000 on every architecture Swift supports): a directory opened only
    /// to resolve names under it needs search permission, not read permission.
    static let pathOnly: Int32 = 0o10_000_000
    /// `UTIME_NOW` and `UTIME_OMIT` for `futimens`/`utimensat` (Linux values).
    static let timeNow = (1 << 30) - 1
    static let timeOmit = (1 << 30) - 2
    #else
    static let pathOnly: Int32 = O_RDONLY
    static let timeNow = -1
    static let timeOmit = -2
    #endif

    /// How an intermediate directory of a path is opened: never through a symbolic link.
    static let directoryLookup = pathOnly | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC
}
