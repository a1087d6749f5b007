import WasmBinary

/// The annotations the text format gives a meaning: `@custom` (a custom section), `@name` (names
/// of the module, functions and tags) and `@metadata.code.branch_hint`. Other annotations are
/// ignored, as the format allows.
/// [Custom annotations](https://webassembly.github.io/annotations/core/text/custom.html)
extension ModuleParser {
    static let customAnnotation = "custom"
    static let nameAnnotation = "name"
    static let branchHintAnnotation = "metadata.code.branch_hint"

    /// `(@name "...")` right at the start of the module names it; a second one is an error.
    mutating func parseModuleName(at tokenIndex: Int) throws(WatError) {
        let found = cursor.annotations(named: Self.nameAnnotation, before: tokenIndex)
        guard let first = found.first else { return }
        guard found.count == 1 else {
            throw annotationError(found[1], "@name annotation: multiple module names")
        }
        names.moduleName = try nameAnnotationValue(first)
    }

    /// The name given by an `(@name "...")` right before token `tokenIndex`, if there is one.
    mutating func takeNameAnnotation(at tokenIndex: Int) throws(WatError) -> String? {
        let found = cursor.annotations(named: Self.nameAnnotation, before: tokenIndex)
        guard let first = found.first else { return nil }
        guard found.count == 1 else { throw annotationError(found[1], "@name annotation: multiple names") }
        return try nameAnnotationValue(first)
    }

    /// The string of an `@name` annotation.
    private mutating func nameAnnotationValue(_ index: Int) throws(WatError) -> String {
        usedAnnotations.insert(index)
        let body = cursor.annotations[index].body
        guard body.count == 1, body[0].kind == .string else { throw annotationError(index, "@name annotation: missing name") }
        guard let name = String(validating: body[0].bytes, as: UTF8.self) else {
            throw annotationError(index, "@name annotation: malformed UTF-8 encoding")
        }
        return name
    }

    /// The `(@custom "name" placement? "bytes"*)` annotations before token `tokenIndex` (between
    /// module fields) become custom sections, in order.
    mutating func parseCustomAnnotations(at tokenIndex: Int) throws(WatError) {
        for index in cursor.annotations(named: Self.customAnnotation, before: tokenIndex) {
            usedAnnotations.insert(index)
            module.customSections.append(try customSection(index))
        }
    }

    private func customSection(_ index: Int) throws(WatError) -> CustomSection {
        let body = cursor.annotations[index].body
        guard let nameToken = body.first, nameToken.kind == .string else {
            throw annotationError(index, "@custom annotation: missing section name")
        }
        guard let name = String(validating: nameToken.bytes, as: UTF8.self) else {
            throw annotationError(index, "@custom annotation: malformed UTF-8 encoding")
        }
        var position = 1
        var placement = CustomSectionPlacement.last
        if position < body.count, body[position].kind == .leftParen {
            guard position + 3 < body.count, body[position + 1].kind == .keyword, body[position + 2].kind == .keyword,
                  body[position + 3].kind == .rightParen else {
                let isBareKind = position + 2 < body.count && body[position + 1].kind == .keyword && body[position + 2].kind == .rightParen
                let word = position + 1 < body.count ? body[position + 1].text : ""
                throw annotationError(index, isBareKind && (word == "before" || word == "after")
                    ? "@custom annotation: malformed section kind" : "@custom annotation: malformed placement")
            }
            let relation = body[position + 1].text
            let kind = body[position + 2].text
            switch (relation, kind) {
            case ("before", "first"): placement = .first
            case ("after", "last"): placement = .last
            case ("before", _), ("after", _):
                guard let id = Self.sectionKinds[kind] else { throw annotationError(index, "@custom annotation: malformed section kind") }
                placement = relation == "before" ? .before(id) : .after(id)
            default:
                throw annotationError(index, "@custom annotation: malformed placement")
            }
            position += 4
        }
        var bytes: [UInt8] = []
        while position < body.count {
            guard body[position].kind == .string else { throw annotationError(index, "@custom annotation: unexpected token") }
            bytes += body[position].bytes
            position += 1
        }
        return CustomSection(name: name, bytes: bytes, placement: placement)
    }

    /// The section kinds a `@custom` placement may name.
    static let sectionKinds: [String: SectionID] = [
        "type": .type, "import": .import, "func": .function, "table": .table, "memory": .memory, "tag": .tag,
        "global": .global, "export": .export, "start": .start, "elem": .element, "datacount": .dataCount,
        "code": .code, "data": .data,
    ]

    /// A branch hint right before the instruction at token `tokenIndex`: it must be alone, hint a
    /// conditional branch (`isBranch`), and hold one byte, 0 (unlikely) or 1 (likely). The hint
    /// is checked, not encoded: hints only advise a compiler, and an interpreter has none.
    @inline(never)
    mutating func checkBranchHint(at tokenIndex: Int, isBranch: Bool) throws(WatError) {
        let found = cursor.annotations(named: Self.branchHintAnnotation, before: tokenIndex)
        guard let first = found.first else { return }
        for index in found { usedAnnotations.insert(index) }
        guard found.count == 1 else {
            throw annotationError(found[1], "@metadata.code.branch_hint annotation: duplicate annotation")
        }
        guard isBranch else { throw annotationError(first, "@metadata.code.branch_hint annotation: invalid target") }
        let body = cursor.annotations[first].body
        guard body.count == 1, body[0].kind == .string, body[0].bytes.count == 1, body[0].bytes[0] <= 1 else {
            throw annotationError(first, "@metadata.code.branch_hint annotation: malformed hint")
        }
    }

    /// Every `@custom`, `@name` and branch hint among the module's tokens must have been
    /// interpreted where it stands.
    func checkAnnotationsUsed(from start: Int, to end: Int) throws(WatError) {
        for (index, annotation) in cursor.annotations.enumerated()
        where annotation.tokenIndex >= start && annotation.tokenIndex <= end && !usedAnnotations.contains(index) {
            switch annotation.name {
            case Self.customAnnotation: throw annotationError(index, "misplaced @custom annotation")
            case Self.nameAnnotation: throw annotationError(index, "misplaced @name annotation")
            case Self.branchHintAnnotation: throw annotationError(index, "@metadata.code.branch_hint annotation: not in a function")
            default: continue
            }
        }
    }

    func annotationError(_ index: Int, _ message: String) -> WatError {
        let annotation = cursor.annotations[index]
        return WatError(.other(message), line: annotation.line, column: annotation.column)
    }
}
