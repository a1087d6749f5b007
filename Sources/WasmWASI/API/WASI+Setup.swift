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
            return try hostStream(HostDescriptor(fd: 0, owned: false), allowed: Rights.all.subtracting(.fdWrite))
        case .bytes(let bytes):
            return Descriptor(target: .input(InputBytes(bytes)), fileType: .unknown,
                              rights: [.fdRead, .fdFilestatGet, .pollFdReadwrite], inheritingRights: [])
        case .file(let path):
            let fd = try openStreamFile(path, flags: O_RDONLY)
            return try hostStream(HostDescriptor(fd: fd, owned: true), allowed: Rights.all.subtracting(.fdWrite))
        }
    }

    /// Descriptor 1 or 2 for a configured output stream.
    static func standardOutput(_ output: WASIOutput, number: Int32) throws(WASIError) -> Descriptor {
        let writing = Rights.all.subtracting(.fdRead)
        switch output {
        case .inherit:
            return try hostStream(HostDescriptor(fd: number, owned: false), allowed: writing)
        case .buffer(let buffer):
            return Descriptor(target: .output(buffer), fileType: .unknown,
                              rights: [.fdWrite, .fdDatasync, .fdSync, .fdFilestatGet, .pollFdReadwrite],
                              inheritingRights: [])
        case .file(let path):
            let fd = try openStreamFile(path, flags: O_WRONLY | O_CREAT | O_TRUNC)
            return try hostStream(HostDescriptor(fd: fd, owned: true), allowed: writing)
        }
    }

    /// A descriptor for a host stream: its type from the host, its rights from its type.
    static func hostStream(_ host: HostDescriptor, allowed: Rights) throws(WASIError) -> Descriptor {
        let fileType: FileType
        do {
            fileType = FileType(hostMode: try HostCall.status(of: host.fd).st_mode)
        } catch {
            // A standard stream the process does not have (closed): reads and writes fail with
            // the host's error, as they would natively.
            fileType = .unknown
        }
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
        return Descriptor(target: .host(HostDescriptor(fd: fd, owned: true)), fileType: .directory,
                          rights: Rights.directory.subtracting(withheld),
                          inheritingRights: Rights.all.subtracting(withheld), preopenName: name)
    }
}
