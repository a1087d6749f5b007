/// What a guest file descriptor refers to, with the rights it carries.
final class Descriptor {
    /// The host side.
    enum Target {
        /// A host file, directory, terminal or pipe, by its host descriptor.
        case host(HostDescriptor)
        /// Standard input from bytes in memory.
        case input(InputBytes)
        /// Output collected in a buffer.
        case output(WASIOutputBuffer)
        /// A standard stream the embedding process does not have (it closed it): reading and
        /// writing fail with `badf`, as they would natively.
        case unavailable
    }

    let target: Target
    let fileType: FileType
    /// What this descriptor may be used for.
    var rights: Rights
    /// The most that descriptors opened through this one may get.
    var inheritingRights: Rights
    /// `append` and `nonblock` as the program set them, for descriptors whose host flags are not
    /// ours to change: in-memory streams, and the embedding process's own standard streams
    /// (their open file is shared with the process's parent; a terminal left non-blocking would
    /// break the shell). Host descriptors we opened keep their flags in the host.
    var streamFlags: FDFlags = []

    /// Whether `fd_fdstat_set_flags` changes the host descriptor's flags.
    var ownsHostFlags: Bool {
        if case .host(let host) = target { return !host.sharedWithProcess }
        return false
    }
    /// The guest path of a preopened directory (what `fd_prestat_dir_name` returns).
    let preopenName: [UInt8]?
    /// The entries `fd_readdir` reads from: taken when it starts at cookie 0 (or first reads).
    var listing: [DirectoryEntry]?

    init(target: Target, fileType: FileType, rights: Rights, inheritingRights: Rights, preopenName: [UInt8]? = nil) {
        self.target = target
        self.fileType = fileType
        self.rights = rights
        self.inheritingRights = inheritingRights
        self.preopenName = preopenName
    }

    /// The host descriptor, for a host target.
    var host: Int32? {
        if case .host(let descriptor) = target { return descriptor.fd }
        return nil
    }

    /// The host descriptor of a directory, or `notdir`.
    func directory() throws(WASIErrno) -> Int32 {
        guard fileType == .directory, let host else { throw .notdir }
        return host
    }

    /// Fails with `notcapable` unless every right in `required` is held.
    func require(_ required: Rights) throws(WASIErrno) {
        guard rights.isSuperset(of: required) else { throw .notcapable }
    }
}

/// A host descriptor of ours, closed when the last guest descriptor referring to it goes.
final class HostDescriptor {
    let fd: Int32
    /// Whether the open file is the embedding process's too (a copy of one of its standard
    /// streams): its flags are shared with the process and its parent, so they are not changed.
    let sharedWithProcess: Bool

    init(fd: Int32, sharedWithProcess: Bool = false) {
        self.fd = fd
        self.sharedWithProcess = sharedWithProcess
    }

    deinit {
        HostCall.close(fd)
    }
}

/// Bytes standard input reads from, with the read position.
final class InputBytes {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var remaining: Int { bytes.count - position }
}
