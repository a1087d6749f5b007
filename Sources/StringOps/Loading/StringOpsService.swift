import Synchronization

/// The guide's "optional enhancement" pattern: usable at once on the Swift fallback, it loads the
/// WebAssembly module in the background and switches to it when loading succeeds.
///
/// Every call gets the same answer whichever backend runs it (the fallback has the module's exact
/// semantics), so calls made while loading are as correct as calls made after. A call WebAssembly
/// cannot serve (say, an input beyond its memory's maximum) is answered by the fallback, so the
/// service never fails.
public final class StringOpsService: StringOperations {
    private let state: ServiceState
    private let loading: Task<StringOpsLoadResult, Never>

    /// Starts on the fallback and begins loading with `loader` (by default, the built-in module).
    public init(
        loader: @escaping @Sendable () async -> StringOpsLoadResult = { StringOpsLoader.load() }
    ) {
        let state = ServiceState()
        self.state = state
        self.loading = Task.detached {
            let result = await loader()
            state.switchTo(result.operations)
            return result
        }
    }

    /// The backend answering calls now: `.swift` until loading succeeds.
    public var backend: ExecutionBackend { state.current.backend }

    /// Waits for loading to finish and tells how it went.
    public func waitUntilLoaded() async -> StringOpsLoadResult {
        await loading.value
    }

    /// The last error WebAssembly reported for a call the fallback then answered.
    public var lastFallbackError: HostingError? { state.lastFallbackError }

    /// The 32-bit FNV-1a hash of the bytes; never fails (the fallback answers when WebAssembly cannot).
    public func hash(_ bytes: [UInt8]) -> UInt32 {
        answer { (operations) throws(HostingError) in try operations.hash(bytes) } fallback: { $0.hash(bytes) }
    }

    /// Compares the bytes as unsigned values: -1, 0 or 1; never fails (the fallback answers when
    /// WebAssembly cannot).
    public func compare(_ first: [UInt8], _ second: [UInt8]) -> Int {
        answer { (operations) throws(HostingError) in try operations.compare(first, second) } fallback: {
            $0.compare(first, second)
        }
    }

    /// The byte offset of the first occurrence of `needle` in `haystack` (0 for an empty needle), or
    /// nil; never fails (the fallback answers when WebAssembly cannot).
    public func search(_ haystack: [UInt8], for needle: [UInt8]) -> Int? {
        answer { (operations) throws(HostingError) in try operations.search(haystack, for: needle) } fallback: {
            $0.search(haystack, for: needle)
        }
    }

    /// The FNV-1a hash of the string's UTF-8 bytes.
    public func hash(_ text: String) -> UInt32 { hash(Array(text.utf8)) }

    /// Compares the strings' UTF-8 bytes: -1, 0 or 1.
    public func compare(_ first: String, _ second: String) -> Int {
        compare(Array(first.utf8), Array(second.utf8))
    }

    /// The UTF-8 byte offset of the first occurrence of `needle` in `haystack`, or nil.
    public func search(_ haystack: String, for needle: String) -> Int? {
        search(Array(haystack.utf8), for: Array(needle.utf8))
    }

    private func answer<R>(
        _ body: (any StringOperations) throws(HostingError) -> R, fallback: (SwiftStringOps) -> R
    ) -> R {
        do throws(HostingError) {
            return try body(state.current)
        } catch {
            state.recordFallback(error)
            return fallback(SwiftStringOps())
        }
    }
}

/// The service's switchable backend.
private final class ServiceState: Sendable {
    private struct Contents {
        var current: any StringOperations = SwiftStringOps()
        var lastFallbackError: HostingError?
    }
    private let contents = Mutex(Contents())

    var current: any StringOperations { contents.withLock { $0.current } }
    var lastFallbackError: HostingError? { contents.withLock { $0.lastFallbackError } }

    func switchTo(_ operations: any StringOperations) {
        contents.withLock { $0.current = operations }
    }

    func recordFallback(_ error: HostingError) {
        contents.withLock { $0.lastFallbackError = error }
    }
}
