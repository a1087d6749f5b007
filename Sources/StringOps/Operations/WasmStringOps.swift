import WasmBinary
import WasmInterpreter

/// The stringOps operations run by the WebAssembly module (the guide's `StringOpsWrapper`).
///
/// Strings are UTF-8 encoded and copied into the module's linear memory for the length of one call,
/// then released, so memory never fills up; an input larger than the free memory grows it, up to
/// the configured maximum (``HostingError/inputTooLarge(requiredBytes:maximumBytes:)`` beyond).
/// Safe to call from many tasks at once.
public final class WasmStringOps: StringOperations {
    /// The module and its instances.
    public let host: HostedModule
    /// `host` again, used by the operations without reference counting (`host` keeps it alive).
    private let unretainedHost: Unmanaged<HostedModule>

    /// Loads the module from `bytes` (by default the copy built into this library) and checks
    /// that it exports the three functions with the right types.
    public convenience init(
        bytes: [UInt8] = StringOpsModule.bytes, configuration: HostConfiguration = HostConfiguration()
    ) throws(HostingError) {
        try self.init(host: HostedModule(bytes: bytes, configuration: configuration))
    }

    /// Wraps an already hosted module after checking its exports.
    public init(host: HostedModule) throws(HostingError) {
        try host.requireExports(StringOpsModule.requiredExports)
        self.host = host
        self.unretainedHost = Unmanaged.passUnretained(host)
    }

    /// Always `.webAssembly`.
    public var backend: ExecutionBackend { .webAssembly }

    /// Sends the values the module passes to `env.log` to `handler` (nil drops them).
    public func setLogHandler(_ handler: LogHandler?) {
        host.setLogHandler(handler)
    }

    /// `fastHash`: the FNV-1a hash, read as unsigned.
    public func hash(_ bytes: [UInt8]) throws(HostingError) -> UInt32 {
        try withBytes(of: bytes) { (buffer) throws(HostingError) in try call(.hash, buffer, buffer) }
    }

    /// `fastCompare`: -1, 0 or 1.
    public func compare(_ first: [UInt8], _ second: [UInt8]) throws(HostingError) -> Int {
        try withBytes(of: first) { (first) throws(HostingError) in
            try withBytes(of: second) { (second) throws(HostingError) in Self.ordering(try call(.compare, first, second)) }
        }
    }

    /// `fastSearch`: the byte offset, or nil for the module's -1 (all bits set, which no offset
    /// can be: it would need a haystack of 4 GiB and a needle).
    public func search(_ haystack: [UInt8], for needle: [UInt8]) throws(HostingError) -> Int? {
        try withBytes(of: haystack) { (haystack) throws(HostingError) in
            try withBytes(of: needle) { (needle) throws(HostingError) in Self.offset(try call(.search, haystack, needle)) }
        }
    }

    /// `fastHash` of the string's UTF-8 bytes, copied straight from the string into linear memory.
    public func hash(_ text: String) throws(HostingError) -> UInt32 {
        try withBytes(of: text) { (buffer) throws(HostingError) in try call(.hash, buffer, buffer) }
    }

    /// `fastCompare` of the strings' UTF-8 bytes: -1, 0 or 1.
    public func compare(_ first: String, _ second: String) throws(HostingError) -> Int {
        try withBytes(of: first) { (first) throws(HostingError) in
            try withBytes(of: second) { (second) throws(HostingError) in Self.ordering(try call(.compare, first, second)) }
        }
    }

    /// `fastSearch` in the strings' UTF-8 bytes: the byte offset, or nil.
    public func search(_ haystack: String, for needle: String) throws(HostingError) -> Int? {
        try withBytes(of: haystack) { (haystack) throws(HostingError) in
            try withBytes(of: needle) { (needle) throws(HostingError) in Self.offset(try call(.search, haystack, needle)) }
        }
    }

    /// Runs `operation` on the hosted module.
    private func call(_ operation: StringOpsOperation, _ first: UnsafeRawBufferPointer,
                      _ second: UnsafeRawBufferPointer) throws(HostingError) -> UInt32 {
        try unretainedHost.withGuaranteedObject { (host) throws(HostingError) in try host.call(operation, first, second) }
    }

    /// fastCompare's result as -1, 0 or 1.
    private static func ordering(_ result: UInt32) -> Int { Int(Int32(bitPattern: result).signum()) }

    /// fastSearch's result as an offset, or nil for -1.
    private static func offset(_ result: UInt32) -> Int? { result == UInt32.max ? nil : Int(result) }

    /// A hex and text view of linear memory, where the last call's inputs still lie (from
    /// ``HostConfiguration/scratchOffset``).
    public func inspectMemory(offset: Int = 0, count: Int = 64, instance: Int = 0) throws(HostingError) -> MemoryDump {
        try host.inspectMemory(offset: offset, count: count, instance: instance)
    }
}
