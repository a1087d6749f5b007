/// The binary encodings of types, limits and names.
/// https://webassembly.github.io/spec/core/binary/types.html
extension ByteReader {
    /// The value type a one-byte code stands for (numbers, `v128`, and the nullable shorthands of
    /// the abstract heap types the features allow), or nil.
    @inline(__always)
    func valueType(encodedAs byte: UInt8) -> ValueType? {
        switch byte {
        case 0x7F: return .i32
        case 0x7E: return .i64
        case 0x7D: return .f32
        case 0x7C: return .f64
        case 0x7B: return .v128
        case 0x70: return .funcref
        case 0x6F: return .externref
        default:
            guard let heapType = abstractHeapType(encodedAs: byte) else { return nil }
            return .ref(ReferenceType(heapType, isNullable: true))
        }
    }

    /// The abstract heap type a one-byte code (a negative `s33`) stands for, or nil: `func` and
    /// `extern`, `exn` and `noexn` with exceptions, the others with typed references (those of
    /// garbage collection are decoded; validation reports them as unsupported).
    @inline(__always)
    func abstractHeapType(encodedAs byte: UInt8) -> HeapType? {
        switch byte {
        case 0x70: return .func
        case 0x6F: return .extern
        case 0x69: return features.contains(.exceptions) ? .exn : nil
        case 0x74: return features.contains(.exceptions) ? .noExn : nil
        default:
            guard features.contains(.typedFunctionReferences) else { return nil }
            switch byte {
            case 0x73: return .noFunc
            case 0x72: return .noExtern
            case 0x6E: return .any
            case 0x6D: return .eq
            case 0x6C: return .i31
            case 0x6B: return .struct
            case 0x6A: return .array
            case 0x71: return .noAny
            default: return nil
            }
        }
    }

    /// True for `ref null` (0x63) and `ref` (0x64) when typed references are enabled.
    @inline(__always)
    func isReferenceTypePrefix(_ byte: UInt8) -> Bool {
        (byte == 0x63 || byte == 0x64) && features.contains(.typedFunctionReferences)
    }

    /// A type code byte that is not a known type: an LEB128 continuation byte is reported as an
    /// over-long integer (type codes are one-byte signed integers), anything else as `kind`.
    func malformedTypeCode(_ byte: UInt8, _ kind: DecodeError.Kind, at index: Int) -> DecodeError {
        error(byte >= 0x80 ? .integerRepresentationTooLong : kind, at: index)
    }

    /// Reads a value type: a one-byte code, or `0x63`/`0x64` (`ref null`/`ref`) and a heap type.
    @inline(__always)
    public mutating func readValueType() throws(DecodeError) -> ValueType {
        let index = position
        let byte = try readByte()
        if let type = valueType(encodedAs: byte) { return type }
        if isReferenceTypePrefix(byte) {
            return .ref(ReferenceType(try readHeapType(), isNullable: byte == 0x63))
        }
        throw malformedTypeCode(byte, .malformedValueType, at: index)
    }

    /// Reads a reference type: a nullable shorthand (`funcref` 0x70, `externref` 0x6F, ...), or
    /// `0x63`/`0x64` and a heap type.
    public mutating func readReferenceType() throws(DecodeError) -> ReferenceType {
        let index = position
        let byte = try readByte()
        if let heapType = abstractHeapType(encodedAs: byte) {
            return ReferenceType(heapType, isNullable: true)
        }
        if isReferenceTypePrefix(byte) {
            return ReferenceType(try readHeapType(), isNullable: byte == 0x63)
        }
        throw malformedTypeCode(byte, .malformedReferenceType, at: index)
    }

    /// Reads a heap type: an abstract one's one-byte code, or a type index as a non-negative `s33`
    /// (with typed references; WebAssembly 2.0's `ref.null` takes `func` or `extern` only).
    public mutating func readHeapType() throws(DecodeError) -> HeapType {
        let index = position
        let byte = try peekByte()
        if let heapType = abstractHeapType(encodedAs: byte) {
            position &+= 1
            return heapType
        }
        guard features.contains(.typedFunctionReferences) else {
            position &+= 1
            throw malformedTypeCode(byte, .malformedReferenceType, at: index)
        }
        let value = try readVarInt33()
        guard value >= 0 else { throw error(.malformedHeapType, at: index) }
        return .concrete(UInt32(truncatingIfNeeded: value))
    }

