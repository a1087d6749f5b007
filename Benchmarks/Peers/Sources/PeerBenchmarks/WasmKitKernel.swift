import WasmKit

/// A kernel instantiated in WasmKit with a given threading model, ready to run.
final class WasmKitKernel {
    let kernel: KernelCase
    private let function: WasmKit.Function
    private let arguments: [WasmKit.Value]
    /// Reused across calls, as the interpreter's own stack is (`Function.invoke(_:)` would
    /// allocate one per call).
    private var stack: ExecutionStack

    /// Parses and instantiates the kernel's module in a store of its own and makes the
    /// preparation call, checking its result.
    init(_ kernel: KernelCase, bytes: [UInt8], threadingModel: EngineConfiguration.ThreadingModel) throws {
        let engine = Engine(configuration: EngineConfiguration(threadingModel: threadingModel))
        let store = Store(engine: engine)
        let instance = try parseWasm(bytes: bytes).instantiate(store: store)
        stack = ExecutionStack(engine: engine)
        if let preparation = kernel.preparation {
            guard let function = instance.exports[function: preparation.export] else {
                throw BenchmarkError("\(kernel.file) exports no function '\(preparation.export)'")
            }
            try Self.check(try function.invoke(preparation.arguments.map(WasmKit.Value.init), on: &stack), preparation, kernel)
        }
        guard let function = instance.exports[function: kernel.run.export] else {
            throw BenchmarkError("\(kernel.file) exports no function '\(kernel.run.export)'")
        }
        self.kernel = kernel
        self.function = function
        self.arguments = kernel.run.arguments.map(WasmKit.Value.init)
    }

    /// One run: the timed call, its result checked.
    func run() throws {
        try Self.check(try function.invoke(arguments, on: &stack), kernel.run, kernel)
    }

    private static func check(_ results: [WasmKit.Value], _ call: KernelCall, _ kernel: KernelCase) throws {
        let actual = results.count == 1 ? KernelValue(results[0]) : nil
        guard let actual, call.expected.matches(actual) else {
            throw BenchmarkError.wrongResult("WasmKit \(kernel.file) \(call.text)",
                                             expected: call.expected.description, actual: actual?.description ?? "\(results)")
        }
    }
}

extension WasmKit.Value {
    init(_ value: KernelValue) {
        switch value {
        case .i32(let bits): self = .i32(bits)
        case .i64(let bits): self = .i64(bits)
        case .f64(let number): self = .f64(number.bitPattern)
        }
    }
}

extension KernelValue {
    /// The kernel value of a WasmKit value; nil for types kernels do not return.
    init?(_ value: WasmKit.Value) {
        switch value {
        case .i32(let bits): self = .i32(bits)
        case .i64(let bits): self = .i64(bits)
        case .f64(let bits): self = .f64(Double(bitPattern: bits))
        default: return nil
        }
    }
}
