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
    }

    /// Always `.webAssembly`.
    public var backend: ExecutionBackend { .webAssembly }

    /// Sends the values the module passes to `env.log` to `handler` (nil drops them).
    public func setLogHandler(_ handler: LogHandler?) {
        host.setLogHandler(handler)
    }

    /// `fastHash`: the FNV-1a hash, read as unsigned.
    public func hash(_ bytes: [UInt8]) throws(HostingError) -> UInt32 {
        try callForI32(StringOpsModule.hashExport, [.bytes(bytes)])
    }

    /// `fastCompare`: -1, 0 or 1.
    public func compare(_ first: [UInt8], _ second: [UInt8]) throws(HostingError) -> Int {
        let result = try callForI32(StringOpsModule.compareExport, [.bytes(first), .bytes(second)])
        return Int(Int32(bitPattern: result).signum())
    }

    /// `fastSearch`: the byte offset, or nil for the module's -1 (all bits set, which no offset
    /// can be: it would need a haystack of 4 GiB and a needle).
    public func search(_ haystack: [UInt8], for needle: [UInt8]) throws(HostingError) -> Int? {
        let result = try callForI32(StringOpsModule.searchExport, [.bytes(haystack), .bytes(needle)])
        return result == UInt32.max ? nil : Int(result)
    }

    /// A hex and text view of linear memory, where the last call's inputs still lie (from
    /// ``HostConfiguration/scratchOffset``).
    public func inspectMemory(offset: Int = 0, count: Int = 64, instance: Int = 0) throws(HostingError) -> MemoryDump {
        try host.inspectMemory(offset: offset, count: count, instance: instance)
    }

    private func callForI32(_ function: String, _ arguments: [ExecutionValue]) throws(HostingError) -> UInt32 {
        let results = try host.call(function, arguments)
        guard results.count == 1, case .i32(let bits) = results[0] else {
            throw .unexpectedResults(function: function, results)
        }
        return bits
    }
}
