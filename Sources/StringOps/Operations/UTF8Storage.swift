/// Lends a string's UTF-8 bytes, or an array's bytes, to `body` without copying them when they
/// are stored contiguously (native Swift strings, small ones included, and arrays are); a string
/// with other storage is made contiguous first.
func withBytes<R>(of text: String, _ body: (UnsafeRawBufferPointer) throws(HostingError) -> R) throws(HostingError) -> R {
    var outcome: Result<R, HostingError>?
    _ = text.utf8.withContiguousStorageIfAvailable { buffer in
        outcome = Result { () throws(HostingError) -> R in try body(UnsafeRawBufferPointer(buffer)) }
    }
    if let outcome { return try outcome.get() }
    var contiguous = text
    contiguous.makeContiguousUTF8()
    return try withBytes(of: contiguous, body)
}

func withBytes<R>(of bytes: [UInt8], _ body: (UnsafeRawBufferPointer) throws(HostingError) -> R) throws(HostingError) -> R {
    var outcome: Result<R, HostingError>?
    bytes.withUnsafeBytes { buffer in
        outcome = Result { () throws(HostingError) -> R in try body(buffer) }
    }
    // withUnsafeBytes always runs its closure.
    return try outcome!.get()
}
