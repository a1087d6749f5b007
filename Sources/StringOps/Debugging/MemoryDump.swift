/// A range of linear memory shown as hex and as text (the design guide's section 5.3).
public struct MemoryDump: Hashable, Sendable, CustomStringConvertible {
    /// Where the range starts in linear memory.
    public let offset: Int
    /// The bytes of the range.
    public let bytes: [UInt8]

    /// Bytes per line of ``hexView``.
    public static let bytesPerLine = 16

    /// A dump of `bytes`, which were read from linear memory at `offset`.
    public init(offset: Int, bytes: [UInt8]) {
        self.offset = offset
        self.bytes = bytes
    }

    /// One line per 16 bytes: the address, the bytes in hex, and the printable ASCII characters
    /// (others as `.`), e.g. `00000000  68 65 6c 6c 6f 00 …  |hello.|`.
    public var hexView: String {
        var lines: [String] = []
        var start = 0
        while start < bytes.count {
            let line = bytes[start..<min(start + Self.bytesPerLine, bytes.count)]
            var hex = ""
            for (index, byte) in line.enumerated() {
                if index == Self.bytesPerLine / 2 { hex += " " }
                hex += Self.hex(byte, width: 2) + " "
            }
            let padding = String(repeating: " ", count: Self.hexColumnWidth - hex.count)
            let ascii = String(line.map { (0x20..<0x7f).contains($0) ? Character(UnicodeScalar($0)) : "." })
            lines.append("\(Self.hex(offset + start, width: 8))  \(hex)\(padding) |\(ascii)|")
            start += Self.bytesPerLine
        }
        return lines.joined(separator: "\n")
    }

    /// The bytes decoded as UTF-8, invalid sequences replaced by U+FFFD (as the guide's
    /// `TextDecoder` does).
    public var text: String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// ``text`` with control characters written as escapes (`\0`, `\n`, `\u{1B}`), safe to print.
    public var escapedText: String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\0": result += "\\0"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\\": result += "\\\\"
            default:
                if scalar.value < 0x20 || (0x7f...0x9f).contains(scalar.value) {
                    result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// The heading, the hex view and the escaped text.
    public var description: String {
        let heading = "Memory at offset \(offset) (\(bytes.count) bytes):"
        return bytes.isEmpty ? heading : "\(heading)\n\(hexView)\nAs text: \(escapedText)"
    }

    /// Width of the hex column: 16 bytes of "xx " plus the gap in the middle.
    private static let hexColumnWidth = bytesPerLine * 3 + 1

    private static func hex(_ value: some BinaryInteger, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
