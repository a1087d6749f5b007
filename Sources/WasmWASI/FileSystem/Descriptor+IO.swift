#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Descriptor {
    /// Reads into `buffers` in order, at the current position (`offset` nil) or at `offset`
    /// without moving it. Returns the bytes read; 0 at end of file.
    func read(into buffers: [UnsafeMutableRawBufferPointer], at offset: UInt64?) throws(WASIErrno) -> Int {
        switch target {
        case .host(let host):
            var vectors = Self.vectors(buffers)
            if let offset {
                guard let position = off_t(exactly: offset) else { throw .inval }
                return try HostCall.check { preadv(host.fd, &vectors, Int32(vectors.count), position) }
            }
            return try HostCall.check { readv(host.fd, &vectors, Int32(vectors.count)) }
        case .input(let input):
            guard offset == nil else { throw .spipe }
            var total = 0
            for buffer in buffers where input.remaining > 0 {
                let count = min(buffer.count, input.remaining)
                input.bytes.withUnsafeBytes { source in
                    UnsafeMutableRawBufferPointer(rebasing: buffer[..<count])
                        .copyMemory(from: UnsafeRawBufferPointer(rebasing: source[input.position..<(input.position + count)]))
                }
                input.position += count
                total += count
            }
            return total
        case .output, .unavailable:
            throw .badf
        }
    }

    /// Writes `buffers` in order, at the current position (`offset` nil) or at `offset` without
    /// moving it. Returns the bytes written.
    func write(_ buffers: [UnsafeMutableRawBufferPointer], at offset: UInt64?) throws(WASIErrno) -> Int {
        switch target {
        case .host(let host):
            var vectors = Self.vectors(buffers)
            if let offset {
                guard let position = off_t(exactly: offset) else { throw .inval }
                return try HostCall.check { pwritev(host.fd, &vectors, Int32(vectors.count), position) }
            }
            return try HostCall.check { writev(host.fd, &vectors, Int32(vectors.count)) }
        case .output(let output):
            guard offset == nil else { throw .spipe }
            for buffer in buffers { output.append(UnsafeRawBufferPointer(buffer)) }
            return buffers.reduce(0) { $0 + $1.count }
        case .input, .unavailable:
            throw .badf
        }
    }

    /// Moves the position (`lseek`) and returns the new one.
    func seek(by offset: Int64, from whence: Whence) throws(WASIErrno) -> UInt64 {
        guard case .host(let host) = target else { throw .spipe }
        let base: Int32
        switch whence {
        case .set: base = SEEK_SET
        case .current: base = SEEK_CUR
        case .end: base = SEEK_END
        }
        let position = try HostCall.check { lseek(host.fd, off_t(offset), base) }
        return UInt64(position)
    }

    /// The attributes of what the descriptor refers to.
    func status() throws(WASIErrno) -> FileStatus {
        guard case .host(let host) = target else { return FileStatus(fileType: fileType) }
        return FileStatus(try HostCall.status(of: host.fd))
    }

    private static func vectors(_ buffers: [UnsafeMutableRawBufferPointer]) -> [iovec] {
        buffers.map { iovec(iov_base: $0.baseAddress, iov_len: $0.count) }
    }
}
