import WasmBinary

/// A coordinated function's parameters and result, in ``ValueKind``s.
public struct FunctionSignature: Hashable, Sendable, CustomStringConvertible {
    /// The kinds of the arguments, in order.
    public var parameters: [ValueKind]
    /// The kind of the single result: always a number, never `.bytes`.
    public var result: ValueKind

    /// A signature; the result must be a number (WebAssembly functions cannot return byte strings).
    public init(_ parameters: [ValueKind], _ result: ValueKind) {
        precondition(result.resultType != nil, "a coordinated function returns a number, not \(result)")
        self.parameters = parameters
        self.result = result
    }

    /// The WebAssembly type an export needs to implement this signature.
    public var webAssemblyType: FunctionType {
        FunctionType(parameters: parameters.flatMap(\.parameterTypes), results: result.resultType.map { [$0] } ?? [])
    }

    /// True when `arguments` have exactly the parameters' kinds.
    public func accepts(_ arguments: [ExecutionValue]) -> Bool {
        arguments.map(\.kind) == parameters
    }

    /// E.g. `(bytes, bytes) -> int32`.
    public var description: String {
        "(\(parameters.map(\.description).joined(separator: ", "))) -> \(result)"
    }
}
