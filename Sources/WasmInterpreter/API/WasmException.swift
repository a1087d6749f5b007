import WasmBinary

/// A WebAssembly exception: a tag and the values thrown with it.
///
/// An exception that no handler catches leaves the module as a thrown `WasmException`: from
/// ``Instance/invoke(_:_:)``, ``Function/call(_:)`` and the other calls, and from instantiation
/// (``InstantiationError/uncaughtException(_:)``) when the start function throws. A host
/// function throws one into the module that called it: `try_table` and `catch` clauses match its
/// tag there, and if nothing catches it, it leaves that module's caller in turn (crossing host
/// and wasm frames alike). Inside the module it is also the value of an `exnref`: `catch_ref`
/// gives the same exception to `throw_ref`, and such a value returned to the host is
/// ``Reference/exception(_:)``.
///
/// Two exceptions are equal only when they are the same exception (thrown once), as in the
/// module; a rethrown exception is the same object.
public final class WasmException: Error, Hashable, CustomStringConvertible, @unchecked Sendable {
    /// The tag the exception was thrown with.
    public let tag: ExceptionTag
    /// The values thrown with it, one per parameter of the tag's type.
    public let values: [Value]

    /// An exception with `tag` and `values`, for a host function to throw. When it reaches the
    /// module, the tag must belong to the module's runtime and the values must match the tag's
    /// parameters; otherwise the call traps with a host error that says which.
    public init(tag: ExceptionTag, values: [Value] = []) {
        self.tag = tag
        self.values = values
    }

    /// The same exception.
    public static func == (lhs: WasmException, rhs: WasmException) -> Bool { lhs === rhs }

    /// Hashes the exception's identity, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }

    /// "uncaught exception: tag (param i32) with i32:42".
    public var description: String {
        let carried = values.isEmpty ? "no values" : values.map(\.description).joined(separator: ", ")
        return "uncaught exception: \(tag) with \(carried)"
    }

    /// The exception as an `exnref` slot: its address (kept alive by the runtime's
    /// `ExceptionRegistry` while wasm code may hold it).
    var slot: UInt64 {
        UInt64(UInt(bitPattern: Unmanaged.passUnretained(self).toOpaque()))
    }

    /// The exception an `exnref` slot holds (not 0). The slot must come from wasm storage, where
    /// every exception is kept alive by the registry.
    static func fromSlot(_ slot: UInt64) -> WasmException? {
        guard let pointer = UnsafeRawPointer(bitPattern: UInt(truncatingIfNeeded: slot)) else { return nil }
        return Unmanaged<WasmException>.fromOpaque(pointer).takeUnretainedValue()
    }
}
