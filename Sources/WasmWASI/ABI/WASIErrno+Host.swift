#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension WASIErrno {
    /// The WASI error for a host `errno` value. Every error WASI names maps to itself; the host's
    /// other errors map to the nearest WASI meaning, and anything unknown to `io`.
    public init(hostErrno code: Int32) {
        switch code {
        case 0: self = .success
        case E2BIG: self = .tooBig
        case EACCES: self = .acces
        case EADDRINUSE: self = .addrinuse
        case EADDRNOTAVAIL: self = .addrnotavail
        case EAFNOSUPPORT: self = .afnosupport
        case EAGAIN, EWOULDBLOCK: self = .again
        case EALREADY: self = .already
        case EBADF: self = .badf
        case EBADMSG: self = .badmsg
        case EBUSY: self = .busy
        case ECANCELED: self = .canceled
        case ECHILD: self = .child
        case ECONNABORTED: self = .connaborted
        case ECONNREFUSED: self = .connrefused
        case ECONNRESET: self = .connreset
        case EDEADLK: self = .deadlk
        case EDESTADDRREQ: self = .destaddrreq
        case EDOM: self = .dom
        case EDQUOT: self = .dquot
        case EEXIST: self = .exist
        case EFAULT: self = .fault
        case EFBIG: self = .fbig
        case EHOSTUNREACH: self = .hostunreach
        case EIDRM: self = .idrm
        case EILSEQ: self = .ilseq
        case EINPROGRESS: self = .inprogress
        case EINTR: self = .intr
        case EINVAL: self = .inval
        case EIO: self = .io
        case EISCONN: self = .isconn
        case EISDIR: self = .isdir
        case ELOOP: self = .loop
        case EMFILE: self = .mfile
        case EMLINK: self = .mlink
        case EMSGSIZE: self = .msgsize
        case EMULTIHOP: self = .multihop
        case ENAMETOOLONG: self = .nametoolong
        case ENETDOWN: self = .netdown
        case ENETRESET: self = .netreset
        case ENETUNREACH: self = .netunreach
        case ENFILE: self = .nfile
        case ENOBUFS: self = .nobufs
        case ENODEV: self = .nodev
        case ENOENT: self = .noent
        case ENOEXEC: self = .noexec
        case ENOLCK: self = .nolck
        case ENOLINK: self = .nolink
        case ENOMEM: self = .nomem
        case ENOMSG: self = .nomsg
        case ENOPROTOOPT: self = .noprotoopt
        case ENOSPC: self = .nospc
        case ENOSYS: self = .nosys
        case ENOTCONN: self = .notconn
        case ENOTDIR: self = .notdir
        case ENOTEMPTY: self = .notempty
        case ENOTRECOVERABLE: self = .notrecoverable
        case ENOTSOCK: self = .notsock
        case ENOTSUP, EOPNOTSUPP: self = .notsup
        case ENOTTY: self = .notty
        case ENXIO: self = .nxio
        case EOVERFLOW: self = .overflow
        case EOWNERDEAD: self = .ownerdead
        case EPERM: self = .perm
        case EPIPE: self = .pipe
        case EPROTO: self = .proto
        case EPROTONOSUPPORT: self = .protonosupport
        case EPROTOTYPE: self = .prototype
        case ERANGE: self = .range
        case EROFS: self = .rofs
        case ESPIPE: self = .spipe
        case ESRCH: self = .srch
        case ESTALE: self = .stale
        case ETIMEDOUT: self = .timedout
        case ETXTBSY: self = .txtbsy
        case EXDEV: self = .xdev
        // Host errors WASI has no name for: the nearest meaning.
        case ENOTBLK: self = .inval
        case ESHUTDOWN: self = .pipe
        case ETOOMANYREFS, EUSERS: self = .nobufs
        case EHOSTDOWN: self = .hostunreach
        case EPFNOSUPPORT, ESOCKTNOSUPPORT: self = .afnosupport
        case EREMOTE: self = .io
        case ENODATA, ENOSTR, ENOSR: self = .nomsg
        case ETIME: self = .timedout
        default: self = Self.platformSpecific(code) ?? .io
        }
    }

    #if os(Linux)
    /// Linux errors outside POSIX.
    private static func platformSpecific(_ code: Int32) -> WASIErrno? {
        switch code {
        case EBADFD, EBADR, EBADE, EBADRQC, EBADSLT: return .badf
        case ENONET: return .netunreach
        case ECOMM: return .io
        case EREMOTEIO, ESTRPIPE: return .io
        case ENOMEDIUM, EMEDIUMTYPE: return .nodev
        case ECHRNG, EXFULL: return .range
        case ENOKEY, EKEYEXPIRED, EKEYREVOKED, EKEYREJECTED: return .acces
        case ERFKILL: return .netdown
        case EHWPOISON: return .io
        case EUCLEAN, ENOTNAM, ENAVAIL, EISNAM: return .io
        case ELIBACC, ELIBBAD, ELIBSCN, ELIBMAX, ELIBEXEC: return .noexec
        case EDOTDOT, EADV, ESRMNT: return .io
        case ENOANO, ENOCSI, EL2NSYNC, EL3HLT, EL3RST, ELNRNG, EUNATCH, EL2HLT: return .io
        case EBFONT: return .io
        case ENOPKG: return .nosys
        case ERESTART: return .intr
        default: return nil
        }
    }
    #else
    /// Darwin errors outside POSIX.
    private static func platformSpecific(_ code: Int32) -> WASIErrno? {
        switch code {
        case EAUTH, ENEEDAUTH: return .acces
        case EBADRPC, ERPCMISMATCH, EPROGUNAVAIL, EPROGMISMATCH, EPROCUNAVAIL: return .io
        case EFTYPE: return .inval
        case ENOATTR: return .nomsg
        case EPWROFF, EDEVERR: return .io
        case EBADEXEC, EBADARCH, ESHLIBVERS, EBADMACHO: return .noexec
        case ENOPOLICY: return .notsup
        case EQFULL: return .again
        default: return nil
        }
    }
    #endif
}
