import WasmInterpreter

extension WASI {
    /// `args_get(argv, argv_buf)`: the argument pointers at `argv`, the NUL-terminated
    /// arguments packed at `argv_buf`.
    func argsGet(_ call: WASICall) throws {
        try Self.storeStrings(arguments, pointers: call.u32(0), buffer: call.u32(1), in: call.memory)
    }

    /// `args_sizes_get() -> (count, buffer size)`.
    func argsSizesGet(_ call: WASICall) throws {
        try Self.storeSizes(of: arguments, count: call.u32(0), size: call.u32(1), in: call.memory)
    }

    /// `environ_get(environ, environ_buf)`: like `args_get`, with `NAME=VALUE` strings.
    func environGet(_ call: WASICall) throws {
        try Self.storeStrings(environment, pointers: call.u32(0), buffer: call.u32(1), in: call.memory)
    }

    /// `environ_sizes_get() -> (count, buffer size)`.
    func environSizesGet(_ call: WASICall) throws {
        try Self.storeSizes(of: environment, count: call.u32(0), size: call.u32(1), in: call.memory)
    }

    private static func storeStrings(_ strings: [[UInt8]], pointers: UInt32, buffer: UInt32, in memory: GuestMemory) throws {
        var pointer = pointers
        var next = buffer
        for string in strings {
            try memory.store(next, at: pointer)
            try memory.write(string, at: next)
            pointer = try GuestMemory.advance(pointer, by: 4)
            next = try GuestMemory.advance(next, by: string.count)
        }
    }

    private static func storeSizes(of strings: [[UInt8]], count: UInt32, size: UInt32, in memory: GuestMemory) throws {
        let total = strings.reduce(0) { $0 + $1.count }
        guard total <= UInt32.max else { throw WASIErrno.overflow }
        try memory.store(UInt32(strings.count), at: count)
        try memory.store(UInt32(total), at: size)
    }
}
