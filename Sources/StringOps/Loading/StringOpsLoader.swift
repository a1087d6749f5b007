/// What loading stringOps produced: the operations to use and, when they are the Swift fallback,
/// why the WebAssembly module could not be used.
public struct StringOpsLoadResult: Sendable {
    /// The WebAssembly wrapper, or the Swift fallback if the module could not be used.
    public let operations: any StringOperations
    /// Why the fallback is in use: the module was missing, corrupt, invalid, lacked an export or
    /// failed to link. Nil when WebAssembly loaded.
    public let fallbackReason: HostingError?

    /// A result with these operations and, for the fallback, the reason it is used.
    public init(operations: any StringOperations, fallbackReason: HostingError?) {
        self.operations = operations
        self.fallbackReason = fallbackReason
    }

    /// The backend that answers calls.
    public var backend: ExecutionBackend { operations.backend }

    /// The WebAssembly wrapper, when it loaded.
    public var webAssembly: WasmStringOps? { operations as? WasmStringOps }
}

/// Loads the stringOps module, falling back to ``SwiftStringOps`` when it cannot be used (the
/// guide's `loadStringOps`, with the reason kept instead of only logged).
public enum StringOpsLoader {
    /// Loads the module from `source` (by default the copy built into this library).
    public static func load(
        from source: ModuleSource = .bytes(StringOpsModule.bytes),
        configuration: HostConfiguration = HostConfiguration()
    ) -> StringOpsLoadResult {
        do throws(HostingError) {
            let wrapper = try WasmStringOps(bytes: source.readBytes(), configuration: configuration)
            return StringOpsLoadResult(operations: wrapper, fallbackReason: nil)
        } catch {
            return StringOpsLoadResult(operations: SwiftStringOps(), fallbackReason: error)
        }
    }
}
