extension WASI {
    /// `fd_readdir(fd, buf, buf_len, cookie) -> size`: entries from `cookie` on (0 is the start).
    /// The directory is read when a program starts at cookie 0; later cookies index that
    /// listing, so they stay valid however many calls it takes and whatever changes meanwhile.
    func fdReaddir(_ call: WASICall) throws {
        let descriptor = try descriptors.get(call.u32(0), requiring: .fdReaddir)
        let directory = try descriptor.directory()
        let buffer = try call.memory.region(at: call.u32(1), count: call.u32(2))
        let cookie = call.u64(3)
        let listing: [DirectoryEntry]
        if cookie == 0 || descriptor.listing == nil {
            listing = try DirectoryListing.read(directory)
            descriptor.listing = listing
        } else {
            listing = descriptor.listing ?? []
        }
        let used = DirectoryListing.write(listing, from: cookie, into: buffer)
        try call.memory.store(UInt32(used), at: call.u32(4))
    }
}