    /// Reads the type section's entries: recursion groups (`0x4E` and a vector of sub types) or
    /// single sub types, flattened into one list by type index; at most `limits.types` in all.
    mutating func readTypeSection(limits: DecoderLimits) throws(DecodeError) -> [DefinedType] {
        let count = try readVectorCount(maximum: limits.types, item: .types)
        var types: [DefinedType] = []
        types.reserveCapacity(count)
        for _ in 0..<count {
            if try peekByte() == 0x4E && features.contains(.typedFunctionReferences) {
                position &+= 1
                let sizeIndex = position
                let size = try readVectorCount()
                guard size <= limits.types - types.count else {
                    throw error(.limitExceeded(.types, limit: limits.types), at: sizeIndex)
                }
                for position in 0..<size {
                    var type = try readSubType(limits: limits)
                    type.positionInGroup = UInt32(position)
                    type.groupSize = UInt32(size)
                    types.append(type)
                }
            } else {
                guard types.count < limits.types else {
                    throw error(.limitExceeded(.types, limit: limits.types))
                }
                types.append(try readSubType(limits: limits))
            }
        }
        return types
    }

    /// Reads a sub type: `0x50` (open) or `0x4F` (final) with supertype indices, or a bare
    /// composite type (final, no supertypes).
    mutating func readSubType(limits: DecoderLimits) throws(DecodeError) -> DefinedType {
        let byte = try peekByte()
        guard (byte == 0x50 || byte == 0x4F) && features.contains(.typedFunctionReferences) else {
            return DefinedType(try readCompositeType(limits: limits))
        }
        position &+= 1
        let count = try readVectorCount()
        var supertypes: [UInt32] = []
        supertypes.reserveCapacity(count)
        for _ in 0..<count { supertypes.append(try readVarUInt32()) }
        return DefinedType(try readCompositeType(limits: limits), isFinal: byte == 0x4F, supertypes: supertypes)
    }

    /// Reads a composite type: a function (`0x60`), struct (`0x5F`) or array (`0x5E`) type, its
    /// parameters, results and fields each within `limits`.
    mutating func readCompositeType(limits: DecoderLimits) throws(DecodeError) -> CompositeType {
        let index = position
        let form = try readByte()
        switch form {
        case 0x60:
            let parameters = try readValueTypes(maximum: limits.parameters, item: .parameters)
            let results = try readValueTypes(maximum: limits.results, item: .results)
            return .function(FunctionType(parameters: parameters, results: results))
        case 0x5F where features.contains(.typedFunctionReferences):
            let count = try readVectorCount(maximum: limits.structFields, item: .structFields)
            var fields: [FieldType] = []
            fields.reserveCapacity(count)
            for _ in 0..<count { fields.append(try readFieldType()) }
            return .struct(fields)
        case 0x5E where features.contains(.typedFunctionReferences):
            return .array(try readFieldType())
        default:
            throw malformedTypeCode(form, .malformedFunctionType, at: index)
        }
    }

    /// Reads a struct field or array element type: a storage type and a mutability byte.
    mutating func readFieldType() throws(DecodeError) -> FieldType {
        let storage: StorageType
        switch try peekByte() {
        case 0x78:
            position &+= 1
            storage = .i8
        case 0x77:
            position &+= 1
            storage = .i16
        default:
            storage = .value(try readValueType())
        }
        return FieldType(storage, mutability: try readMutability())
    }

