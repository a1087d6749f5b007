import WasmInterpreter

/// A spec test script: modules, registrations, actions and assertions run in order against one
/// runtime, as in the testsuite's `.wast` files. Independent of the format it was read from.
public struct SpecScript: Sendable {
    /// The script's name, e.g. `i32`.
    public var name: String
    /// The file the line numbers refer to, e.g. `i32.wast`.
    public var sourceName: String
    /// The commands, in script order.
    public var commands: [SpecCommand]

    /// A script called `name`, read from `sourceName`, made of `commands`.
    public init(name: String, sourceName: String, commands: [SpecCommand]) {
        self.name = name
        self.sourceName = sourceName
        self.commands = commands
    }
}

/// One command of a script and the line of the script it comes from.
public struct SpecCommand: Sendable {
    /// The command's line in the script's source.
    public var line: Int
    /// What the command does or asserts.
    public var kind: Kind

    /// A command of `kind` written at `line`.
    public init(line: Int, kind: Kind) {
        self.line = line
        self.kind = kind
    }

    /// What a command does or asserts.
    public enum Kind: Sendable {
        /// Compiles and instantiates a module; it becomes the current module, and also `name`'s.
        case module(SpecModule, name: String?)
        /// Compiles a module without instantiating it, as the definition `name` (and the last one).
        case moduleDefinition(SpecModule, name: String?)
        /// Instantiates the definition called `definition` (the last one when nil); the instance
        /// becomes the current module, and also `name`'s.
        case moduleInstance(name: String?, definition: String?)
        /// Makes the exports of the module called `module` (the current one when nil) importable
        /// under the module name `as`.
        case register(as: String, module: String?)
        /// Performs an action, ignoring its results (it must not trap).
        case action(SpecAction)
        /// The action must return exactly these values.
        case assertReturn(SpecAction, expected: [ExpectedValue])
        /// The action must trap with a message containing `message`.
        case assertTrap(SpecAction, message: String)
        /// The action must exhaust the call stack.
        case assertExhaustion(SpecAction, message: String)
        /// The action must throw a WebAssembly exception that nothing catches.
        case assertException(SpecAction)
        /// The module must fail validation.
        case assertInvalid(SpecModule, message: String)
        /// The module must fail to decode (or, in the text format, to parse).
        case assertMalformed(SpecModule, message: String)
        /// The module must compile but fail to link against the available imports.
        case assertUnlinkable(SpecModule, message: String)
        /// The module must compile and link, then trap while instantiating.
        case assertUninstantiable(SpecModule, message: String)
        /// A command the reader could not understand; running it reports `reason` as a failure.
        case unreadable(reason: String)
    }
}

/// A module of a script, as a binary or in the text format.
public struct SpecModule: Sendable {
    /// The module's bytes or text.
    public var source: Source
    /// Where the module came from, for reports, e.g. `i32.3.wasm`.
    public var origin: String?

    /// A module from `source`, optionally saying where it came from.
    public init(_ source: Source, origin: String? = nil) {
        self.source = source
        self.origin = origin
    }

    /// The module's encoding.
    public enum Source: Sendable {
        /// A module in the binary format.
        case binary([UInt8])
        /// A module in the text format; it runs only when the runner has a text compiler.
        case text([UInt8])
    }
}

/// An action on an instance: call an exported function or read an exported global.
public enum SpecAction: Sendable {
    /// Calls export `field` of the module called `module` (the current one when nil).
    case invoke(module: String?, field: String, arguments: [Value])
    /// Reads the value of exported global `field`.
    case get(module: String?, field: String)

    /// The name of the module acted on, or nil for the current module.
    public var module: String? {
        switch self {
        case .invoke(let module, _, _), .get(let module, _): return module
        }
    }

    /// The export acted on.
    public var field: String {
        switch self {
        case .invoke(_, let field, _), .get(_, let field): return field
        }
    }
}
