/// A plain-text table for stdout: a header, rows, columns padded to their widest cell; the first
/// column left-aligned, the others right-aligned.
struct TextTable {
    let title: String
    let header: [String]
    private(set) var rows: [[String]] = []

    init(title: String, header: [String]) {
        self.title = title
        self.header = header
    }

    mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "a row needs one cell per column")
        rows.append(row)
    }

    /// The table as lines of text, title first.
    var rendered: String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([title, line(header), rule] + rows.map(line)).joined(separator: "\n")
    }

    /// Prints the table followed by an empty line.
    func print() {
        Swift.print(rendered + "\n")
    }
}
