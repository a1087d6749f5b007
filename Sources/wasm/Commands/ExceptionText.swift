import WasmInterpreter

/// Command-line text for an exception that nothing caught: its tag, named as the module names
/// it (its export name, else its index in the module's tags), and the values it carries.
enum ExceptionText {
    /// `uncaught exception: tag "failure" (param i32 i64) with values 13, 3000`.
    static func describe(_ exception: WasmException, in instance: Instance?) -> String {
        let values = exception.values.isEmpty
            ? "no values" : "values " + exception.values.map(ValueText.format).joined(separator: ", ")
        return "uncaught exception: \(name(of: exception.tag, in: instance)) with \(values)"
    }

    /// `tag "NAME" (param ...)` for an exported tag, `tag N (param ...)` for tag index N, or
    /// `tag (param ...)` for a tag the instance does not have (the host's).
    static func name(of tag: ExceptionTag, in instance: Instance?) -> String {
        let parameters = "(param\(tag.type.parameters.map { " \($0)" }.joined()))"
        guard let instance else { return "tag \(parameters)" }
        for export in instance.exports {
            if case .tag(let exported) = export.value, exported === tag { return "tag \"\(export.name)\" \(parameters)" }
        }
        if let index = instance.tags.firstIndex(where: { $0 === tag }) { return "tag \(index) \(parameters)" }
        return "tag \(parameters)"
    }
}
