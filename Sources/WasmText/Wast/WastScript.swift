import WasmBinary

/// A WAST script: the spec testsuite's format, a list of module definitions, actions and assertions.
/// [Scripts](https://github.com/WebAssembly/spec/tree/main/interpreter#scripts)
public struct WastScript: Sendable {
    /// The commands, in script order.
    public var commands: [WastCommand]

    /// A script made of `commands`.
    public init(commands: [WastCommand]) {
        self.commands = commands
    }

    /// Reads a script from its text.
    public static func parse(_ text: String) throws(WatError) -> WastScript {
        let (tokens, annotations) = try Lexer.scan(text)
        var parser = WastParser(source: Array(text.utf8), tokens: tokens, annotations: annotations)
        return WastScript(commands: try parser.parseCommands())
    }
}

/// One command of a script, with the line it starts on.
public struct WastCommand: Sendable {
    /// The 1-based line the command starts on.
    public var line: Int
    /// What the command does or asserts.
    public var kind: Kind

    /// A command of `kind` starting at `line`.
    public init(line: Int, kind: Kind) {
        self.line = line
        self.kind = kind
    }

    /// What a command does or asserts.
    public enum Kind: Sendable {
        /// Define (and instantiate) a module; it becomes the current module.
        case module(WastModule)
        /// `(module definition $id? ...)`: define a module without instantiating it.
        case moduleDefinition(WastModule)
        /// `(module instance $instance? $definition?)`: instantiate a defined module (the last one
        /// defined when `definitionName` is nil); it becomes the current module.
        case moduleInstance(instanceName: String?, definitionName: String?)
        /// Make a module's exports importable under `name` (the current module when `moduleName` is nil).
        case register(name: String, moduleName: String?)
        /// Perform an action, ignoring its results.
        case action(WastAction)
        /// The action returns these results.
        case assertReturn(WastAction, [WastExpectedValue])
        /// The action traps with this message.
        case assertTrap(WastAction, message: String)
        /// The action exhausts the call stack (or another resource).
        case assertExhaustion(WastAction, message: String)
        /// The action throws a WebAssembly exception that no handler catches.
        case assertException(WastAction)
        /// The module decodes (or parses) but fails validation.
        case assertInvalid(WastModule, message: String)
        /// The module fails to decode or parse.
        case assertMalformed(WastModule, message: String)
        /// The module's custom annotations or sections are malformed (`assert_malformed_custom`).
        case assertMalformedCustom(WastModule, message: String)
        /// The module's custom annotations or sections are invalid (`assert_invalid_custom`).
        case assertInvalidCustom(WastModule, message: String)
        /// The module is valid but its imports cannot be satisfied.
        case assertUnlinkable(WastModule, message: String)
        /// The module links, but instantiating it traps (`assert_trap` with a module, or `assert_uninstantiable`).
        case assertUninstantiable(WastModule, message: String)
    }
}

/// A module in a script: its optional `$name`, where it was written, and its source.
public struct WastModule: Sendable {
    /// The module's `$name`, when it has one.
    public var name: String?
    /// Line of the module's `(module` token.
    public var line: Int
    /// The module: parsed text, binary bytes, or quoted text parsed only when used.
    public var source: WastModuleSource

    /// A module called `name` (if any), written at `line`.
    public init(name: String?, line: Int, source: WastModuleSource) {
        self.name = name
        self.line = line
        self.source = source
    }

    /// The module in the binary format (parsing quoted text first).
    public func encoded() throws(WatError) -> [UInt8] {
        switch source {
        case .text(let module): return ModuleEncoder.encode(module)
        case .binary(let bytes): return bytes
        case .quote(let source): return try WatParser.assemble(source: source)
        }
    }
}

/// How a script gives a module.
public enum WastModuleSource: Sendable {
    /// Written in the text format in the script (parsed when the script was read).
    case text(Module)
    /// `(module binary "...")`: the bytes as written.
    case binary([UInt8])
    /// `(module quote "...")`, a text module that did not parse inside `assert_malformed`, or one
    /// that uses something the parser does not implement: the text, parsed only when used.
    case quote([UInt8])
}

/// Something a script does to a module instance.
public enum WastAction: Sendable, Equatable {
    /// Call an exported function of the named module (the current one when nil).
    case invoke(moduleName: String?, name: String, arguments: [WastValue])
    /// Read an exported global.
    case get(moduleName: String?, name: String)
}
