import WasmBinary

/// Why a global could not be written.
public enum GlobalError: Error, CustomStringConvertible {
    case immutable
    case typeMismatch(expected: ValueType, got: ValueType)

    public var description: String {
        switch self {
        case .immutable: return "global is immutable"
        case .typeMismatch(let expected, let got): return "type mismatch: global is \(expected), value is \(got)"
        }
    }
}

/// A global variable.
public final class Global {
    /// The global's value type and mutability.
    public let type: GlobalType
    /// Two slots, so that a v128 fits.
    let storage: UnsafeMutablePointer<UInt64>
    /// The value type in the runtime's terms (type indices as runtime type ids), for import matching.
    var canonicalValueType: ValueType
    /// For an `exnref` global: the runtime's registry, which keeps exceptions the host stores here alive.
    var exceptionRegistry: ExceptionRegistry?

    init(type: GlobalType, slots: (UInt64, UInt64)) {
        self.type = type
        canonicalValueType = type.valueType
        storage = UnsafeMutablePointer<UInt64>.allocate(capacity: 2)
        storage[0] = slots.0
        storage[1] = slots.1
    }

    deinit {
        storage.deallocate()
    }

    /// The current value.
    public var value: Value { Value(slots: storage, type: type.valueType) }

    /// Replaces the value of a mutable global.
    public func set(_ value: Value) throws(GlobalError) {
        guard type.mutability == .variable else { throw .immutable }
        guard value.type == type.valueType else { throw .typeMismatch(expected: type.valueType, got: value.type) }
        if case .ref(.exception(let exception)) = value { exceptionRegistry?.register(exception) }
        value.store(to: storage)
    }
}
