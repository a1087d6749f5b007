/// Where a program's standard input comes from.
public enum WASIInput {
    /// The embedding process's own standard input.
    case inherit
    /// These bytes, then end of file.
    case bytes([UInt8])
    /// The contents of the host file at this path.
    case file(path: String)
}

/// Where a program's standard output or standard error goes.
public enum WASIOutput {
    /// The embedding process's own stream.
    case inherit
    /// Into this buffer, which the embedder reads when the program has run.
    case buffer(WASIOutputBuffer)
    /// Into the host file at this path (created, or emptied if it exists).
    case file(path: String)
}

/// Bytes a program wrote to an output stream configured as `.buffer`.
public final class WASIOutputBuffer {
    /// Everything written so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty buffer.
    public init() {}

    /// The bytes as UTF-8 text (invalid sequences replaced).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    func append(_ data: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: data)
    }
}
