import StringOps

/// One stringOps operation on concrete inputs.
struct StringOperation {
    enum Kind { case hash, compare, search }
    let kind: Kind
    let first: String
    let second: String

    /// E.g. `search("hello world", "world")`.
    var title: String {
        switch kind {
        case .hash: return "hash(\(quoted(first)))"
        case .compare: return "compare(\(quoted(first)), \(quoted(second)))"
        case .search: return "search(\(quoted(first)), \(quoted(second)))"
        }
    }

    /// Bytes of linear memory the inputs occupy from offset 0 (the second input is 8-aligned),
    /// capped for display.
    var inputSpan: Int {
        let firstCount = first.utf8.count
        let span = kind == .hash ? firstCount : (firstCount + 7) / 8 * 8 + second.utf8.count
        return min(span, 512)
    }

    /// The answer as printed: a hash as unsigned, an order as -1/0/1, an offset or -1.
    func run(on operations: some StringOperations) throws(HostingError) -> String {
        switch kind {
        case .hash: return String(try operations.hash(first))
        case .compare: return String(try operations.compare(first, second))
        case .search: return String(try operations.search(first, for: second) ?? -1)
        }
    }

    private func quoted(_ text: String) -> String {
        "\"" + MemoryDump(offset: 0, bytes: Array(text.utf8)).escapedText.replacingQuotes() + "\""
    }
}

extension String {
    fileprivate func replacingQuotes() -> String {
        var result = ""
        for character in self { result += character == "\"" ? "\\\"" : String(character) }
        return result
    }
}
