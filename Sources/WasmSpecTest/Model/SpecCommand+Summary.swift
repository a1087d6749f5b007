import WasmInterpreter

extension SpecCommand.Kind {
    /// The command in short for reports, e.g. `assert_return invoke "add" (i32:1, i32:2)`.
    public var summary: String {
        switch self {
        case .module(let module, let name):
            return "module" + (name.map { " \($0)" } ?? "") + Self.origin(module)
        case .moduleDefinition(let module, let name):
            return "module definition" + (name.map { " \($0)" } ?? "") + Self.origin(module)
        case .moduleInstance(let name, let definition):
            return "module instance" + (name.map { " \($0)" } ?? "") + (definition.map { " \($0)" } ?? "")
        case .register(let exportName, let name):
            return "register \"\(exportName)\"" + (name.map { " \($0)" } ?? "")
        case .action(let action): return action.summary
        case .assertReturn(let action, _): return "assert_return \(action.summary)"
        case .assertTrap(let action, _): return "assert_trap \(action.summary)"
        case .assertExhaustion(let action, _): return "assert_exhaustion \(action.summary)"
        case .assertException(let action): return "assert_exception \(action.summary)"
        case .assertInvalid(let module, let message): return "assert_invalid\(Self.origin(module)) \"\(message)\""
        case .assertMalformed(let module, let message): return "assert_malformed\(Self.origin(module)) \"\(message)\""
        case .assertUnlinkable(let module, let message): return "assert_unlinkable\(Self.origin(module)) \"\(message)\""
        case .assertUninstantiable(let module, let message):
            return "assert_uninstantiable\(Self.origin(module)) \"\(message)\""
        case .unreadable: return "unreadable command"
        }
    }

    private static func origin(_ module: SpecModule) -> String {
        module.origin.map { " (\($0))" } ?? ""
    }
}

extension SpecAction {
    /// The action in short, e.g. `invoke $M "add" (i32:1, i32:2)` or `get "g"`.
    public var summary: String {
        let target = module.map { "\($0) " } ?? ""
        switch self {
        case .invoke(_, let field, let arguments):
            return "invoke \(target)\"\(field)\" \(SpecValueFormat.describe(arguments))"
        case .get(_, let field):
            return "get \(target)\"\(field)\""
        }
    }
}
