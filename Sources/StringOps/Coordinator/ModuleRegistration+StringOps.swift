extension ModuleRegistration {
    /// The stringOps module under the guide's names: `fastHash(string) -> uint32`,
    /// `fastCompare(string, string) -> int32` (-1, 0, 1) and `fastSearch(string, string) -> int32`
    /// (a byte offset, or -1), with ``SwiftStringOps`` as the fallback.
    public static func stringOps(
        source: ModuleSource = .bytes(StringOpsModule.bytes),
        configuration: HostConfiguration = HostConfiguration()
    ) -> ModuleRegistration {
        .webAssembly(
            name: StringOpsModule.name,
            source: source,
            functions: [
                StringOpsModule.hashExport: FunctionSignature([.bytes], .uint32),
                StringOpsModule.compareExport: FunctionSignature([.bytes, .bytes], .int32),
                StringOpsModule.searchExport: FunctionSignature([.bytes, .bytes], .int32),
            ],
            configuration: configuration,
            fallback: stringOpsFallback)
    }

    /// ``SwiftStringOps`` behind the coordinator's calling convention.
    public static let stringOpsFallback = SwiftBackend([
        StringOpsModule.hashExport: { arguments in
            guard arguments.count == 1, let text = arguments[0].byteString else {
                throw SwiftBackend.Failure.argumentMismatch(function: StringOpsModule.hashExport, arguments: arguments)
            }
            return .uint32(SwiftStringOps().hash(text))
        },
        StringOpsModule.compareExport: { arguments in
            guard arguments.count == 2, let first = arguments[0].byteString, let second = arguments[1].byteString else {
                throw SwiftBackend.Failure.argumentMismatch(function: StringOpsModule.compareExport, arguments: arguments)
            }
            return .int32(Int32(SwiftStringOps().compare(first, second)))
        },
        StringOpsModule.searchExport: { arguments in
            guard arguments.count == 2, let haystack = arguments[0].byteString, let needle = arguments[1].byteString else {
                throw SwiftBackend.Failure.argumentMismatch(function: StringOpsModule.searchExport, arguments: arguments)
            }
            // The module's result is an i32: offsets past Int32.max wrap as they do there.
            let offset = SwiftStringOps().search(haystack, for: needle)
            return .int32(offset.map { Int32(truncatingIfNeeded: $0) } ?? -1)
        },
    ])
}
