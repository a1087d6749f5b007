import WasmBinary

/// The stringOps WebAssembly module's contract: what it imports, what it exports, and the bytes of
/// the copy built into this library (`Fixtures/stringOps.wasm`).
public enum StringOpsModule {
    /// The name the module is registered under in a ``WasmRuntimeCoordinator``.
    public static let name = "stringOps"

    /// `fastHash(ptr, len) -> hash`.
    public static let hashExport = "fastHash"
    /// `fastCompare(ptr1, len1, ptr2, len2) -> -1 | 0 | 1`.
    public static let compareExport = "fastCompare"
    /// `fastSearch(haystackPtr, haystackLen, needlePtr, needleLen) -> offset | -1`.
    public static let searchExport = "fastSearch"

    /// Each export the wrapper calls, with the type it must have.
    public static let requiredExports: [(name: String, type: FunctionType)] = [
        (hashExport, FunctionType(parameters: [.i32, .i32], results: [.i32])),
        (compareExport, FunctionType(parameters: [.i32, .i32, .i32, .i32], results: [.i32])),
        (searchExport, FunctionType(parameters: [.i32, .i32, .i32, .i32], results: [.i32])),
    ]
}
