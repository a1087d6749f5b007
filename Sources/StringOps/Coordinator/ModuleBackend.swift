/// One implementation of a coordinated module's functions: its WebAssembly module or a Swift
/// fallback. Implementations are called from many tasks at once.
public protocol ModuleBackend: Sendable {
    /// Runs `function` on arguments the coordinator has checked against `signature`.
    func invoke(_ function: String, arguments: [ExecutionValue], signature: FunctionSignature) throws -> ExecutionValue
}

/// A module's functions run by its WebAssembly module through a ``HostedModule``.
public struct WebAssemblyBackend: ModuleBackend {
    /// The module and its instances.
    public let host: HostedModule

    /// Checks that `host` exports each function with the type its signature needs.
    public init(host: HostedModule, functions: [String: FunctionSignature]) throws(HostingError) {
        try host.requireExports(functions.sorted { $0.key < $1.key }.map { ($0.key, $0.value.webAssemblyType) })
        self.host = host
    }

    /// Calls the export `function` on one of the host's instances and reads its single result as the
    /// signature's result kind; throws the host's ``HostingError``, including `unexpectedResults` when
    /// the results do not match.
    public func invoke(_ function: String, arguments: [ExecutionValue], signature: FunctionSignature) throws -> ExecutionValue {
        let results = try host.call(function, arguments)
        guard results.count == 1, let value = signature.result.decode(results[0]) else {
            throw HostingError.unexpectedResults(function: function, results)
        }
        return value
    }
}

/// A module's functions written in Swift, one closure per function name.
public struct SwiftBackend: ModuleBackend {
    /// A function's Swift implementation.
    public typealias Implementation = @Sendable ([ExecutionValue]) throws -> ExecutionValue

    /// Why a Swift implementation could not run.
    public enum Failure: Error, CustomStringConvertible {
        case missingFunction(String)
        case argumentMismatch(function: String, arguments: [ExecutionValue])

        public var description: String {
            switch self {
            case .missingFunction(let name): return "the Swift fallback has no function '\(name)'"
            case .argumentMismatch(let name, let arguments):
                return "the Swift fallback's '\(name)' cannot take (\(arguments.map(\.description).joined(separator: ", ")))"
            }
        }
    }

    private let functions: [String: Implementation]

    /// A backend with these implementations, by function name.
    public init(_ functions: [String: Implementation]) {
        self.functions = functions
    }

    /// Calls the implementation named `function`, rethrowing its error; throws
    /// ``Failure/missingFunction(_:)`` when there is none.
    public func invoke(_ function: String, arguments: [ExecutionValue], signature: FunctionSignature) throws -> ExecutionValue {
        guard let implementation = functions[function] else { throw Failure.missingFunction(function) }
        return try implementation(arguments)
    }
}

extension ExecutionValue {
    /// The bytes of a string (UTF-8) or byte array; nil for numbers.
    public var byteString: [UInt8]? {
        switch self {
        case .string(let text): return Array(text.utf8)
        case .bytes(let bytes): return bytes
        case .int32, .uint32, .int64, .float32, .float64: return nil
        }
    }
}
