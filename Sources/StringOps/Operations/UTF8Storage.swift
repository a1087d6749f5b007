/// Lends a string's UTF-8 bytes to `body` without copying them when the string stores them
/// contiguously (native Swift strings do, small ones included); a string with other storage is
/// made contiguous first.
func withBytes<R>(of text: String, _ body: (UnsafeRawBufferPointer) throws(HostingError) -> R) throws(HostingError) -> R {
    let outcome = text.utf8.withContiguousStorageIfAvailable { buffer in
        Result { () throws(HostingError) -> R in try body(UnsafeRawBufferPointer(buffer)) }
    }
    if let outcome { return try outcome.get() }
    var contiguous = text
    contiguous.makeContiguousUTF8()
    return try withBytes(of: contiguous, body)
}

/// Lends an array's bytes to `body` without copying them.
func withBytes<R>(of bytes: [UInt8], _ body: (UnsafeRawBufferPointer) throws(HostingError) -> R) throws(HostingError) -> R {
    let outcome = bytes.withUnsafeBytes { buffer in
        Result { () throws(HostingError) -> R in try body(buffer) }
    }
    return try outcome.get()
}
