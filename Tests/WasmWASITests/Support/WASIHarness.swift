import WasmBinary
import WasmInterpreter
import WasmText
import WasmWASI

/// A module that imports WASI functions and exports them again, with its memory: tests call
/// WASI functions directly, with paths and buffers they place in that memory.
///
/// Memory layout: paths at `pathA` and `pathB`, results at `result`, buffers from `buffer` on.
final class WASIHarness {
    static let pathA: UInt32 = 1024
    static let pathB: UInt32 = 2048
    static let result: UInt32 = 64
    static let buffer: UInt32 = 8192

    /// The functions the harness exports, with their parameters (`i` i32, `I` i64), written
    /// here from the witx independently of the library's own table.
    static let signatures: [(name: String, parameters: String)] = [
        ("args_get", "ii"), ("args_sizes_get", "ii"), ("environ_get", "ii"), ("environ_sizes_get", "ii"),
        ("clock_res_get", "ii"), ("clock_time_get", "iIi"), ("fd_advise", "iIIi"), ("fd_allocate", "iII"),
        ("fd_close", "i"), ("fd_datasync", "i"), ("fd_fdstat_get", "ii"), ("fd_fdstat_set_flags", "ii"),
        ("fd_fdstat_set_rights", "iII"), ("fd_filestat_get", "ii"), ("fd_filestat_set_size", "iI"),
        ("fd_filestat_set_times", "iIIi"), ("fd_pread", "iiiIi"), ("fd_prestat_get", "ii"),
        ("fd_prestat_dir_name", "iii"), ("fd_pwrite", "iiiIi"), ("fd_read", "iiii"), ("fd_readdir", "iiiIi"),
        ("fd_renumber", "ii"), ("fd_seek", "iIii"), ("fd_sync", "i"), ("fd_tell", "ii"), ("fd_write", "iiii"),
        ("path_create_directory", "iii"), ("path_filestat_get", "iiiii"), ("path_filestat_set_times", "iiiiIIi"),
        ("path_link", "iiiiiii"), ("path_open", "iiiiiIIii"), ("path_readlink", "iiiiii"),
        ("path_remove_directory", "iii"), ("path_rename", "iiiiii"), ("path_symlink", "iiiii"),
        ("path_unlink_file", "iii"), ("poll_oneoff", "iiii"), ("proc_raise", "i"), ("sched_yield", ""),
        ("random_get", "ii"), ("sock_accept", "iii"), ("sock_recv", "iiiiii"), ("sock_send", "iiiii"),
        ("sock_shutdown", "ii"),
    ]

    static func makeModule() throws -> CompiledModule {
        var text = "(module\n"
        for (name, parameters) in signatures {
            let types = parameters.map { $0 == "I" ? "i64" : "i32" }.joined(separator: " ")
            text += "  (import \"wasi_snapshot_preview1\" \"\(name)\" (func $\(name) (param \(types)) (result i32)))\n"
            text += "  (export \"\(name)\" (func $\(name)))\n"
        }
        text += "  (import \"wasi_snapshot_preview1\" \"proc_exit\" (func $proc_exit (param i32)))\n"
        text += "  (export \"proc_exit\" (func $proc_exit))\n"
        text += "  (memory (export \"memory\") 2))\n"
        return try CompiledModule(bytes: try WatParser.assemble(text))
    }

    let wasi: WASI
    let instance: Instance
    let memory: Memory

    init(_ configuration: WASIConfiguration = WASIConfiguration()) throws {
        wasi = try WASI(configuration: configuration)
        instance = try wasi.instantiate(try Self.makeModule(), in: Runtime())
        guard let memory = instance.memory("memory") else { throw WASIError.noMemory(function: "harness") }
        self.memory = memory
    }

    /// Calls WASI function `name` with i32 and i64 arguments and returns its errno.
    func call(_ name: String, _ arguments: Value...) throws -> WASIErrno {
        let results = try instance.invoke(name, arguments)
        guard case .i32(let raw)? = results.first, let errno = WASIErrno(rawValue: UInt16(raw)) else {
            throw WASIError.noMemory(function: "\(name) returned \(results)")
        }
        return errno
    }

    /// Places `text` at `address` and returns (address, length) arguments for it.
    func place(_ text: String, at address: UInt32 = pathA) throws -> (Value, Value) {
        let bytes = Array(text.utf8)
        try memory.write(bytes, at: Int(address))
        return (.i32(address), .i32(UInt32(bytes.count)))
    }

    func u32(at address: UInt32) throws -> UInt32 {
        let bytes = try memory.read(at: Int(address), count: 4)
        return bytes.reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    func u64(at address: UInt32) throws -> UInt64 {
        let bytes = try memory.read(at: Int(address), count: 8)
        return bytes.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }
}

/// Argument helpers: WASI's integer arguments as wasm values.
extension Value {
    static func fd(_ number: UInt32) -> Value { .i32(number) }
    static func u32(_ value: UInt32) -> Value { .i32(value) }
    static func u64(_ value: UInt64) -> Value { .i64(value) }
}
