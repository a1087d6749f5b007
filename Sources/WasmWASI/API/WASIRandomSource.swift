#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `random_get` takes its bytes from. Inject one to make a program's randomness repeatable.
public protocol WASIRandomSource {
    /// Fills `buffer` with random bytes. A thrown `WASIErrno` is what `random_get` returns; any
    /// other error returns `io`.
    func fill(_ buffer: UnsafeMutableRawBufferPointer) throws
}

/// The operating system's cryptographically secure random bytes (`getentropy`).
public struct SystemRandomSource: WASIRandomSource {
    /// The system's source.
    public init() {}

    /// Fills `buffer` from `getentropy`, 256 bytes per call; a host failure is its errno.
    public func fill(_ buffer: UnsafeMutableRawBufferPointer) throws {
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
            // getentropy hands out at most 256 bytes per call.
            let chunk = min(256, buffer.count - offset)
            guard getentropy(base + offset, chunk) == 0 else { throw WASIErrno(hostErrno: errno) }
            offset += chunk
        }
    }
}
