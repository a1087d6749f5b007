import WasmBinary
import WasmInterpreter

/// A kernel instantiated in this package's interpreter, ready to run.
struct PureWasmKernel {
    let kernel: KernelCase
    private let function: Function
    private let arguments: [Value]

    /// Compiles and instantiates the kernel's module in a runtime of its own and makes the
    /// preparation call, checking its result.
    /// `setUp` may configure the runtime before anything runs.
    init(_ kernel: KernelCase, bytes: [UInt8], configuration: RuntimeConfiguration = RuntimeConfiguration(),
         setUp: (Runtime) -> Void = { _ in }) throws {
        let compiled = try CompiledModule(bytes: bytes)
        let runtime = Runtime(configuration: configuration)
        setUp(runtime)
        let instance = try runtime.instantiate(compiled)
        if let preparation = kernel.preparation {
            try Self.call(instance, preparation, in: kernel)
        }
        guard let function = instance.function(kernel.run.export) else {
            throw BenchmarkError("\(kernel.file) exports no function '\(kernel.run.export)'")
        }
        self.kernel = kernel
        self.function = function
        self.arguments = kernel.run.arguments.map(Value.init)
    }

    /// One run: the timed call, its result checked.
    func run() throws {
        try Self.check(try function.call(arguments), kernel.run, in: kernel)
    }

    private static func call(_ instance: Instance, _ call: KernelCall, in kernel: KernelCase) throws {
        try check(try instance.invoke(call.export, call.arguments.map(Value.init)), call, in: kernel)
    }

    private static func check(_ results: [Value], _ call: KernelCall, in kernel: KernelCase) throws {
        let actual = results.count == 1 ? KernelValue(results[0]) : nil
        guard let actual, call.expected.matches(actual) else {
            throw BenchmarkError.wrongResult("PureWasm \(kernel.file) \(call.text)",
                                             expected: call.expected.description, actual: actual?.description ?? "\(results)")
        }
    }
}

extension Value {
    init(_ value: KernelValue) {
        switch value {
        case .i32(let bits): self = .i32(bits)
        case .i64(let bits): self = .i64(bits)
        case .f64(let number): self = .f64(number.bitPattern)
        }
    }
}

extension KernelValue {
    /// The kernel value of an interpreter value; nil for types kernels do not return.
    init?(_ value: Value) {
        switch value {
        case .i32(let bits): self = .i32(bits)
        case .i64(let bits): self = .i64(bits)
        case .f64(let bits): self = .f64(Double(bitPattern: bits))
        default: return nil
        }
    }
}
