#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension WASI {
    /// Descriptor 0 for a configured standard input.
    static func standardInput(_ input: WASIInput) throws(WASIError) -> Descriptor {
        switch input {
        case .inherit:
            return hostStream(inherited(0), allowed: Rights.all.subtracting(.fdWrite))
        case .bytes(let bytes):
            return Descriptor(target: .input(InputBytes(bytes)), fileType: .unknown,
                              rights: [.fdRead, .fdFilestatGet, .pollFdReadwrite], inheritingRights: [])
        case .file(let path):
            let fd = try openStreamFile(path, flags: O_RDONLY)
            return hostStream(HostDescriptor(fd: fd), allowed: Rights.all.subtracting(.fdWrite))
        }
    }

    /// Descriptor 1 or 2 for a configured output stream.
    static func standardOutput(_ output: WASIOutput, number: Int32) throws(WASIError) -> Descriptor {
        let writing = Rights.all.subtracting(.fdRead)
        switch output {
        case .inherit:
            return hostStream(inherited(number), allowed: writing)
        case .buffer(let buffer):
            return Descriptor(target: .output(buffer), fileType: .unknown,
                              rights: [.fdWrite, .fdDatasync, .fdSync, .fdFilestatGet, .pollFdReadwrite],
                              inheritingRights: [])
        case .file(let path):
            let fd = try openStreamFile(path, flags: O_WRONLY | O_CREAT | O_TRUNC)
            return hostStream(HostDescriptor(fd: fd), allowed: writing)
        }
    }

    /// A copy of the process's standard stream `number` (so the program keeps it even if the
    /// process closes or reopens its own), or nil when the process has none.
    static func inherited(_ number: Int32) -> HostDescriptor? {
        guard let copy = try? HostCall.check({ fcntl(number, F_DUPFD_CLOEXEC, 3) }) else { return nil }
        return HostDescriptor(fd: copy, sharedWithProcess: true)
    }

    /// A descriptor for a host stream: its type from the host, its rights from its type (nil, a
    /// stream the process does not have: `unavailable`).
    static func hostStream(_ host: HostDescriptor?, allowed: Rights) -> Descriptor {
        guard let host else {
            return Descriptor(target: .unavailable, fileType: .unknown, rights: Rights.stream.intersection(allowed),
                              inheritingRights: [])
        }
        let fileType = (try? HostCall.status(of: host.fd)).map { FileType(hostMode: $0.st_mode) } ?? .unknown
        var rights = (fileType == .regularFile ? Rights.regularFile : .stream).intersection(allowed)
        if fileType == .socketStream { rights.formUnion([.sockShutdown, .sockAccept]) }
        return Descriptor(target: .host(host), fileType: fileType, rights: rights, inheritingRights: [])
    }

    static func openStreamFile(_ path: String, flags: Int32) throws(WASIError) -> Int32 {
        do {
            return try HostCall.open(Array(path.utf8), in: AT_FDCWD, flags: flags | O_CLOEXEC | O_NOCTTY)
        } catch {
            throw .cannotOpenStream(path: path, error)
        }
    }

    /// A preopened directory's descriptor: every directory right, or only the reading ones.
    static func preopen(_ directory: PreopenedDirectory) throws(WASIError) -> Descriptor {
        let name = Array(directory.guestPath.utf8)
        guard !name.isEmpty, !name.contains(0) else { throw .invalidGuestPath(directory.guestPath) }
        let fd: Int32
        do {
            fd = try HostCall.open(Array(directory.hostPath.utf8), in: AT_FDCWD, flags: O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        } catch {
            throw .cannotOpenDirectory(path: directory.hostPath, error)
        }
        let withheld: Rights = directory.readOnly ? .modifying : []
        return Descriptor(target: .host(HostDescriptor(fd: fd)), fileType: .directory,
                          rights: Rights.directory.subtracting(withheld),
                          inheritingRights: Rights.all.subtracting(withheld), preopenName: name)
    }
}
