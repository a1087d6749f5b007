import WasmInterpreter

/// The calling program's linear memory for the length of one WASI call: little-endian reads and
/// writes at guest addresses, each checked against the memory's size. An address outside the
/// memory is the guest's fault and traps (`out of bounds memory access`), as wasm's own loads do.
struct GuestMemory {
    let bytes: UnsafeMutableRawBufferPointer

    /// The host offset of `count` bytes at guest address `address`, or a trap when they do not fit.
    @inline(__always)
    func offset(_ address: UInt32, count: Int) throws(Trap) -> Int {
        let start = Int(address)
        guard count >= 0, start <= bytes.count, count <= bytes.count - start else {
            throw Trap(.outOfBoundsMemoryAccess)
        }
        return start
    }

    /// `address + count` as a guest address; past 4 GiB is out of bounds.
    static func advance(_ address: UInt32, by count: Int) throws(Trap) -> UInt32 {
        guard count >= 0, let next = UInt32(exactly: UInt64(address) + UInt64(count)) else {
            throw Trap(.outOfBoundsMemoryAccess)
        }
        return next
    }

    func load<T: FixedWidthInteger>(_ type: T.Type, at address: UInt32) throws(Trap) -> T {
        let start = try offset(address, count: MemoryLayout<T>.size)
        return T(littleEndian: bytes.loadUnaligned(fromByteOffset: start, as: T.self))
    }

    func store<T: FixedWidthInteger>(_ value: T, at address: UInt32) throws(Trap) {
        let start = try offset(address, count: MemoryLayout<T>.size)
        bytes.storeBytes(of: value.littleEndian, toByteOffset: start, as: T.self)
    }

    /// The `count` bytes at `address`, in place (valid for this call only).
    func region(at address: UInt32, count: UInt32) throws(Trap) -> UnsafeMutableRawBufferPointer {
        let start = try offset(address, count: Int(count))
        return UnsafeMutableRawBufferPointer(rebasing: bytes[start..<(start + Int(count))])
    }

    /// A copy of the `count` bytes at `address` (a path or a symbolic link's contents).
    func copy(at address: UInt32, count: UInt32) throws(Trap) -> [UInt8] {
        Array(try region(at: address, count: count))
    }

    /// Writes `data` at `address`.
    func write(_ data: some Collection<UInt8>, at address: UInt32) throws(Trap) {
        guard data.count <= UInt32.max else { throw Trap(.outOfBoundsMemoryAccess) }
        let target = try region(at: address, count: UInt32(data.count))
        _ = target.initializeMemory(as: UInt8.self, from: data)
    }

    /// The buffers of an `iovec`/`ciovec` array: `count` records of (address: u32, length: u32).
    func vectors(at address: UInt32, count: UInt32) throws(Trap) -> [UnsafeMutableRawBufferPointer] {
        let table = try offset(address, count: Int(count) * 8)
        var buffers: [UnsafeMutableRawBufferPointer] = []
        buffers.reserveCapacity(Int(count))
        for index in 0..<Int(count) {
            let record = UInt32(table + index * 8)
            let base = try load(UInt32.self, at: record)
            let length = try load(UInt32.self, at: record + 4)
            buffers.append(try region(at: base, count: length))
        }
        return buffers
    }
}
