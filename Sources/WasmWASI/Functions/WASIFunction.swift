import WasmBinary
import WasmInterpreter

/// The arguments of one call of a WASI function, and the caller's memory.
struct WASICall {
    let arguments: [Value]
    let memory: GuestMemory

    /// Argument `index` as an unsigned 32-bit value (an i32: a pointer, a length, a descriptor).
    func u32(_ index: Int) -> UInt32 {
        if case .i32(let bits) = arguments[index] { return bits }
        return 0
    }

    /// Argument `index` as an unsigned 64-bit value (an i64: an offset, a time, rights).
    func u64(_ index: Int) -> UInt64 {
        if case .i64(let bits) = arguments[index] { return bits }
        return 0
    }

    /// Argument `index` as a path or other string: the bytes at (argument `index`, length
    /// argument `index + 1`).
    func bytes(_ index: Int) throws(Trap) -> [UInt8] {
        try memory.copy(at: u32(index), count: u32(index + 1))
    }
}

/// One function of `wasi_snapshot_preview1`: its name, its wasm signature, and what it does.
/// The body returns on success and throws a `WASIErrno` for the program; a `Trap`, `WASIExit` or
/// `WASIError` ends the run.
struct WASIFunction {
    let name: String
    let type: FunctionType
    let usesMemory: Bool
    let body: (WASI) -> (WASICall) throws -> Void

    /// A function returning an errno, with `parameters` as i32 (`i`) and i64 (`I`) letters.
    init(_ name: String, _ parameters: String, usesMemory: Bool = true, _ body: @escaping (WASI) -> (WASICall) throws -> Void) {
        self.name = name
        type = FunctionType(parameters: parameters.map { $0 == "I" ? ValueType.i64 : .i32 }, results: [.i32])
        self.usesMemory = usesMemory
        self.body = body
    }

    /// A function without a result (`proc_exit`).
    init(noResult name: String, _ parameters: String, _ body: @escaping (WASI) -> (WASICall) throws -> Void) {
        self.name = name
        type = FunctionType(parameters: parameters.map { $0 == "I" ? ValueType.i64 : .i32 })
        usesMemory = false
        self.body = body
    }

    /// All 46 functions, in the order of `wasi_snapshot_preview1.witx`.
    static var all: [WASIFunction] {
        [
            WASIFunction("args_get", "ii", WASI.argsGet),
            WASIFunction("args_sizes_get", "ii", WASI.argsSizesGet),
            WASIFunction("environ_get", "ii", WASI.environGet),
            WASIFunction("environ_sizes_get", "ii", WASI.environSizesGet),
            WASIFunction("clock_res_get", "ii", WASI.clockResGet),
            WASIFunction("clock_time_get", "iIi", WASI.clockTimeGet),
            WASIFunction("fd_advise", "iIIi", usesMemory: false, WASI.fdAdvise),
            WASIFunction("fd_allocate", "iII", usesMemory: false, WASI.fdAllocate),
            WASIFunction("fd_close", "i", usesMemory: false, WASI.fdClose),
            WASIFunction("fd_datasync", "i", usesMemory: false, WASI.fdDatasync),
            WASIFunction("fd_fdstat_get", "ii", WASI.fdFdstatGet),
            WASIFunction("fd_fdstat_set_flags", "ii", usesMemory: false, WASI.fdFdstatSetFlags),
            WASIFunction("fd_fdstat_set_rights", "iII", usesMemory: false, WASI.fdFdstatSetRights),
            WASIFunction("fd_filestat_get", "ii", WASI.fdFilestatGet),
            WASIFunction("fd_filestat_set_size", "iI", usesMemory: false, WASI.fdFilestatSetSize),
            WASIFunction("fd_filestat_set_times", "iIIi", usesMemory: false, WASI.fdFilestatSetTimes),
            WASIFunction("fd_pread", "iiiIi", WASI.fdPread),
            WASIFunction("fd_prestat_get", "ii", WASI.fdPrestatGet),
            WASIFunction("fd_prestat_dir_name", "iii", WASI.fdPrestatDirName),
            WASIFunction("fd_pwrite", "iiiIi", WASI.fdPwrite),
            WASIFunction("fd_read", "iiii", WASI.fdRead),
            WASIFunction("fd_readdir", "iiiIi", WASI.fdReaddir),
            WASIFunction("fd_renumber", "ii", usesMemory: false, WASI.fdRenumber),
            WASIFunction("fd_seek", "iIii", WASI.fdSeek),
            WASIFunction("fd_sync", "i", usesMemory: false, WASI.fdSync),
            WASIFunction("fd_tell", "ii", WASI.fdTell),
            WASIFunction("fd_write", "iiii", WASI.fdWrite),
            WASIFunction("path_create_directory", "iii", WASI.pathCreateDirectory),
            WASIFunction("path_filestat_get", "iiiii", WASI.pathFilestatGet),
            WASIFunction("path_filestat_set_times", "iiiiIIi", WASI.pathFilestatSetTimes),
            WASIFunction("path_link", "iiiiiii", WASI.pathLink),
            WASIFunction("path_open", "iiiiiIIii", WASI.pathOpen),
            WASIFunction("path_readlink", "iiiiii", WASI.pathReadlink),
            WASIFunction("path_remove_directory", "iii", WASI.pathRemoveDirectory),
            WASIFunction("path_rename", "iiiiii", WASI.pathRename),
            WASIFunction("path_symlink", "iiiii", WASI.pathSymlink),
            WASIFunction("path_unlink_file", "iii", WASI.pathUnlinkFile),
            WASIFunction("poll_oneoff", "iiii", WASI.pollOneoff),
            WASIFunction(noResult: "proc_exit", "i", WASI.procExit),
            WASIFunction("proc_raise", "i", usesMemory: false, WASI.procRaise),
            WASIFunction("sched_yield", "", usesMemory: false, WASI.schedYield),
            WASIFunction("random_get", "ii", WASI.randomGet),
            WASIFunction("sock_accept", "iii", WASI.sockAccept),
            WASIFunction("sock_recv", "iiiiii", WASI.sockRecv),
            WASIFunction("sock_send", "iiiii", WASI.sockSend),
            WASIFunction("sock_shutdown", "ii", usesMemory: false, WASI.sockShutdown),
        ]
    }
}
