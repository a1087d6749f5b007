/// What a file descriptor may be used for (`rights`, 64 bits). A descriptor has base rights (for
/// itself) and inheriting rights (the most that descriptors opened through it may get); rights can
/// be dropped (`fd_fdstat_set_rights`), never regained.
struct Rights: OptionSet, Hashable {
    let rawValue: UInt64

    static let fdDatasync = Rights(rawValue: 1 << 0)
    static let fdRead = Rights(rawValue: 1 << 1)
    static let fdSeek = Rights(rawValue: 1 << 2)
    static let fdFdstatSetFlags = Rights(rawValue: 1 << 3)
    static let fdSync = Rights(rawValue: 1 << 4)
    static let fdTell = Rights(rawValue: 1 << 5)
    static let fdWrite = Rights(rawValue: 1 << 6)
    static let fdAdvise = Rights(rawValue: 1 << 7)
    static let fdAllocate = Rights(rawValue: 1 << 8)
    static let pathCreateDirectory = Rights(rawValue: 1 << 9)
    static let pathCreateFile = Rights(rawValue: 1 << 10)
    static let pathLinkSource = Rights(rawValue: 1 << 11)
    static let pathLinkTarget = Rights(rawValue: 1 << 12)
    static let pathOpen = Rights(rawValue: 1 << 13)
    static let fdReaddir = Rights(rawValue: 1 << 14)
    static let pathReadlink = Rights(rawValue: 1 << 15)
    static let pathRenameSource = Rights(rawValue: 1 << 16)
    static let pathRenameTarget = Rights(rawValue: 1 << 17)
    static let pathFilestatGet = Rights(rawValue: 1 << 18)
    static let pathFilestatSetSize = Rights(rawValue: 1 << 19)
    static let pathFilestatSetTimes = Rights(rawValue: 1 << 20)
    static let fdFilestatGet = Rights(rawValue: 1 << 21)
    static let fdFilestatSetSize = Rights(rawValue: 1 << 22)
    static let fdFilestatSetTimes = Rights(rawValue: 1 << 23)
    static let pathSymlink = Rights(rawValue: 1 << 24)
    static let pathRemoveDirectory = Rights(rawValue: 1 << 25)
    static let pathUnlinkFile = Rights(rawValue: 1 << 26)
    static let pollFdReadwrite = Rights(rawValue: 1 << 27)
    static let sockShutdown = Rights(rawValue: 1 << 28)
    static let sockAccept = Rights(rawValue: 1 << 29)

    /// Every right the specification defines.
    static let all = Rights(rawValue: (1 << 30) - 1)

    /// The rights that can apply to a regular file.
    static let regularFile: Rights = [
        .fdDatasync, .fdRead, .fdSeek, .fdFdstatSetFlags, .fdSync, .fdTell, .fdWrite, .fdAdvise,
        .fdAllocate, .fdFilestatGet, .fdFilestatSetSize, .fdFilestatSetTimes, .pollFdReadwrite,
    ]

    /// The rights that can apply to a directory (its own operations and the paths under it).
    static let directory: Rights = [
        .fdFdstatSetFlags, .fdSync, .fdAdvise, .pathCreateDirectory, .pathCreateFile, .pathLinkSource,
        .pathLinkTarget, .pathOpen, .fdReaddir, .pathReadlink, .pathRenameSource, .pathRenameTarget,
        .pathFilestatGet, .pathFilestatSetSize, .pathFilestatSetTimes, .fdFilestatGet,
        .fdFilestatSetTimes, .pathSymlink, .pathRemoveDirectory, .pathUnlinkFile,
    ]

    /// The rights that can apply to a stream that cannot seek (a terminal, a pipe, in-memory bytes).
    static let stream: Rights = [
        .fdDatasync, .fdRead, .fdFdstatSetFlags, .fdSync, .fdWrite, .fdFilestatGet, .pollFdReadwrite,
    ]

    /// The rights that change something: what a read-only preopen withholds from itself and from
    /// everything opened through it.
    static let modifying: Rights = [
        .fdDatasync, .fdWrite, .fdAllocate, .fdSync, .pathCreateDirectory, .pathCreateFile,
        .pathLinkTarget, .pathRenameSource, .pathRenameTarget, .pathFilestatSetSize,
        .pathFilestatSetTimes, .fdFilestatSetSize, .fdFilestatSetTimes, .pathSymlink,
        .pathRemoveDirectory, .pathUnlinkFile,
    ]
}
