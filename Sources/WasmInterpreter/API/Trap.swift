/// Why execution stopped abnormally, in the words of the WebAssembly testsuite.
public enum TrapReason: Hashable, Sendable, CustomStringConvertible {
    case unreachable
    case integerDivideByZero
    case integerOverflow
    case invalidConversionToInteger
    case outOfBoundsMemoryAccess
    case outOfBoundsTableAccess
    case undefinedElement
    case uninitializedElement
    case indirectCallTypeMismatch
    case callStackExhausted
    /// `call_ref` or `return_call_ref` of a null reference.
    case nullFunctionReference
    /// `ref.as_non_null` of a null reference.
    case nullReference
    /// `throw_ref` of a null exception reference.
    case nullExceptionReference
    /// A data or element segment did not fit while instantiating (`assert_uninstantiable`'s
    /// "out of bounds memory access" / "out of bounds table access" are reported as those cases).
    case hostError(String)

    /// The testsuite's words for the trap.
    public var description: String {
        switch self {
        case .unreachable: return "unreachable"
        case .integerDivideByZero: return "integer divide by zero"
        case .integerOverflow: return "integer overflow"
        case .invalidConversionToInteger: return "invalid conversion to integer"
        case .outOfBoundsMemoryAccess: return "out of bounds memory access"
        case .outOfBoundsTableAccess: return "out of bounds table access"
        case .undefinedElement: return "undefined element"
        case .uninitializedElement: return "uninitialized element"
        case .indirectCallTypeMismatch: return "indirect call type mismatch"
        case .callStackExhausted: return "call stack exhausted"
        case .nullFunctionReference: return "null function reference"
        case .nullReference: return "null reference"
        case .nullExceptionReference: return "null exception reference"
        case .hostError(let message): return "host function failed: \(message)"
        }
    }
}

/// A trap: execution stopped because the program did something the spec forbids. The instance
/// that trapped stays usable.
public struct Trap: Error, Hashable, Sendable, CustomStringConvertible {
    /// Why execution stopped.
    public var reason: TrapReason
    /// The table element involved, for element traps.
    public var elementIndex: Int?

    /// A trap for `reason`, naming the table element involved when there is one.
    public init(_ reason: TrapReason, elementIndex: Int? = nil) {
        self.reason = reason
        self.elementIndex = elementIndex
    }

    /// The testsuite's words, followed by the element index when there is one.
    public var description: String {
        guard let elementIndex else { return reason.description }
        return "\(reason.description) \(elementIndex)"
    }

    /// Traps are equal when their reasons are: the element index is detail.
    public static func == (lhs: Trap, rhs: Trap) -> Bool { lhs.reason == rhs.reason }

    /// Hashes the reason only, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(reason) }
}
