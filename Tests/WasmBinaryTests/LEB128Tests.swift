import Testing
@testable import WasmBinary

/// LEB128 integers at the spec's limits: the byte count, and the unused bits of the last byte.
@Suite struct LEB128Tests {
    private func reader(_ bytes: [UInt8]) -> ByteReader { ByteReader(bytes: bytes) }

    @Test(arguments: [
        ([0x00], 0),
        ([0x7F], 127),
        ([0x80, 0x01], 128),
        ([0xE5, 0x8E, 0x26], 624_485),
        ([0x80, 0x80, 0x80, 0x80, 0x00], 0),  // padded to the maximum length
        ([0xFF, 0xFF, 0xFF, 0xFF, 0x0F], 4_294_967_295),
        ([0x80, 0x00], 0),
    ] as [([UInt8], UInt32)])
    func readsUnsigned32(bytes: [UInt8], expected: UInt32) throws {
        var r = reader(bytes)
        #expect(try r.readVarUInt32() == expected)
        #expect(r.isAtEnd)
    }

    @Test(arguments: [
        // A fifth byte may only use the low 4 bits.
        ([0xFF, 0xFF, 0xFF, 0xFF, 0x1F], .integerTooLarge, 4),
        ([0x82, 0x80, 0x80, 0x80, 0x70], .integerTooLarge, 4),
        ([0x82, 0x80, 0x80, 0x80, 0x10], .integerTooLarge, 4),
        // Six bytes are too many, even for a zero.
        ([0x80, 0x80, 0x80, 0x80, 0x80, 0x00], .integerRepresentationTooLong, 5),
        ([0x83, 0x80, 0x80, 0x80, 0x80, 0x00], .integerRepresentationTooLong, 5),
        ([0x80], .unexpectedEnd, 1),
        ([], .unexpectedEnd, 0),
    ] as [([UInt8], DecodeError.Kind, Int)])
    func rejectsUnsigned32(bytes: [UInt8], kind: DecodeError.Kind, offset: Int) {
        var r = reader(bytes)
        #expect(throws: DecodeError(kind, at: offset)) { try r.readVarUInt32() }
    }

    @Test(arguments: [
        ([0x00], 0),
        ([0x3F], 63),
        ([0x40], -64),
        ([0x7F], -1),
        ([0x80, 0x7F], -128),
        ([0xC0, 0xBB, 0x78], -123_456),
        ([0xFF, 0xFF, 0xFF, 0xFF, 0x07], Int32.max),
        ([0x80, 0x80, 0x80, 0x80, 0x78], Int32.min),
        ([0xFF, 0xFF, 0xFF, 0xFF, 0x7F], -1),  // padded with the sign
        ([0x80, 0x80, 0x80, 0x80, 0x00], 0),
    ] as [([UInt8], Int32)])
    func readsSigned32(bytes: [UInt8], expected: Int32) throws {
        var r = reader(bytes)
        #expect(try r.readVarInt32() == expected)
        #expect(r.isAtEnd)
    }

    @Test(arguments: [
        // In a fifth byte the bits above the value's sign bit must copy it.
        ([0x80, 0x80, 0x80, 0x80, 0x70], .integerTooLarge, 4),
        ([0xFF, 0xFF, 0xFF, 0xFF, 0x0F], .integerTooLarge, 4),
        ([0x80, 0x80, 0x80, 0x80, 0x1F], .integerTooLarge, 4),
        ([0xFF, 0xFF, 0xFF, 0xFF, 0x4F], .integerTooLarge, 4),
        ([0x80, 0x80, 0x80, 0x80, 0x80, 0x00], .integerRepresentationTooLong, 5),
        ([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F], .integerRepresentationTooLong, 5),
    ] as [([UInt8], DecodeError.Kind, Int)])
    func rejectsSigned32(bytes: [UInt8], kind: DecodeError.Kind, offset: Int) {
        var r = reader(bytes)
        #expect(throws: DecodeError(kind, at: offset)) { try r.readVarInt32() }
    }

    @Test(arguments: [
        ([0x7F], -1),
        ([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00], Int64.max),
        ([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F], Int64.min),
        ([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00], 0),
        ([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F], -1),
    ] as [([UInt8], Int64)])
    func readsSigned64(bytes: [UInt8], expected: Int64) throws {
        var r = reader(bytes)
        #expect(try r.readVarInt64() == expected)
        #expect(r.isAtEnd)
    }

    @Test(arguments: [
        ([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7E], .integerTooLarge, 9),
        ([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], .integerTooLarge, 9),
        ([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x02], .integerTooLarge, 9),
        ([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x41], .integerTooLarge, 9),
        ([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00], .integerRepresentationTooLong, 10),
    ] as [([UInt8], DecodeError.Kind, Int)])
    func rejectsSigned64(bytes: [UInt8], kind: DecodeError.Kind, offset: Int) {
        var r = reader(bytes)
        #expect(throws: DecodeError(kind, at: offset)) { try r.readVarInt64() }
    }

    @Test(arguments: [
        ([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], UInt64.max),
        ([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01], UInt64(1) << 63),
    ] as [([UInt8], UInt64)])
    func readsUnsigned64(bytes: [UInt8], expected: UInt64) throws {
        var r = reader(bytes)
        #expect(try r.readVarUInt64() == expected)
    }

    @Test(arguments: [
        ([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02], DecodeError.Kind.integerTooLarge, 9),
        ([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00], .integerRepresentationTooLong, 10),
    ] as [([UInt8], DecodeError.Kind, Int)])
    func rejectsUnsigned64(bytes: [UInt8], kind: DecodeError.Kind, offset: Int) {
        var r = reader(bytes)
        #expect(throws: DecodeError(kind, at: offset)) { try r.readVarUInt64() }
    }

    /// A block type's type index is a signed 33-bit integer: 2^32 - 1 fits in five bytes.
    @Test(arguments: [
        ([0xFF, 0xFF, 0xFF, 0xFF, 0x0F], Int64(UInt32.max)),
        ([0x80, 0x80, 0x80, 0x80, 0x70], -(Int64(1) << 32)),
    ] as [([UInt8], Int64)])
    func readsSigned33(bytes: [UInt8], expected: Int64) throws {
        var r = reader(bytes)
        #expect(try r.readVarInt33() == expected)
    }

    @Test func rejectsSigned33WithBitsBeyondTheSign() {
        var r = reader([0xFF, 0xFF, 0xFF, 0xFF, 0x1F])
        #expect(throws: DecodeError(.integerTooLarge, at: 4)) { try r.readVarInt33() }
    }

    /// Errors carry the module offset: the reader's base offset plus the position.
    @Test func errorOffsetsIncludeTheBaseOffset() {
        var r = ByteReader(bytes: [0x80, 0x80, 0x80, 0x80, 0x10], baseOffset: 100)
        #expect(throws: DecodeError(.integerTooLarge, at: 104)) { try r.readVarUInt32() }
    }
}
