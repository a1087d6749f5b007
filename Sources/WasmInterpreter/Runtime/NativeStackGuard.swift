#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps nested invocations off the end of the native stack.
///
/// Wasm calls never recurse on the native stack, but a host function that calls back into wasm
/// does: each host → wasm → host level costs native frames (the host closure, the invocation,
/// the interpreter's entry). Before an invocation starts, the guard compares the current stack
/// position with the lowest address of the running thread's stack, which it asks the system for
/// (`pthread_getattr_np`, or `pthread_get_stackaddr_np` on Darwin) once per thread and caches;
/// with less than `reserve` bytes left, the invocation is refused with "call stack exhausted"
/// instead of overflowing. When the system does not say where the stack is, nothing is checked.
struct NativeStackGuard {
    /// Bytes that must be left below the current position for an invocation to start.
    let reserve: UInt
    /// The thread whose stack bound is cached, and that bound (nil: unknown).
    private var cachedThread: pthread_t?
    private var cachedLowestAddress: UInt?

    init(reserve: Int) {
        self.reserve = UInt(max(reserve, 0))
    }

    /// True when the calling thread has at least `reserve` bytes of stack left (or its stack's
    /// bounds are unknown).
    mutating func hasRoom() -> Bool {
        let thread = pthread_self()
        if cachedThread.map({ pthread_equal($0, thread) == 0 }) ?? true {
            cachedThread = thread
            cachedLowestAddress = Self.lowestAddress(of: thread)
        }
        guard let lowest = cachedLowestAddress else { return true }
        let position = Self.currentPosition()
        return position > lowest && position - lowest >= reserve
    }

    /// An address in the caller's frame: where the stack is now.
    @inline(never)
    static func currentPosition() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }

    /// The lowest address of `thread`'s stack (stacks grow down), or nil when the system does not say.
    static func lowestAddress(of thread: pthread_t) -> UInt? {
        #if canImport(Darwin)
        let top = UInt(bitPattern: pthread_get_stackaddr_np(thread))
        let size = UInt(pthread_get_stacksize_np(thread))
        return top > size ? top - size : nil
        #else
        guard let getAttributes = getThreadAttributes else { return nil }
        var attributes = pthread_attr_t()
        guard getAttributes(thread, &attributes) == 0 else { return nil }
        defer { pthread_attr_destroy(&attributes) }
        var address: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attributes, &address, &size) == 0, let address else { return nil }
        return UInt(bitPattern: address)
        #endif
    }

    #if !canImport(Darwin)
    /// `pthread_getattr_np`, a GNU extension the Glibc module does not declare (it needs
    /// `_GNU_SOURCE`), looked up in the C library once; musl has it too.
    static let getThreadAttributes: (@convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> CInt)? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "pthread_getattr_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> CInt).self)
    }()
    #endif
}
