/// A cursor over a module's bytes, reading within a region (the whole input, a section, or a
/// function body). Reading past the region's end throws "unexpected end" at the file level and
/// "unexpected end of section or function" inside a section or body.
public struct ByteReader: Sendable {
    /// The bytes being read; positions index into it.
    public let bytes: [UInt8]
    /// Index of the next byte to read.
    public internal(set) var position: Int
    /// Index one past the last byte of the current region.
    public internal(set) var limit: Int
    /// Offset of `bytes[0]` in the module, added to positions in errors.
    public let baseOffset: Int
    /// Whether the current region is a section or function body rather than the whole input.
    var isInsideSection: Bool
    /// What the reader accepts beyond WebAssembly 2.0.
    public let features: WasmFeatures

    /// A reader over all of `bytes`; `baseOffset` is the module offset of `bytes[0]`.
    /// `isInsideSection` says which end-of-input message to use: pass `true` for a function body.
    public init(bytes: [UInt8], baseOffset: Int = 0, isInsideSection: Bool = false, features: WasmFeatures = .all) {
        self.bytes = bytes
        self.position = 0
        self.limit = bytes.count
        self.baseOffset = baseOffset
        self.isInsideSection = isInsideSection
        self.features = features
    }

    /// Throws `kind` at `index` unless `feature` is enabled.
    @inline(__always)
    func require(_ feature: WasmFeatures, else kind: DecodeError.Kind, at index: Int) throws(DecodeError) {
        guard features.contains(feature) else { throw error(kind, at: index) }
    }

    /// The module offset of the next byte.
    @inline(__always)
    public var offset: Int { baseOffset &+ position }

    /// True when the current region has no bytes left.
    @inline(__always)
    public var isAtEnd: Bool { position >= limit }

    /// Bytes left in the current region.
    @inline(__always)
    public var remaining: Int { limit &- position }

    /// An error at `position` (an index into `bytes`).
    @inline(never)
    func error(_ kind: DecodeError.Kind, at position: Int) -> DecodeError {
        DecodeError(kind, at: baseOffset &+ position)
    }

    /// An error at the next byte.
    @inline(never)
    func error(_ kind: DecodeError.Kind) -> DecodeError {
        DecodeError(kind, at: offset)
    }

    /// The error for reading past the region's end.
    @inline(never)
    func unexpectedEnd() -> DecodeError {
        DecodeError(isInsideSection ? .unexpectedEndOfSectionOrFunction : .unexpectedEnd, at: baseOffset &+ limit)
    }

    /// Reads one byte.
    @inline(__always)
    public mutating func readByte() throws(DecodeError) -> UInt8 {
        guard _fastPath(position < limit) else { throw unexpectedEnd() }
        let byte = bytes[position]
        position &+= 1
        return byte
    }

    /// The next byte, without consuming it.
    @inline(__always)
    public func peekByte() throws(DecodeError) -> UInt8 {
        guard _fastPath(position < limit) else { throw unexpectedEnd() }
        return bytes[position]
    }

    /// Reads `count` bytes.
    public mutating func readBytes(_ count: Int) throws(DecodeError) -> [UInt8] {
        guard count <= remaining else {
            position = limit
            throw unexpectedEnd()
        }
        let start = position
        position &+= count
        return Array(bytes[start..<position])
    }

    /// Skips `count` bytes.
    public mutating func skip(_ count: Int) throws(DecodeError) {
        guard count <= remaining else {
            position = limit
            throw unexpectedEnd()
        }
        position &+= count
    }

    /// Reads a little-endian fixed-width 32-bit value (`f32.const`).
    public mutating func readUInt32LittleEndian() throws(DecodeError) -> UInt32 {
        guard 4 <= remaining else { position = limit; throw unexpectedEnd() }
        var value: UInt32 = 0
        for i in 0..<4 { value |= UInt32(bytes[position &+ i]) << UInt32(8 * i) }
        position &+= 4
        return value
    }

    /// Reads a little-endian fixed-width 64-bit value (`f64.const`, half a `v128.const`).
    public mutating func readUInt64LittleEndian() throws(DecodeError) -> UInt64 {
        guard 8 <= remaining else { position = limit; throw unexpectedEnd() }
        var value: UInt64 = 0
        for i in 0..<8 { value |= UInt64(bytes[position &+ i]) << UInt64(8 * i) }
        position &+= 8
        return value
    }

    /// Reads a size (a section's or a function body's), checks that it fits in the current
    /// region ("length out of bounds" otherwise), and narrows the region to it. Returns the
    /// enclosing region's limit, to be restored with `endRegion`.
    mutating func beginSizedRegion() throws(DecodeError) -> Int {
        let sizeOffset = position
        let size = Int(try readVarUInt32())
        guard size <= remaining else { throw error(.lengthOutOfBounds, at: sizeOffset) }
        let outer = limit
        limit = position &+ size
        return outer
    }

    /// Checks that the current region was read to its end ("section size mismatch" otherwise)
    /// and restores the enclosing region's limit.
    mutating func endSizedRegion(restoring outerLimit: Int, regionStart: Int) throws(DecodeError) {
        guard position == limit else { throw error(.sectionSizeMismatch, at: regionStart) }
        limit = outerLimit
    }
}
