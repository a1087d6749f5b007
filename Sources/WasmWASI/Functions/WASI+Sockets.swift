#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension WASI {
    /// `sock_accept(fd, flags) -> fd`: a connection on a listening socket the program was given
    /// (a standard stream can be one); `notsock` for anything else.
    func sockAccept(_ call: WASICall) throws {
        let fd = try socket(call.u32(0), requiring: .sockAccept)
        guard call.u32(1) <= UInt16.max else { throw WASIErrno.inval }
        let flags = FDFlags(rawValue: UInt16(call.u32(1)))
        guard FDFlags([.nonblock]).isSuperset(of: flags) else { throw WASIErrno.inval }
        let connection = try HostCall.check { accept(fd, nil, nil) }
        let host = HostDescriptor(fd: connection)
        _ = try HostCall.check { fcntl(connection, F_SETFD, FD_CLOEXEC) }
        if flags.contains(.nonblock) {
            let current = try HostCall.check { fcntl(connection, F_GETFL) }
            _ = try HostCall.check { fcntl(connection, F_SETFL, current | O_NONBLOCK) }
        }
        let number = try descriptors.insert(Descriptor(target: .host(host), fileType: .socketStream,
                                                       rights: Rights.stream.union(.sockShutdown), inheritingRights: []))
        try call.memory.store(number, at: call.u32(2))
    }

    /// `sock_recv(fd, ri_data, ri_flags) -> (size, roflags)`.
    func sockRecv(_ call: WASICall) throws {
        let fd = try socket(call.u32(0), requiring: .fdRead)
        let buffers = try call.memory.vectors(at: call.u32(1), count: call.u32(2))
        let peek: UInt32 = 1, waitAll: UInt32 = 2
        guard call.u32(3) & ~(peek | waitAll) == 0 else { throw WASIErrno.inval }
        var hostFlags: Int32 = 0
        if call.u32(3) & peek != 0 { hostFlags |= Int32(MSG_PEEK) }
        if call.u32(3) & waitAll != 0 { hostFlags |= Int32(MSG_WAITALL) }
        var vectors = buffers.map { iovec(iov_base: $0.baseAddress, iov_len: $0.count) }
        let (count, truncated) = try vectors.withUnsafeMutableBufferPointer { (pointer) throws(WASIErrno) -> (Int, Bool) in
            var message = msghdr()
            message.msg_iov = pointer.baseAddress
            message.msg_iovlen = .init(pointer.count)
            let count = try HostCall.check { recvmsg(fd, &message, hostFlags) }
            return (count, message.msg_flags & Int32(MSG_TRUNC) != 0)
        }
        try call.memory.store(UInt32(count), at: call.u32(4))
        try call.memory.store(UInt16(truncated ? 1 : 0), at: call.u32(5))
    }

    /// `sock_send(fd, si_data, si_flags) -> size`.
    func sockSend(_ call: WASICall) throws {
        let fd = try socket(call.u32(0), requiring: .fdWrite)
        let buffers = try call.memory.vectors(at: call.u32(1), count: call.u32(2))
        guard call.u32(3) == 0 else { throw WASIErrno.inval }
        var vectors = buffers.map { iovec(iov_base: $0.baseAddress, iov_len: $0.count) }
        let count = try vectors.withUnsafeMutableBufferPointer { (pointer) throws(WASIErrno) -> Int in
            var message = msghdr()
            message.msg_iov = pointer.baseAddress
            message.msg_iovlen = .init(pointer.count)
            #if os(Linux)
            let noSignal = Int32(MSG_NOSIGNAL)
            #else
            let noSignal: Int32 = 0
            #endif
            return try HostCall.check { sendmsg(fd, &message, noSignal) }
        }
        try call.memory.store(UInt32(count), at: call.u32(4))
    }

    /// `sock_shutdown(fd, how)`: `how` is `rd` (1), `wr` (2) or both.
    func sockShutdown(_ call: WASICall) throws {
        let fd = try socket(call.u32(0), requiring: .sockShutdown)
        let how: Int32
        switch call.u32(1) {
        case 1: how = Int32(SHUT_RD)
        case 2: how = Int32(SHUT_WR)
        case 3: how = Int32(SHUT_RDWR)
        default: throw WASIErrno.inval
        }
        _ = try HostCall.check { shutdown(fd, how) }
    }

    /// The host socket behind descriptor `fd`: `badf` if there is none, `notsock` if it is not a
    /// socket, `notcapable` without `rights`.
    private func socket(_ fd: UInt32, requiring rights: Rights) throws(WASIErrno) -> Int32 {
        let descriptor = try descriptors.get(fd)
        guard descriptor.fileType == .socketStream || descriptor.fileType == .socketDatagram,
              let host = descriptor.host else { throw .notsock }
        try descriptor.require(rights)
        return host
    }
}
