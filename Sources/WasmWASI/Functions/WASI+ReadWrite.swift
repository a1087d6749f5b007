extension WASI {
    /// `fd_read(fd, iovs, iovs_len) -> size`.
    func fdRead(_ call: WASICall) throws {
        let descriptor = try descriptors.get(call.u32(0), requiring: .fdRead)
        let count = try descriptor.read(into: try call.memory.vectors(at: call.u32(1), count: call.u32(2)), at: nil)
        try call.memory.store(UInt32(count), at: call.u32(3))
    }

    /// `fd_pread(fd, iovs, iovs_len, offset) -> size`: reads at `offset`, the position unchanged.
    func fdPread(_ call: WASICall) throws {
        let descriptor = try descriptors.get(call.u32(0), requiring: [.fdRead, .fdSeek])
        let count = try descriptor.read(into: try call.memory.vectors(at: call.u32(1), count: call.u32(2)), at: call.u64(3))
        try call.memory.store(UInt32(count), at: call.u32(4))
    }

    /// `fd_write(fd, iovs, iovs_len) -> size`.
    func fdWrite(_ call: WASICall) throws {
        let descriptor = try descriptors.get(call.u32(0), requiring: .fdWrite)
        let count = try descriptor.write(try call.memory.vectors(at: call.u32(1), count: call.u32(2)), at: nil)
        try call.memory.store(UInt32(count), at: call.u32(3))
    }

    /// `fd_pwrite(fd, iovs, iovs_len, offset) -> size`: writes at `offset`, the position unchanged.
    func fdPwrite(_ call: WASICall) throws {
        let descriptor = try descriptors.get(call.u32(0), requiring: [.fdWrite, .fdSeek])
        let count = try descriptor.write(try call.memory.vectors(at: call.u32(1), count: call.u32(2)), at: call.u64(3))
        try call.memory.store(UInt32(count), at: call.u32(4))
    }

    /// `fd_seek(fd, offset, whence) -> filesize`. Asking only for the position (0 from the
    /// current one) needs just the `fd_tell` right.
    func fdSeek(_ call: WASICall) throws {
        let offset = Int64(bitPattern: call.u64(1))
        guard call.u32(2) <= UInt8.max, let whence = Whence(rawValue: UInt8(call.u32(2))) else { throw WASIErrno.inval }
        let descriptor = try descriptors.get(call.u32(0))
        try descriptor.require(offset == 0 && whence == .current ? .fdTell : .fdSeek)
        try call.memory.store(try descriptor.seek(by: offset, from: whence), at: call.u32(3))
    }

    /// `fd_tell(fd) -> filesize`.
    func fdTell(_ call: WASICall) throws {
        let descriptor = try descriptors.get(call.u32(0), requiring: .fdTell)
        try call.memory.store(try descriptor.seek(by: 0, from: .current), at: call.u32(1))
    }
}
