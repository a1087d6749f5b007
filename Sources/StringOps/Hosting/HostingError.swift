import WasmBinary
import WasmInterpreter

/// Why a WebAssembly module could not be loaded or a call into it failed.
public enum HostingError: Error, CustomStringConvertible {
    /// The module file does not exist.
    case fileNotFound(path: String)
    /// The module file exists but could not be read.
    case unreadableFile(path: String, reason: String)
    /// The bytes are not a valid module: malformed (`.decode`) or invalid (`.validation`).
    case compile(CompileError)
    /// Instantiation failed: an import did not match, or the start function or a segment trapped.
    case link(InstantiationError)
    /// A function the caller relies on is not exported.
    case missingExport(name: String, expected: FunctionType)
    /// A function is exported with another type than the caller relies on.
    case exportTypeMismatch(name: String, expected: FunctionType, actual: FunctionType)
    /// The module asks for more memory pages than the configuration allows.
    case memoryTooSmall(requiredPages: Int, maximumPages: Int)
    /// Byte-string arguments were passed, but the module has no memory to put them in.
    case noMemory
    /// The arguments do not fit in linear memory, even grown to its maximum.
    case inputTooLarge(requiredBytes: Int, maximumBytes: Int)
    /// The arguments do not match the exported function's parameters.
    case argumentMismatch(function: String, expected: [ValueType], actual: [ValueType])
    /// The function trapped.
    case trap(function: String, Trap)
    /// The function returned something the caller did not expect.
    case unexpectedResults(function: String, [Value])
    /// A memory range to inspect lies outside linear memory.
    case rangeOutOfBounds(offset: Int, count: Int, memoryBytes: Int)
    /// The interpreter refused the call for another reason.
    case invocationFailed(function: String, reason: String)

    public var description: String {
        switch self {
        case .fileNotFound(let path):
            return "module file not found: \(path)"
        case .unreadableFile(let path, let reason):
            return "cannot read module file \(path): \(reason)"
        case .compile(let error):
            return "module does not compile: \(error)"
        case .link(let error):
            return "module does not link: \(error)"
        case .missingExport(let name, let expected):
            return "module does not export function '\(name)' \(expected)"
        case .exportTypeMismatch(let name, let expected, let actual):
            return "module exports '\(name)' as \(actual), expected \(expected)"
        case .memoryTooSmall(let required, let maximum):
            return "module needs a memory of at least \(required) pages, but at most \(maximum) are allowed"
        case .noMemory:
            return "module has no memory to pass byte strings in"
        case .inputTooLarge(let required, let maximum):
            return "arguments need \(required) bytes of linear memory, more than its maximum of \(maximum) bytes"
        case .argumentMismatch(let function, let expected, let actual):
            let expectedList = expected.map(\.description).joined(separator: ", ")
            let actualList = actual.map(\.description).joined(separator: ", ")
            return "'\(function)' takes (\(expectedList)), given (\(actualList))"
        case .trap(let function, let trap):
            return "'\(function)' trapped: \(trap)"
        case .unexpectedResults(let function, let results):
            return "'\(function)' returned unexpected results \(results)"
        case .rangeOutOfBounds(let offset, let count, let memoryBytes):
            return "\(count) bytes at offset \(offset) lie outside linear memory (\(memoryBytes) bytes)"
        case .invocationFailed(let function, let reason):
            return "calling '\(function)' failed: \(reason)"
        }
    }
}
