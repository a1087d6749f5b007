/// Building test modules byte by byte: the header, and sections whose sizes are computed.
enum ModuleBytes {
    static let header: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]

    /// The unsigned LEB128 encoding of `value`, in the fewest bytes.
    static func leb(_ value: UInt64) -> [UInt8] {
        var value = value
        var bytes: [UInt8] = []
        repeat {
            var byte = UInt8(value & 0x7F)
            value >>= 7
            if value != 0 { byte |= 0x80 }
            bytes.append(byte)
        } while value != 0
        return bytes
    }

    /// A section: its id, its size as LEB128, its contents.
    static func section(_ id: UInt8, _ contents: [UInt8]) -> [UInt8] {
        [id] + leb(UInt64(contents.count)) + contents
    }

    /// A name: its length, then its bytes.
    static func name(_ text: String) -> [UInt8] {
        leb(UInt64(text.utf8.count)) + Array(text.utf8)
    }

    /// A module made of the header and these sections.
    static func module(_ sections: [UInt8]...) -> [UInt8] {
        header + sections.flatMap { $0 }
    }

    /// A module with one `() -> ()` function whose body is `locals` then `code` (which should
    /// end with 0x0B), plus the given extra sections before the code section.
    static func function(locals: [UInt8] = [0x00], code: [UInt8], before extra: [UInt8] = []) -> [UInt8] {
        let body = locals + code
        return header
            + section(1, [0x01, 0x60, 0x00, 0x00])
            + section(3, [0x01, 0x00])
            + extra
            + section(10, [0x01] + leb(UInt64(body.count)) + body)
    }
}

/// What decoding `bytes` throws, or nil when it decodes.
func decodeError(_ bytes: [UInt8], features: WasmFeatures = .all) -> DecodeError? {
    do {
        _ = try ModuleDecoder.decode(bytes, features: features)
        return nil
    } catch {
        return error
    }
}

import WasmBinary
