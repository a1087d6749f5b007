/// A WASI error number (`errno`): what every `wasi_snapshot_preview1` function returns. Raw
/// values and names are the specification's (`typenames.witx`), in its order; `2big` is `tooBig`.
public enum WASIErrno: UInt16, Error, Sendable, CaseIterable, CustomStringConvertible {
    case success, tooBig, acces, addrinuse, addrnotavail, afnosupport, again, already, badf, badmsg
    case busy, canceled, child, connaborted, connrefused, connreset, deadlk, destaddrreq, dom, dquot
    case exist, fault, fbig, hostunreach, idrm, ilseq, inprogress, intr, inval, io, isconn, isdir, loop
    case mfile, mlink, msgsize, multihop, nametoolong, netdown, netreset, netunreach, nfile, nobufs
    case nodev, noent, noexec, nolck, nolink, nomem, nomsg, noprotoopt, nospc, nosys, notconn, notdir
    case notempty, notrecoverable, notsock, notsup, notty, nxio, overflow, ownerdead, perm, pipe, proto
    case protonosupport, prototype, range, rofs, spipe, srch, stale, timedout, txtbsy, xdev, notcapable

    /// The specification's name for the error (`noent`, `2big`).
    public var name: String { Self.names[Int(rawValue)] }

    /// What the error means, in the specification's words.
    public var meaning: String { Self.meanings[Int(rawValue)] }

    /// `name: meaning`, for example `noent: no such file or directory`.
    public var description: String { "\(name): \(meaning)" }

    private static let names: [String] = [
        "success", "2big", "acces", "addrinuse", "addrnotavail", "afnosupport", "again", "already",
        "badf", "badmsg", "busy", "canceled", "child", "connaborted", "connrefused", "connreset",
        "deadlk", "destaddrreq", "dom", "dquot", "exist", "fault", "fbig", "hostunreach", "idrm",
        "ilseq", "inprogress", "intr", "inval", "io", "isconn", "isdir", "loop", "mfile", "mlink",
        "msgsize", "multihop", "nametoolong", "netdown", "netreset", "netunreach", "nfile",
        "nobufs", "nodev", "noent", "noexec", "nolck", "nolink", "nomem", "nomsg", "noprotoopt",
        "nospc", "nosys", "notconn", "notdir", "notempty", "notrecoverable", "notsock", "notsup",
        "notty", "nxio", "overflow", "ownerdead", "perm", "pipe", "proto", "protonosupport",
        "prototype", "range", "rofs", "spipe", "srch", "stale", "timedout", "txtbsy", "xdev",
        "notcapable",
    ]

    private static let meanings: [String] = [
        "no error",
        "argument list too long",
        "permission denied",
        "address in use",
        "address not available",
        "address family not supported",
        "resource unavailable, or operation would block",
        "connection already in progress",
        "bad file descriptor",
        "bad message",
        "device or resource busy",
        "operation canceled",
        "no child processes",
        "connection aborted",
        "connection refused",
        "connection reset",
        "resource deadlock would occur",
        "destination address required",
        "mathematics argument out of domain of function",
        "reserved",
        "file exists",
        "bad address",
        "file too large",
        "host is unreachable",
        "identifier removed",
        "illegal byte sequence",
        "operation in progress",
        "interrupted function",
        "invalid argument",
        "I/O error",
        "socket is connected",
        "is a directory",
        "too many levels of symbolic links",
        "file descriptor value too large",
        "too many links",
        "message too large",
        "reserved",
        "filename too long",
        "network is down",
        "connection aborted by network",
        "network unreachable",
        "too many files open in system",
        "no buffer space available",
        "no such device",
        "no such file or directory",
        "executable file format error",
        "no locks available",
        "reserved",
        "not enough space",
        "no message of the desired type",
        "protocol not available",
        "no space left on device",
        "function not supported",
        "the socket is not connected",
        "not a directory or a symbolic link to a directory",
        "directory not empty",
        "state not recoverable",
        "not a socket",
        "not supported",
        "inappropriate I/O control operation",
        "no such device or address",
        "value too large to be stored in data type",
        "previous owner died",
        "operation not permitted",
        "broken pipe",
        "protocol error",
        "protocol not supported",
        "protocol wrong type for socket",
        "result too large",
        "read-only file system",
        "invalid seek",
        "no such process",
        "reserved",
        "connection timed out",
        "text file busy",
        "cross-device link",
        "capabilities insufficient",
    ]
}
