#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import WasmWASI

/// WASI's error numbers: the specification's values and names, and the host's errors mapped.
struct WASIErrnoTests {
    @Test func valuesAndNamesAreTheSpecifications() {
        #expect(WASIErrno.allCases.count == 77)
        #expect(WASIErrno.success.rawValue == 0)
        #expect(WASIErrno.tooBig.name == "2big")
        #expect(WASIErrno.badf.rawValue == 8)
        #expect(WASIErrno.noent.rawValue == 44)
        #expect(WASIErrno.perm.rawValue == 63)
        #expect(WASIErrno.notcapable.rawValue == 76)
        #expect(WASIErrno.notcapable.description == "notcapable: capabilities insufficient")
        #expect(Set(WASIErrno.allCases.map(\.name)).count == 77)
    }

    /// Every error WASI names has a host counterpart that maps back to it.
    @Test func everyHostErrorWASINamesMapsToIt() {
        let pairs: [(Int32, WASIErrno)] = [
            (0, .success), (E2BIG, .tooBig), (EACCES, .acces), (EADDRINUSE, .addrinuse), (EADDRNOTAVAIL, .addrnotavail),
            (EAFNOSUPPORT, .afnosupport), (EAGAIN, .again), (EALREADY, .already), (EBADF, .badf), (EBADMSG, .badmsg),
            (EBUSY, .busy), (ECANCELED, .canceled), (ECHILD, .child), (ECONNABORTED, .connaborted),
            (ECONNREFUSED, .connrefused), (ECONNRESET, .connreset), (EDEADLK, .deadlk), (EDESTADDRREQ, .destaddrreq),
            (EDOM, .dom), (EDQUOT, .dquot), (EEXIST, .exist), (EFAULT, .fault), (EFBIG, .fbig),
            (EHOSTUNREACH, .hostunreach), (EIDRM, .idrm), (EILSEQ, .ilseq), (EINPROGRESS, .inprogress),
            (EINTR, .intr), (EINVAL, .inval), (EIO, .io), (EISCONN, .isconn), (EISDIR, .isdir), (ELOOP, .loop),
            (EMFILE, .mfile), (EMLINK, .mlink), (EMSGSIZE, .msgsize), (EMULTIHOP, .multihop),
            (ENAMETOOLONG, .nametoolong), (ENETDOWN, .netdown), (ENETRESET, .netreset), (ENETUNREACH, .netunreach),
            (ENFILE, .nfile), (ENOBUFS, .nobufs), (ENODEV, .nodev), (ENOENT, .noent), (ENOEXEC, .noexec),
            (ENOLCK, .nolck), (ENOLINK, .nolink), (ENOMEM, .nomem), (ENOMSG, .nomsg), (ENOPROTOOPT, .noprotoopt),
            (ENOSPC, .nospc), (ENOSYS, .nosys), (ENOTCONN, .notconn), (ENOTDIR, .notdir), (ENOTEMPTY, .notempty),
            (ENOTRECOVERABLE, .notrecoverable), (ENOTSOCK, .notsock), (ENOTSUP, .notsup), (ENOTTY, .notty),
            (ENXIO, .nxio), (EOVERFLOW, .overflow), (EOWNERDEAD, .ownerdead), (EPERM, .perm), (EPIPE, .pipe),
            (EPROTO, .proto), (EPROTONOSUPPORT, .protonosupport), (EPROTOTYPE, .prototype), (ERANGE, .range),
            (EROFS, .rofs), (ESPIPE, .spipe), (ESRCH, .srch), (ESTALE, .stale), (ETIMEDOUT, .timedout),
            (ETXTBSY, .txtbsy), (EXDEV, .xdev),
            (EWOULDBLOCK, .again), (EOPNOTSUPP, .notsup),
        ]
        // Everything but `notcapable`, which is WASI's own.
        #expect(Set(pairs.map(\.1)).count == 76)
        for (host, wasi) in pairs {
            #expect(WASIErrno(hostErrno: host) == wasi, "host errno \(host)")
        }
    }

    @Test func hostErrorsWithoutAWASINameMapToTheNearestOne() {
        #expect(WASIErrno(hostErrno: ESHUTDOWN) == .pipe)
        #expect(WASIErrno(hostErrno: ETIME) == .timedout)
        #expect(WASIErrno(hostErrno: 99_999) == .io)
        // No host error is ever reported as success or as notcapable.
        for code in Int32(1)..<Int32(200) {
            #expect(WASIErrno(hostErrno: code) != .success && WASIErrno(hostErrno: code) != .notcapable, "host errno \(code)")
        }
    }
}
