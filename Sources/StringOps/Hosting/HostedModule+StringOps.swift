extension HostedModule {
    /// Runs a stringOps operation on byte strings lent by the caller (`second` is unused by
    /// `hash`), on a free instance; the bytes go straight into its linear memory. Throws
    /// ``HostingError/missingExport(name:expected:)`` if the module lacks the stringOps exports.
    func call(_ operation: StringOpsOperation, _ first: UnsafeRawBufferPointer,
              _ second: UnsafeRawBufferPointer) throws(HostingError) -> UInt32 {
        try withInstance { (instance) throws(HostingError) -> UInt32 in
            try instance.call(operation, first, second)
        }
    }
}
