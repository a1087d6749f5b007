import WasmBinary

/// Exception handling: `throw`, `throw_ref`, `try_table`, and the legacy `try`, `catch`,
/// `catch_all`, `delegate` and `rethrow`.
/// <https://webassembly.github.io/spec/core/valid/instructions.html#exception-instructions>
extension FunctionValidator {
    /// The parameter types of a tag (the values its exceptions carry).
    func tagParameters(_ tagIndex: UInt32) throws(ValidationError) -> [ValueType] {
        guard let type = context.tagType(at: tagIndex) else { throw site.error("unknown tag \(tagIndex)") }
        return type.parameters
    }

    /// `throw x`: pops the tag's values; nothing runs after it.
    mutating func validateThrow(_ tagIndex: UInt32) throws(ValidationError) {
        try pop(try tagParameters(tagIndex))
        markUnreachable()
    }

    /// `throw_ref`: pops an `exnref`; nothing runs after it.
    mutating func validateThrowReference() throws(ValidationError) {
        try pop(.exnref)
        markUnreachable()
    }

    /// `try_table bt catch*` is a block; each clause's values must suit its label, which is
    /// counted from outside the `try_table`.
    mutating func validateTryTable(_ blockType: BlockType, _ clauses: [CatchClause]) throws(ValidationError) {
        for clause in clauses {
            let label = clause.labelIndex
            let target = try frame(forLabel: label)
            var values: [ValueType]
            switch clause {
            case .catch(let tag, _): values = try tagParameters(tag)
            case .catchReference(let tag, _): values = try tagParameters(tag) + [.ref(ReferenceType(.exn, isNullable: false))]
            case .catchAll: values = []
            case .catchAllReference: values = [.ref(ReferenceType(.exn, isNullable: false))]
            }
            let expected = labelTypes(of: target)
            guard context.isSubtype(values, of: expected) else {
                throw site.error("type mismatch: catch clause delivers \(values) to label \(label), which takes \(expected)")
            }
        }
        try enter(.tryTable, blockType)
    }

    /// Legacy `catch x`: ends the `try` (or previous `catch`) branch and starts one that begins
    /// with the tag's values.
    mutating func validateCatch(_ tagIndex: UInt32) throws(ValidationError) {
        guard let kind = frames.last?.kind, kind == .try || kind == .catch else {
            throw site.error("catch without a matching try")
        }
        let parameters = try tagParameters(tagIndex)
        let frame = try popFrame()
        pushFrame(.catch, frame.blockType, parameters: [])
        push(parameters)
    }

    /// Legacy `catch_all`: ends the `try` (or a `catch`) branch and starts one without values.
    mutating func validateCatchAll() throws(ValidationError) {
        guard let kind = frames.last?.kind, kind == .try || kind == .catch else {
            throw site.error("catch_all without a matching try")
        }
        let frame = try popFrame()
        pushFrame(.catchAll, frame.blockType, parameters: [])
    }

    /// Legacy `delegate l`: ends a `try` without handlers; its label is counted from outside it.
    mutating func validateDelegate(_ label: UInt32) throws(ValidationError) {
        guard frames.last?.kind == .try else { throw site.error("delegate without a matching try") }
        let frame = try popFrame()
        guard Int(label) < frames.count else { throw site.error("unknown label \(label)") }
        pushResults(of: frame)
    }

    /// Legacy `rethrow l`: `l` must name a `catch` or `catch_all` branch; nothing runs after it.
    mutating func validateRethrow(_ label: UInt32) throws(ValidationError) {
        guard Int(label) < frames.count else { throw site.error("unknown label \(label)") }
        let kind = frames[frames.count - 1 - Int(label)].kind
        guard kind == .catch || kind == .catchAll else { throw site.error("invalid rethrow label \(label)") }
        markUnreachable()
    }
}
