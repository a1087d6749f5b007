import StringOps

/// A backend's answer to one operation, or why there is none.
enum Answer: Equatable {
    case value(String)
    case failed(String)
    case unavailable

    init(_ body: () throws(HostingError) -> String) {
        do throws(HostingError) {
            self = .value(try body())
        } catch {
            self = .failed(error.description)
        }
    }

    var text: String {
        switch self {
        case .value(let value): return value
        case .failed(let reason): return "error: \(reason)"
        case .unavailable: return "unavailable"
        }
    }
}

/// The answers of each operation, printed as a table (both backends) or as bare values (one).
struct ResultTable {
    struct Row {
        let title: String
        let webAssembly: Answer?
        let swift: Answer?
        let memory: MemoryDump?

        /// "equal", "DIFFERENT", or "no answer" when a backend failed.
        var verdict: String {
            let answers = [webAssembly, swift].compactMap { $0 }
            if answers.contains(where: { if case .value = $0 { return false } else { return true } }) { return "no answer" }
            return isGood ? "equal" : "DIFFERENT"
        }

        /// Every answer present is a value, and the two agree when both ran.
        var isGood: Bool {
            let answers = [webAssembly, swift].compactMap { $0 }
            guard answers.allSatisfy({ if case .value = $0 { return true } else { return false } }) else { return false }
            return answers.count < 2 || answers[0] == answers[1]
        }
    }

    let showBoth: Bool
    private(set) var rows: [Row] = []

    init(showBoth: Bool) {
        self.showBoth = showBoth
    }

    mutating func add(_ row: Row) {
        rows.append(row)
    }

    var allGood: Bool { rows.allSatisfy(\.isGood) }

    func render() -> String {
        var lines: [String] = []
        if showBoth {
            let columns = [
                ["operation"] + rows.map(\.title),
                ["WebAssembly"] + rows.map { $0.webAssembly?.text ?? "" },
                ["Swift"] + rows.map { $0.swift?.text ?? "" },
            ]
            let widths = columns.map { column in column.map(\.count).max() ?? 0 }
            for index in 0...rows.count {
                let verdict = index == 0 ? "" : rows[index - 1].verdict
                let cells = columns.enumerated().map { pad($1[index], to: widths[$0]) }
                lines.append((cells + [verdict]).joined(separator: "   ").trimmingTrailingSpaces())
                if index > 0, let memory = rows[index - 1].memory { lines.append(indent(memory.description)) }
            }
        } else {
            for row in rows {
                let answer = (row.webAssembly ?? row.swift)?.text ?? ""
                lines.append(rows.count == 1 ? answer : "\(row.title): \(answer)")
                if let memory = row.memory { lines.append(indent(memory.description)) }
            }
        }
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
