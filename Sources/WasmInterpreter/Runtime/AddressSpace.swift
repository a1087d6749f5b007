#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reserved address space for linear memories: a range mapped without access that is made
/// readable and writable (committed) in place as the memory grows. The system provides committed
/// pages zeroed and only backs them with physical memory when they are first touched.
enum AddressSpace {
    /// Reserves `byteCount` bytes (a multiple of the system page size) without access; nil when
    /// the system refuses.
    static func reserve(_ byteCount: Int) -> UnsafeMutableRawPointer? {
        #if canImport(Darwin)
        let flags = MAP_PRIVATE | MAP_ANON | MAP_NORESERVE
        #else
        let flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE
        #endif
        guard byteCount > 0, let pointer = mmap(nil, byteCount, PROT_NONE, flags, -1, 0),
              pointer != UnsafeMutableRawPointer(bitPattern: -1) else {
            return nil
        }
        return pointer
    }

    /// Makes `byteCount` bytes at `address` (inside a reservation, page-aligned) readable and
    /// writable; false when the system cannot commit them.
    static func commit(_ address: UnsafeMutableRawPointer, _ byteCount: Int) -> Bool {
        byteCount == 0 || mprotect(address, byteCount, PROT_READ | PROT_WRITE) == 0
    }

    /// Returns a reservation to the system.
    static func release(_ address: UnsafeMutableRawPointer, _ byteCount: Int) {
        _ = munmap(address, byteCount)
    }
}
