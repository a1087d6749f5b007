/// One call of an exported kernel function with its expected result.
struct KernelCall: Sendable {
    let export: String
    let arguments: [KernelValue]
    let expected: KernelValue

    /// "fnv1a(0, 1048576)".
    var text: String {
        "\(export)(" + arguments.map(\.literal).joined(separator: ", ") + ")"
    }
}

/// A benchmark kernel from `Fixtures/kernels` (or a program from `Fixtures/programs`) at one
/// size: the module, the call one run makes, the result it must return, and how many wasm
/// instructions the run executes when that is known.
struct KernelCase: Sendable {
    /// The kernel's name in `Fixtures/kernels/README.md` (or the program's in `Fixtures/programs/README.md`).
    let kernel: String
    /// The folder of `Fixtures` that holds the module: "kernels" or "programs".
    let folder: String
    /// The module file in that folder.
    let file: String
    /// The size argument shown in tables.
    let size: Int
    /// The timed call.
    let run: KernelCall
    /// A call made once after instantiation and before timing (fnv1a's `fill`).
    let preparation: KernelCall?
    /// Wasm instructions one run executes (excluding `block`, `loop` and `end`, as the kernels
    /// README counts them), when known.
    let instructions: Int?

    /// "fib(30)".
    var label: String { "\(kernel)(\(size))" }

    /// The name `--filter` matches: "kernel/fib(30)", "program/json(2000)".
    var benchmarkName: String { "\(folder == "programs" ? "program" : "kernel")/\(label)" }

    /// The module's path inside `Fixtures`: "kernels/fib.wasm".
    var path: String { "\(folder)/\(file)" }

    init(_ kernel: String, folder: String = "kernels", file: String, size: Int, expected: KernelValue, export: String? = nil,
         arguments: [KernelValue]? = nil, preparation: KernelCall? = nil, instructions: Int? = nil) {
        self.kernel = kernel
        self.folder = folder
        self.file = file
        self.size = size
        self.run = KernelCall(export: export ?? kernel, arguments: arguments ?? [.i32(UInt32(size))], expected: expected)
        self.preparation = preparation
        self.instructions = instructions
    }
}
