extension Memory {
    /// Writes `bytes` starting at `offset`, like the generic `write(_:at:)`, with one bounds check
    /// and one copy: an embedder lending a string's UTF-8 storage or an array's buffer copies it
    /// straight into linear memory. Throws an out-of-bounds trap, writing nothing, when the range
    /// does not fit.
    public func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws(Trap) {
        guard offset >= 0, state.pointee.contains(UInt64(offset), count: UInt64(bytes.count)) else {
            throw Trap(.outOfBoundsMemoryAccess)
        }
        if let source = bytes.baseAddress, bytes.count > 0 {
            (state.pointee.base + offset).copyMemory(from: source, byteCount: bytes.count)
        }
    }
}