    /// Reads a mutability byte: 0 constant, 1 variable.
    mutating func readMutability() throws(DecodeError) -> Mutability {
        let index = position
        switch try readByte() {
        case 0x00: return .constant
        case 0x01: return .variable
        default: throw error(.malformedMutability, at: index)
        }
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
        if let type = valueType(encodedAs: byte) {
            position &+= 1
            return .value(type)
        }
        if isReferenceTypePrefix(byte) { return .value(try readValueType()) }
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

    /// Reads the flags byte of a table's or memory's limits (3.0: bit 0 a maximum follows, bit 2
    /// 64-bit addresses; the custom-page-sizes proposal adds bit 3 for memories, a page size
    /// follows). `allowed` are the bits the caller accepts; any other (bit 1 included, which only
    /// the threads proposal defines, for shared memories) is malformed.
    ///
    /// WebAssembly 2.0 reads the flag as a one-bit LEB128 integer ("integer too large",
    /// "integer representation too long").
    mutating func readLimitsFlags(allowed: UInt8) throws(DecodeError) -> UInt8 {
        let index = position
        let flags = try readByte()
        var accepted = allowed & 0x01
        if features.contains(.memory64) { accepted |= allowed & 0x04 }
        if features.contains(.customPageSizes) { accepted |= allowed & 0x08 }
        if flags & ~accepted != 0 {
            guard features.contains(.memory64) else {
                if flags & 0x7E != 0 { throw error(.integerTooLarge, at: index) }
                throw error(.integerRepresentationTooLong)
            }
            throw error(.malformedLimitsFlags, at: index)
        }
        return flags
    }

    /// Reads the bounds after limits flags (bit 0: a maximum follows): `u64`, or `u32` without
    /// 64-bit memories.
    mutating func readLimits(flags: UInt8) throws(DecodeError) -> Limits {
        let wide = features.contains(.memory64)
        let min = wide ? try readVarUInt64() : UInt64(try readVarUInt32())
        let max: UInt64? = flags & 0x01 != 0 ? (wide ? try readVarUInt64() : UInt64(try readVarUInt32())) : nil
        return Limits(min: min, max: max)
    }

    /// Reads a memory type: limits flags, bounds, and with flag bit 3 a page size exponent.
    mutating func readMemoryType() throws(DecodeError) -> MemoryType {
        let flags = try readLimitsFlags(allowed: 0x0D)
        let limits = try readLimits(flags: flags)
        var pageSizeLog2 = MemoryType.defaultPageSizeLog2
        if flags & 0x08 != 0 {
            let index = position
            pageSizeLog2 = try readVarUInt32()
            guard pageSizeLog2 < 64 else { throw error(.invalidCustomPageSize, at: index) }
        }
        return MemoryType(limits: limits, addressType: flags & 0x04 != 0 ? .i64 : .i32, pageSizeLog2: pageSizeLog2)
    }

    /// Reads a table type: a reference type and limits.
    mutating func readTableType() throws(DecodeError) -> TableType {
        let elementType = try readReferenceType()
        let flags = try readLimitsFlags(allowed: 0x05)
        return TableType(elementType: elementType, limits: try readLimits(flags: flags),
                         addressType: flags & 0x04 != 0 ? .i64 : .i32)
    }

    /// Reads a global type: a value type and a mutability byte (0 constant, 1 variable).
    mutating func readGlobalType() throws(DecodeError) -> GlobalType {
        let valueType = try readValueType()
        return GlobalType(valueType: valueType, mutability: try readMutability())
    }

    /// Reads a tag type: an attribute byte (0, an exception) and a type index.
    mutating func readTagType() throws(DecodeError) -> TagType {
        let index = position
        guard try readByte() == 0x00 else { throw error(.malformedTagAttribute, at: index) }
        return TagType(typeIndex: try readVarUInt32())
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
        let end = position
        // ASCII, the usual case, is well-formed UTF-8 as it is; `String(validating:)` looks up
        // generic metadata on every call, which was most of the cost of a module's names.
        let name: String? = bytes.withUnsafeBufferPointer { all in
            let utf8 = UnsafeBufferPointer(rebasing: all[start..<end])
            var isASCII = true
            for byte in utf8 where byte >= 0x80 {
                isASCII = false
                break
            }
            return isASCII ? String(decoding: utf8, as: UTF8.self) : String(validating: utf8, as: UTF8.self)
        }
        guard let name else { throw error(.malformedUTF8, at: start) }
        return name
    }
}
