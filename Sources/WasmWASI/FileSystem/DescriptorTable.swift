/// The program's file descriptors: numbers to descriptors. New descriptors take the lowest free
/// number.
struct DescriptorTable {
    private var slots: [Descriptor?] = []

    /// The descriptor numbered `fd`, or `badf`.
    func get(_ fd: UInt32) throws(WASIErrno) -> Descriptor {
        guard Int(fd) < slots.count, let descriptor = slots[Int(fd)] else { throw .badf }
        return descriptor
    }

    /// The descriptor numbered `fd` if it holds every right in `rights`: `badf` when there is
    /// none, `notcapable` when a right is missing.
    func get(_ fd: UInt32, requiring rights: Rights) throws(WASIErrno) -> Descriptor {
        let descriptor = try get(fd)
        try descriptor.require(rights)
        return descriptor
    }

    /// Adds `descriptor` under the lowest free number and returns that number.
    mutating func insert(_ descriptor: Descriptor) throws(WASIErrno) -> UInt32 {
        if let free = slots.firstIndex(where: { $0 == nil }) {
            slots[free] = descriptor
            return UInt32(free)
        }
        guard slots.count < Int(Int32.max) else { throw .mfile }
        slots.append(descriptor)
        return UInt32(slots.count - 1)
    }

    /// Removes and returns the descriptor numbered `fd`, or `badf`.
    @discardableResult
    mutating func remove(_ fd: UInt32) throws(WASIErrno) -> Descriptor {
        let descriptor = try get(fd)
        slots[Int(fd)] = nil
        while let last = slots.last, last == nil { slots.removeLast() }
        return descriptor
    }

    /// Moves descriptor `from` to number `to`, closing what `to` held (`fd_renumber`). Both must
    /// be open.
    mutating func renumber(_ from: UInt32, to: UInt32) throws(WASIErrno) {
        let descriptor = try get(from)
        _ = try get(to)
        guard from != to else { return }
        slots[Int(to)] = descriptor
        try remove(from)
    }

    /// Every open descriptor number, in order.
    var openNumbers: [UInt32] {
        slots.indices.compactMap { slots[$0] == nil ? nil : UInt32($0) }
    }
}
