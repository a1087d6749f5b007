/// The binary encodings of types, limits and names.
/// https://webassembly.github.io/spec/core/binary/types.html
extension ByteReader {
    /// The value type a byte encodes, or nil.
    @inline(__always)
    static func valueType(encodedAs byte: UInt8) -> ValueType? {
        switch byte {
        case 0x7F: return .i32
        case 0x7E: return .i64
        case 0x7D: return .f32
        case 0x7C: return .f64
        case 0x7B: return .v128
        case 0x70: return .funcref
        case 0x6F: return .externref
        default: return nil
        }
    }

    /// A type code byte that is not a known type: an LEB128 continuation byte is reported as an
    /// over-long integer (type codes are one-byte signed integers), anything else as `kind`.
    func malformedTypeCode(_ byte: UInt8, _ kind: DecodeError.Kind, at index: Int) -> DecodeError {
        error(byte >= 0x80 ? .integerRepresentationTooLong : kind, at: index)
    }

    /// Reads a value type.
    public mutating func readValueType() throws(DecodeError) -> ValueType {
        let index = position
        let byte = try readByte()
        guard let type = Self.valueType(encodedAs: byte) else {
            throw malformedTypeCode(byte, .malformedValueType, at: index)
        }
        return type
    }

    /// Reads a reference type (`funcref` 0x70 or `externref` 0x6F).
    public mutating func readReferenceType() throws(DecodeError) -> ReferenceType {
        let index = position
        let byte = try readByte()
        switch byte {
        case 0x70: return .funcref
        case 0x6F: return .externref
        default: throw malformedTypeCode(byte, .malformedReferenceType, at: index)
        }
    }

    /// Reads a function type: 0x60, then the parameter and result vectors, each within its limit.
    mutating func readFunctionType(limits: DecoderLimits) throws(DecodeError) -> FunctionType {
        let index = position
        let form = try readByte()
        guard form == 0x60 else { throw malformedTypeCode(form, .malformedFunctionType, at: index) }
        let parameters = try readValueTypes(maximum: limits.parameters, item: .parameters)
        let results = try readValueTypes(maximum: limits.results, item: .results)
        return FunctionType(parameters: parameters, results: results)
    }

    /// Reads a vector of value types, at most `maximum` of them when an `item` is named.
    mutating func readValueTypes(maximum: Int = .max, item: DecoderLimits.Item = .types) throws(DecodeError) -> [ValueType] {
        let count = try readVectorCount(maximum: maximum, item: item)
        var types: [ValueType] = []
        types.reserveCapacity(count)
        for _ in 0..<count { types.append(try readValueType()) }
        return types
    }

    /// Reads a block type: empty (0x40), one value type, or a type index as a signed 33-bit integer.
    mutating func readBlockType() throws(DecodeError) -> BlockType {
        let byte = try peekByte()
        if byte == 0x40 {
            position &+= 1
            return .empty
        }
        if let type = Self.valueType(encodedAs: byte) {
            position &+= 1
            return .value(type)
        }
        let index = position
        let value = try readVarInt33()
        guard value >= 0 else { throw error(.malformedValueType, at: index) }
        return .typeIndex(UInt32(truncatingIfNeeded: value))
    }

    /// Reads a vector's element count. Every element takes at least one byte, so a count larger
    /// than the bytes left is cut short here rather than allocated for.
    @inline(__always)
    mutating func readVectorCount() throws(DecodeError) -> Int {
        let count = Int(try readVarUInt32())
        guard count <= remaining else {
            position = limit
            throw unexpectedEnd()
        }
        return count
    }

    /// Reads a vector's element count and checks it against `maximum` (a `DecoderLimits` entry
    /// for `item`) and then against the bytes left, before anything is reserved for it.
    mutating func readVectorCount(maximum: Int, item: DecoderLimits.Item) throws(DecodeError) -> Int {
        let countIndex = position
        let count = Int(try readVarUInt32())
        guard count <= maximum else { throw error(.limitExceeded(item, limit: maximum), at: countIndex) }
        guard count <= remaining else {
            position = limit
            throw unexpectedEnd()
        }
        return count
    }

    /// Reads limits: a flag (0: minimum only, 1: minimum and maximum) as a one-bit LEB128
    /// integer, then `u32` bounds.
    mutating func readLimits() throws(DecodeError) -> Limits {
        let index = position
        let flag = try readByte()
        if flag & 0x7E != 0 { throw error(.integerTooLarge, at: index) }
        if flag & 0x80 != 0 { throw error(.integerRepresentationTooLong) }
        let min = UInt64(try readVarUInt32())
        let max: UInt64? = flag == 1 ? UInt64(try readVarUInt32()) : nil
        return Limits(min: min, max: max)
    }

    /// Reads a table type: a reference type and limits.
    mutating func readTableType() throws(DecodeError) -> TableType {
        let elementType = try readReferenceType()
        return TableType(elementType: elementType, limits: try readLimits())
    }

    /// Reads a global type: a value type and a mutability byte (0 constant, 1 variable).
    mutating func readGlobalType() throws(DecodeError) -> GlobalType {
        let valueType = try readValueType()
        let index = position
        switch try readByte() {
        case 0x00: return GlobalType(valueType: valueType, mutability: .constant)
        case 0x01: return GlobalType(valueType: valueType, mutability: .variable)
        default: throw error(.malformedMutability, at: index)
        }
    }

    /// Reads a name: a byte vector that must be well-formed UTF-8.
    public mutating func readName() throws(DecodeError) -> String {
        let length = Int(try readVarUInt32())
        guard length <= remaining else {
            position = limit
            throw unexpectedEnd()
        }
        let start = position
        position &+= length
        let utf8 = bytes[start..<position]
        guard let name = String(validating: utf8, as: UTF8.self) else {
            throw error(.malformedUTF8, at: start)
        }
        return name
    }
}
