#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a module's bytes come from: memory (such as the copy built into this library) or a file.
public enum ModuleSource: Sendable, CustomStringConvertible {
    case bytes([UInt8])
    case file(path: String)

    /// The module's bytes; throws ``HostingError/fileNotFound(path:)`` or
    /// ``HostingError/unreadableFile(path:reason:)`` for a file that cannot be read.
    public func readBytes() throws(HostingError) -> [UInt8] {
        switch self {
        case .bytes(let bytes):
            return bytes
        case .file(let path):
            return try Self.readFile(at: path)
        }
    }

    public var description: String {
        switch self {
        case .bytes(let bytes): return "\(bytes.count) bytes in memory"
        case .file(let path): return path
        }
    }

    private static func readFile(at path: String) throws(HostingError) -> [UInt8] {
        guard let handle = fopen(path, "rb") else {
            let code = errno
            if code == ENOENT { throw .fileNotFound(path: path) }
            throw .unreadableFile(path: path, reason: String(cString: strerror(code)))
        }
        defer { fclose(handle) }
        var contents: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            contents += buffer[0..<count]
            if count < buffer.count {
                if ferror(handle) != 0 {
                    throw .unreadableFile(path: path, reason: String(cString: strerror(errno)))
                }
                return contents
            }
        }
    }
}
