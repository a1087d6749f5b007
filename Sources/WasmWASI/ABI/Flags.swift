/// File descriptor flags (`fdflags`, 16 bits).
struct FDFlags: OptionSet {
    let rawValue: UInt16
    static let append = FDFlags(rawValue: 1 << 0)
    static let dsync = FDFlags(rawValue: 1 << 1)
    static let nonblock = FDFlags(rawValue: 1 << 2)
    static let rsync = FDFlags(rawValue: 1 << 3)
    static let sync = FDFlags(rawValue: 1 << 4)
    static let all: FDFlags = [.append, .dsync, .nonblock, .rsync, .sync]
}

/// How `path_open` opens (`oflags`, 16 bits).
struct OpenFlags: OptionSet {
    let rawValue: UInt16
    static let create = OpenFlags(rawValue: 1 << 0)
    static let directory = OpenFlags(rawValue: 1 << 1)
    static let exclusive = OpenFlags(rawValue: 1 << 2)
    static let truncate = OpenFlags(rawValue: 1 << 3)
    static let all: OpenFlags = [.create, .directory, .exclusive, .truncate]
}

/// How a path is resolved (`lookupflags`, 32 bits): whether a final symbolic link is followed.
struct LookupFlags: OptionSet {
    let rawValue: UInt32
    static let symlinkFollow = LookupFlags(rawValue: 1 << 0)
}

/// Which timestamps to set (`fstflags`, 16 bits).
struct TimeFlags: OptionSet {
    let rawValue: UInt16
    static let accessTime = TimeFlags(rawValue: 1 << 0)
    static let accessTimeNow = TimeFlags(rawValue: 1 << 1)
    static let modificationTime = TimeFlags(rawValue: 1 << 2)
    static let modificationTimeNow = TimeFlags(rawValue: 1 << 3)
    static let all: TimeFlags = [.accessTime, .accessTimeNow, .modificationTime, .modificationTimeNow]
}

/// The type of a file or descriptor (`filetype`, 8 bits).
enum FileType: UInt8 {
    case unknown, blockDevice, characterDevice, directory, regularFile, socketDatagram, socketStream, symbolicLink
}

/// The base of `fd_seek` (`whence`, 8 bits).
enum Whence: UInt8 {
    case set, current, end
}

/// What a `poll_oneoff` subscription waits for (`eventtype`, 8 bits).
enum EventType: UInt8 {
    case clock, fdRead, fdWrite
}

/// `fd_advise`'s advice (`advice`, 8 bits).
enum Advice: UInt8 {
    case normal, sequential, random, willNeed, dontNeed, noReuse
}
