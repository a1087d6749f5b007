import WasmBinary

/// A function resolved once and checked once against a Swift signature, then called with Swift
/// numbers: `let fib = try instance.typedFunction("fib", ((Int32) -> Int32).self)`, then
/// `try fib(30)`. The arguments go straight into the interpreter's frame and the result comes
/// straight out of it: a call of a wasm function allocates nothing and takes no lock (a trap
/// allocates its error). Parameters are ``WasmNumber`` types; the result is one ``WasmNumber``
/// or `Void`. Functions with vector or reference parameters, or several results, are called
/// through ``Function/call(_:)``.
///
/// Like its runtime, a handle is used from one thread at a time; it keeps the runtime alive.
public struct TypedFunction<each Parameter: WasmNumber, Result> {
    @usableFromInline let target: PreparedCall
    /// Keeps the runtime (which `target` refers to unretained) alive.
    let runtime: Runtime

    /// The handle for `function`; throws ``InvocationError/signatureMismatch(_:)`` when the
    /// function's type is not the Swift signature's.
    init(_ function: Function) throws(InvocationError) {
        var parameters: [ValueType] = []
        repeat parameters.append((each Parameter).wasmType)
        let results: [ValueType]
        if let number = Result.self as? any WasmNumber.Type {
            results = [number.wasmType]
        } else if Result.self == Void.self {
            results = []
        } else {
            throw .signatureMismatch("a typed function returns Void or one WasmNumber type, not \(Result.self)")
        }
        let expected = FunctionType(parameters: parameters, results: results)
        guard function.type == expected else {
            throw .signatureMismatch("the function's type is \(function.type), the Swift signature's \(expected)")
        }
        target = PreparedCall(function)
        runtime = function.runtime
    }

    /// The function's type.
    public var type: FunctionType { runtime.functionTypes[Int(target.address)] }

    /// Calls the function. Throws ``Trap`` when it traps (``TrapReason/callStackExhausted``
    /// also when called from a host function too deep in the stacks), ``WasmException`` when an
    /// exception leaves it uncaught.
    @inlinable
    public func callAsFunction(_ argument: repeat each Parameter) throws -> Result where Result: WasmNumber {
        let frame = try target.enter()
        var slot = frame
        repeat store(each argument, at: &slot)
        try target.run(frame)
        return Result(wasmSlot: frame.pointee)
    }
}

/// Writes one argument into its slot and moves on to the next slot.
@inlinable @inline(__always)
func store<Number: WasmNumber>(_ value: Number, at slot: inout UnsafeMutablePointer<UInt64>) {
    slot.pointee = value.wasmSlot
    slot += 1
}

extension TypedFunction where Result == Void {
    /// Calls the function, which returns nothing. Throws ``Trap`` when it traps,
    /// ``WasmException`` when an exception leaves it uncaught.
    @inlinable
    public func callAsFunction(_ argument: repeat each Parameter) throws {
        let frame = try target.enter()
        var slot = frame
        repeat store(each argument, at: &slot)
        try target.run(frame)
    }
}

extension Function {
    /// This function as a ``TypedFunction`` with the Swift signature `signature`, for example
    /// `((Int32, Double) -> Int64).self`. Throws ``InvocationError/signatureMismatch(_:)`` when
    /// the function's wasm type is not the signature's.
    public func typed<each Parameter: WasmNumber, Result>(
        _ signature: ((repeat each Parameter) -> Result).Type
    ) throws(InvocationError) -> TypedFunction<repeat each Parameter, Result> {
        try TypedFunction(self)
    }
}

extension Instance {
    /// The exported function `name` as a ``TypedFunction`` with the Swift signature `signature`,
    /// for example `((Int32) -> Int32).self`. Throws ``InvocationError/unknownExport(_:)`` when
    /// there is no such exported function, ``InvocationError/signatureMismatch(_:)`` when its wasm
    /// type is not the signature's.
    public func typedFunction<each Parameter: WasmNumber, Result>(
        _ name: String, _ signature: ((repeat each Parameter) -> Result).Type
    ) throws(InvocationError) -> TypedFunction<repeat each Parameter, Result> {
        guard let function = function(name) else { throw .unknownExport(name) }
        return try TypedFunction(function)
    }
}
