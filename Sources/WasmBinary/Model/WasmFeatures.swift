/// The WebAssembly features a decoder and validator accept beyond WebAssembly 2.0.
///
/// The default, `.all`, is WebAssembly 3.0 without garbage collection plus two proposals beyond
/// it. `.webAssembly2` reads modules exactly as WebAssembly 2.0 does, which matters where 3.0
/// accepts what 2.0 rejected (several memories, `global.get` of a defined global in a constant
/// expression, 64-bit limits, a memory index where 2.0 wants a zero byte): the official 2.0
/// testsuite asserts those rejections.
public struct WasmFeatures: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32

    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// `return_call`, `return_call_indirect` (and with typed references `return_call_ref`).
    public static let tailCalls = WasmFeatures(rawValue: 1 << 0)
    /// Reference types with heap types (`(ref null? ht)`), `call_ref`, `ref.as_non_null`,
    /// `br_on_null`, `br_on_non_null`, non-defaultable locals, tables with initialisers, and
    /// recursive and sub types in the type section.
    public static let typedFunctionReferences = WasmFeatures(rawValue: 1 << 1)
    /// `i32`/`i64` `add`, `sub`, `mul` and `global.get` of any earlier immutable global in
    /// constant expressions.
    public static let extendedConstants = WasmFeatures(rawValue: 1 << 2)
    /// Several memories, and a memory index on every memory instruction.
    public static let multipleMemories = WasmFeatures(rawValue: 1 << 3)
    /// 64-bit memories and tables: `i64` address types, `u64` limits and offsets.
    public static let memory64 = WasmFeatures(rawValue: 1 << 4)
    /// Tags, `throw`, `throw_ref`, `try_table`, `exnref`, and the legacy `try`/`catch`/`delegate`/`rethrow`.
    public static let exceptions = WasmFeatures(rawValue: 1 << 5)
    /// The relaxed SIMD instructions.
    public static let relaxedSIMD = WasmFeatures(rawValue: 1 << 6)
    /// `i64.add128`, `i64.sub128`, `i64.mul_wide_s`, `i64.mul_wide_u` (a proposal beyond 3.0).
    public static let wideArithmetic = WasmFeatures(rawValue: 1 << 7)
    /// Memories with one-byte pages (a proposal beyond 3.0).
    public static let customPageSizes = WasmFeatures(rawValue: 1 << 8)

    /// WebAssembly 2.0: none of the features above.
    public static let webAssembly2: WasmFeatures = []
    /// WebAssembly 3.0 without garbage collection.
    public static let webAssembly3: WasmFeatures = [
        .tailCalls, .typedFunctionReferences, .extendedConstants, .multipleMemories, .memory64, .exceptions, .relaxedSIMD,
    ]
    /// WebAssembly 3.0 without garbage collection, wide arithmetic and custom page sizes: the default.
    public static let all: WasmFeatures = webAssembly3.union([.wideArithmetic, .customPageSizes])
}
