/// Appending the binary format's primitive encodings (LEB128 integers, names, vectors) to a byte buffer.
struct BinaryWriter {
    var bytes: [UInt8] = []

    mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    mutating func append(_ values: [UInt8]) {
        bytes.append(contentsOf: values)
    }

    /// An unsigned LEB128 integer (`u32`, `u64`).
    mutating func unsigned(_ value: UInt64) {
        bytes.appendUnsignedLEB128(value)
    }

    mutating func unsigned(_ value: UInt32) {
        bytes.appendUnsignedLEB128(UInt64(value))
    }

    mutating func unsigned(_ value: Int) {
        bytes.appendUnsignedLEB128(UInt64(value))
    }

    /// A signed LEB128 integer (`s32`, `s33`, `s64`).
    mutating func signed(_ value: Int64) {
        bytes.appendSignedLEB128(value)
    }

    /// A name: its UTF-8 length and bytes.
    mutating func name(_ text: String) {
        let utf8 = Array(text.utf8)
        unsigned(utf8.count)
        append(utf8)
    }

    /// Bytes preceded by their length.
    mutating func sizedBytes(_ values: [UInt8]) {
        unsigned(values.count)
        append(values)
    }

    mutating func valueType(_ type: ValueType) {
        type.encode(into: &bytes)
    }
}

extension Array where Element == UInt8 {
    /// Appends `value` as an unsigned LEB128 integer in the fewest bytes.
    mutating func appendUnsignedLEB128(_ value: UInt64) {
        var rest = value
        repeat {
            var byte = UInt8(truncatingIfNeeded: rest & 0x7F)
            rest >>= 7
            if rest != 0 { byte |= 0x80 }
            append(byte)
        } while rest != 0
    }

    /// Appends `value` as a signed LEB128 integer in the fewest bytes.
    mutating func appendSignedLEB128(_ value: Int64) {
        var rest = value
        while true {
            let byte = UInt8(truncatingIfNeeded: rest & 0x7F)
            rest >>= 7
            let done = (rest == 0 && byte & 0x40 == 0) || (rest == -1 && byte & 0x40 != 0)
            append(done ? byte : byte | 0x80)
            if done { return }
        }
    }
}

extension ValueType {
    /// Appends the type's encoding: one byte, or `0x63`/`0x64` and a heap type.
    func encode(into bytes: inout [UInt8]) {
        switch self {
        case .i32: bytes.append(0x7F)
        case .i64: bytes.append(0x7E)
        case .f32: bytes.append(0x7D)
        case .f64: bytes.append(0x7C)
        case .v128: bytes.append(0x7B)
        case .ref(let reference): reference.encode(into: &bytes)
        }
    }
}

extension ReferenceType {
    /// Appends the type's encoding: the one-byte shorthand of a nullable abstract heap type, or
    /// `0x63` (nullable) / `0x64` and the heap type.
    func encode(into bytes: inout [UInt8]) {
        if isNullable, let code = heapType.abstractCode {
            bytes.append(code)
            return
        }
        bytes.append(isNullable ? 0x63 : 0x64)
        heapType.encode(into: &bytes)
    }
}

extension HeapType {
    /// The one-byte code of an abstract heap type; nil for a type index.
    var abstractCode: UInt8? {
        switch self {
        case .func: return 0x70
        case .extern: return 0x6F
        case .exn: return 0x69
        case .noFunc: return 0x73
        case .noExtern: return 0x72
        case .noExn: return 0x74
        case .any: return 0x6E
        case .eq: return 0x6D
        case .i31: return 0x6C
        case .struct: return 0x6B
        case .array: return 0x6A
        case .noAny: return 0x71
        case .concrete: return nil
        }
    }

    /// Appends the heap type: its code, or the type index as an `s33`.
    func encode(into bytes: inout [UInt8]) {
        if case .concrete(let index) = self {
            bytes.appendSignedLEB128(Int64(index))
        } else if let code = abstractCode {
            bytes.append(code)
        }
    }
}
