import WasmBinary

/// A function of a runtime: defined by a module or by the host.
public struct Function {
    let runtime: Runtime
    /// The function's address in its runtime.
    public let address: FunctionAddress

    init(runtime: Runtime, address: UInt32) {
        self.runtime = runtime
        self.address = FunctionAddress(rawValue: address)
    }

    /// The function's signature.
    public var type: FunctionType { runtime.functionTypes[Int(address.rawValue)] }

    /// Calls the function. Throws `Trap` when execution traps, `WasmException` when an exception
    /// leaves it uncaught, `InvocationError` on wrong arguments, and a host function's own error
    /// (anything but a `Trap` or `WasmException`) as that host function threw it.
    public func call(_ arguments: [Value]) throws -> [Value] {
        try runtime.invoke(address: address.rawValue, arguments: arguments)
    }
}

/// Something an instance exports or imports.
public enum ExternalValue {
    case function(Function)
    case table(Table)
    case memory(Memory)
    case global(Global)
    case tag(ExceptionTag)
}

/// The values a module's imports are resolved against, by module name and field name.
public struct Imports {
    /// Values by the UTF-8 bytes of module and field names (wasm compares names byte for byte).
    var values: [[UInt8]: [[UInt8]: ExternalValue]] = [:]

    public init() {}

    /// Makes `value` importable as `module`.`name`.
    public mutating func define(module: String, name: String, _ value: ExternalValue) {
        values[Array(module.utf8), default: [:]][Array(name.utf8)] = value
    }

    /// Makes every export of `instance` importable under `module` (the spec scripts' `register`).
    public mutating func define(module: String, instance: Instance) {
        for export in instance.exports {
            define(module: module, name: export.name, export.value)
        }
    }

    func lookup(module: String, name: String) -> ExternalValue? {
        values[Array(module.utf8)]?[Array(name.utf8)]
    }
}
