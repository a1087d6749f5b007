/// A guest path resolved to its last component: the host directory that holds it and the
/// component's name. Resolution never leaves the directory it started from.
final class ResolvedPath {
    /// The host directory holding `name`.
    let directory: Int32
    /// One path component, never containing `/`: a name, or `.` for `directory` itself.
    let name: [UInt8]
    /// The guest path ended in `/`: what it names must be a directory.
    let trailingSlash: Bool
    /// Directories opened while resolving, closed with this value.
    private let opened: [Int32]

    init(directory: Int32, name: [UInt8], trailingSlash: Bool, opened: [Int32]) {
        self.directory = directory
        self.name = name
        self.trailingSlash = trailingSlash
        self.opened = opened
    }

    deinit {
        for fd in opened { HostCall.close(fd) }
    }

    /// Whether the path names the starting directory itself (or one of its subdirectories by
    /// `..`), not an entry in it.
    var isDirectoryItself: Bool { name == PathResolver.dot }
}

/// Resolves guest paths the way the capability model requires: relative to a directory
/// descriptor, one component at a time, each directory opened with `openat` and `O_NOFOLLOW`,
/// symbolic links read and expanded here (at most `symlinkLimit` of them), never by handing the
/// host a path with more than one component.
///
/// Refused with `notcapable`: an absolute path, a `..` that would climb above the starting
/// directory, and a symbolic link whose target is absolute or climbs above it.
enum PathResolver {
    /// How many symbolic links one resolution may expand before it is a loop (`loop`).
    static let symlinkLimit = 40

    static let slash = UInt8(ascii: "/")
    static let dot: [UInt8] = [UInt8(ascii: ".")]
    static let dotDot: [UInt8] = [UInt8(ascii: "."), UInt8(ascii: ".")]

    /// Resolves `path` under the host directory `start`. A symbolic link as the last component is
    /// followed when `followFinal` is set, or when the path ends in `/` and `slashFollows` is set.
    static func resolve(_ path: [UInt8], from start: Int32, followFinal: Bool,
                        slashFollows: Bool = true) throws(WASIErrno) -> ResolvedPath {
        guard !path.isEmpty else { throw .noent }
        guard !path.contains(0) else { throw .inval }
        guard path.first != slash else { throw .notcapable }
        // Components still to resolve, the next one last.
        var pending = Array(components(of: path).reversed())
        var trailingSlash = path.last == slash
        // The directories walked into: `stack[0]` is `start`, the others are ours to close.
        var stack: [Int32] = [start]
        var links = 0
        var finished = false
        defer {
            if !finished { for fd in stack.dropFirst() { HostCall.close(fd) } }
        }
        while let component = pending.popLast() {
            let isLast = pending.isEmpty
            if component == dot || component == dotDot {
                if component == dotDot {
                    guard stack.count > 1 else { throw .notcapable }
                    HostCall.close(stack.removeLast())
                }
                if isLast { break }
                continue
            }
            let top = stack[stack.count - 1]
            if isLast {
                if followFinal || (trailingSlash && slashFollows),
                   let target = try finalLinkTarget(component, in: top) {
                    try expand(target, into: &pending, links: &links, trailingSlash: &trailingSlash)
                    continue
                }
                finished = true
                return ResolvedPath(directory: top, name: component, trailingSlash: trailingSlash,
                                    opened: Array(stack.dropFirst()))
            }
            do {
                stack.append(try HostCall.open(component, in: top, flags: HostPlatform.directoryLookup))
            } catch .notdir, .loop {
                // Either a symbolic link (O_NOFOLLOW refused it) or not a directory at all.
                guard let target = try HostCall.linkTarget(component, in: top) else { throw .notdir }
                try expand(target, into: &pending, links: &links, trailingSlash: &trailingSlash)
            }
        }
        // The path ended in `.` or `..`: it names the directory on top of the stack itself.
        finished = true
        return ResolvedPath(directory: stack[stack.count - 1], name: dot, trailingSlash: trailingSlash,
                            opened: Array(stack.dropFirst()))
    }

    /// The target of the last component if it is a symbolic link; nil if it is something else
    /// or nothing yet (a file about to be created).
    private static func finalLinkTarget(_ name: [UInt8], in directory: Int32) throws(WASIErrno) -> [UInt8]? {
        do {
            return try HostCall.linkTarget(name, in: directory)
        } catch .noent {
            return nil
        }
    }

    /// Puts the components of a symbolic link's `target` in front of those still pending.
    private static func expand(_ target: [UInt8], into pending: inout [[UInt8]], links: inout Int,
                               trailingSlash: inout Bool) throws(WASIErrno) {
        links += 1
        guard links <= symlinkLimit else { throw .loop }
        guard !target.isEmpty else { throw .noent }
        guard target.first != slash else { throw .notcapable }
        if pending.isEmpty, target.last == slash { trailingSlash = true }
        pending.append(contentsOf: components(of: target).reversed())
    }

    /// The non-empty components of a path (`a//b/` is `a`, `b`).
    static func components(of path: [UInt8]) -> [[UInt8]] {
        path.split(separator: slash, omittingEmptySubsequences: true).map(Array.init)
    }
}
