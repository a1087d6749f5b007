/// LEB128 integers at the spec's exact limits: at most ceil(N/7) bytes for an N-bit integer
/// ("integer representation too long"), and the unused bits of the last byte zero for an
/// unsigned integer or a sign extension for a signed one ("integer too large").
/// https://webassembly.github.io/spec/core/binary/values.html#integers
extension ByteReader {
    /// Reads an unsigned 32-bit LEB128 integer (`u32`: indices, counts, sizes).
    @inline(__always)
    public mutating func readVarUInt32() throws(DecodeError) -> UInt32 {
        let first = try readByte()
        if _fastPath(first < 0x80) { return UInt32(first) }
        return UInt32(truncatingIfNeeded: try readVarUnsigned(bits: 32, first: first))
    }

    /// Reads an unsigned 64-bit LEB128 integer (`u64`).
    @inline(__always)
    public mutating func readVarUInt64() throws(DecodeError) -> UInt64 {
        let first = try readByte()
        if _fastPath(first < 0x80) { return UInt64(first) }
        return try readVarUnsigned(bits: 64, first: first)
    }

    /// Reads a signed 32-bit LEB128 integer (`s32`: `i32.const`).
    @inline(__always)
    public mutating func readVarInt32() throws(DecodeError) -> Int32 {
        let first = try readByte()
        if _fastPath(first < 0x80) { return Int32(Int8(bitPattern: first << 1) >> 1) }
        return Int32(truncatingIfNeeded: try readVarSigned(bits: 32, first: first))
    }

    /// Reads a signed 33-bit LEB128 integer (`s33`: a block type's type index).
    public mutating func readVarInt33() throws(DecodeError) -> Int64 {
        let first = try readByte()
        if _fastPath(first < 0x80) { return Int64(Int8(bitPattern: first << 1) >> 1) }
        return try readVarSigned(bits: 33, first: first)
    }

    /// Reads a signed 64-bit LEB128 integer (`s64`: `i64.const`).
    public mutating func readVarInt64() throws(DecodeError) -> Int64 {
        let first = try readByte()
        if _fastPath(first < 0x80) { return Int64(Int8(bitPattern: first << 1) >> 1) }
        return try readVarSigned(bits: 64, first: first)
    }

    /// The rest of an unsigned integer of `bits` bits whose first byte (with its continuation
    /// bit set) has been read.
    @inline(never)
    mutating func readVarUnsigned(bits: Int, first: UInt8) throws(DecodeError) -> UInt64 {
        var result = UInt64(first & 0x7F)
        var shift = 7
        while true {
            let remainingBits = bits - shift
            guard remainingBits > 0 else { throw error(.integerRepresentationTooLong) }
            let byteIndex = position
            let byte = try readByte()
            if remainingBits < 7 && (byte & 0x7F) >> UInt8(remainingBits) != 0 {
                throw error(.integerTooLarge, at: byteIndex)
            }
            result |= UInt64(byte & 0x7F) << UInt64(shift)
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    /// The rest of a signed integer of `bits` bits whose first byte (with its continuation bit
    /// set) has been read.
    @inline(never)
    mutating func readVarSigned(bits: Int, first: UInt8) throws(DecodeError) -> Int64 {
        var result = Int64(first & 0x7F)
        var shift = 7
        while true {
            let remainingBits = bits - shift
            guard remainingBits > 0 else { throw error(.integerRepresentationTooLong) }
            let byteIndex = position
            let byte = try readByte()
            if remainingBits < 7 {
                // The bits above the value's sign bit must all copy the sign bit.
                let mask = UInt8(truncatingIfNeeded: (0x7F << (remainingBits - 1)) & 0x7F)
                let unused = byte & mask
                if unused != 0 && unused != mask { throw error(.integerTooLarge, at: byteIndex) }
            }
            result |= Int64(byte & 0x7F) << Int64(shift)
            shift += 7
            if byte < 0x80 {
                if shift < 64 && byte & 0x40 != 0 { result |= -1 << Int64(shift) }
                return result
            }
        }
    }
}
