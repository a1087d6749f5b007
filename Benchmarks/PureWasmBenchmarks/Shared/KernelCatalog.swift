/// The kernels of `Fixtures/kernels` at the sizes the benchmarks time, with the expected results
/// listed in `Fixtures/kernels/README.md` (checked there against independent JavaScript
/// implementations in V8).
enum KernelCatalog {
    static let all: [KernelCase] = [
        KernelCase("fib", file: "fib.wasm", size: 30, expected: .i32(832_040),
                   instructions: fibInstructions(30)),
        // 23 per iteration; the entry check and the final local.get add 4.
        KernelCase("xorshift", file: "loop.wasm", size: 10_000_000, expected: .i32(3_882_214_040),
                   instructions: 23 * 10_000_000 + 4),
        // 13 per iteration, 4 in the exiting test and 1 for the final local.get.
        KernelCase("sum", file: "loop.wasm", size: 10_000_000, expected: .i32(2_280_707_264),
                   instructions: 13 * 10_000_000 + 5),
        // 18 per byte, 4 to set up, 4 in the exiting test and 1 for the final local.get.
        KernelCase("fnv1a", file: "fnv1a.wasm", size: 1 << 20, expected: .i32(3_269_238_213),
                   arguments: [.i32(0), .i32(1 << 20)],
                   preparation: KernelCall(export: "fill", arguments: [.i32(1 << 20)], expected: .i32(0)),
                   instructions: 18 * (1 << 20) + 9),
        KernelCase("sieve", file: "sieve.wasm", size: 1_000_000, expected: .i32(78_498)),
        KernelCase("sort", file: "sort.wasm", size: 100_000, expected: .int32(-507_236_248)),
        KernelCase("hash64", file: "hash64.wasm", size: 1_000_000, expected: .i64(7_174_152_788_999_403_947)),
        KernelCase("mandelbrot", file: "mandelbrot.wasm", size: 200, expected: .i32(15_899)),
        KernelCase("nbody", file: "nbody.wasm", size: 100_000, expected: .f64(-0.169079859)),
        KernelCase("vm", file: "vm.wasm", size: 1_000_000, expected: .i32(2_525_276_230)),
        KernelCase("callindirect", file: "callindirect.wasm", size: 1_000_000, expected: .i32(3_116_305_497)),
        // stringOps' original byte-at-a-time loops over 1 MiB of text (see stringops.wat).
        KernelCase("strhash", file: "stringops.wasm", size: 1 << 20, expected: .i32(4_226_911_451), export: "fastHash",
                   arguments: [.i32(1024), .i32(1 << 20)], preparation: stringOpsPreparation),
        KernelCase("strcompare", file: "stringops.wasm", size: 1 << 20, expected: .int32(-1), export: "fastCompare",
                   arguments: [.i32(1024), .i32(1 << 20), .i32(1024 + (1 << 20)), .i32(1 << 20)], preparation: stringOpsPreparation),
        KernelCase("strsearch", file: "stringops.wasm", size: 1 << 20, expected: .i32(1_048_568), export: "fastSearch",
                   arguments: [.i32(1024), .i32(1 << 20), .i32(64), .i32(8)], preparation: stringOpsPreparation),
    ]

    /// stringops.wasm's inputs for 1 MiB: the text at 1024, its copy after it, the needle at 64.
    static let stringOpsPreparation = KernelCall(export: "prepare", arguments: [.i32(1 << 20)], expected: .i32(0))

    /// Instructions fib(n) executes: 5 in each of its fib(n+1) base-case calls and 13 in each of
    /// the fib(n+1) − 1 others (fib.wat; 24,232,829 for n = 30 per the kernels README).
    static func fibInstructions(_ n: Int) -> Int {
        var (a, b) = (0, 1)
        for _ in 0..<(n + 1) { (a, b) = (b, a + b) }
        return 5 * a + 13 * (a - 1)
    }
}
