/// A table of aligned columns for the terminal, padded before colouring so that escape sequences
/// never throw the alignment off.
struct TextTable {
    /// A column's heading, alignment and widest allowed cell.
    struct Column {
        var title: String
        var alignRight = false
        /// Longer cells are cut, ending in `…`; the last column is never cut.
        var maxWidth = Int.max
    }

    /// One cell: its text and how to colour it.
    struct Cell: ExpressibleByStringLiteral {
        var text: String
        var tone: TerminalStyle.Tone?

        init(_ text: String, tone: TerminalStyle.Tone? = nil) {
            self.text = TerminalStyle.sanitize(text)
            self.tone = tone
        }

        init(stringLiteral value: String) { self.init(value) }
    }

    var columns: [Column]
    var rows: [[Cell]] = []

    /// The table as lines: a muted heading row, then the rows, each starting with `indent`.
    func render(style: TerminalStyle, indent: String = "  ") -> [String] {
        let fitted = rows.map { row in
            row.enumerated().map { index, cell in
                var cell = cell
                if index < columns.count - 1 { cell.text = Self.truncate(cell.text, to: columns[index].maxWidth) }
                return cell
            }
        }
        let widths = columns.indices.map { index in
            fitted.reduce(columns[index].title.count) { max($0, $1.indices.contains(index) ? $1[index].text.count : 0) }
        }
        let heading = columns.map { Cell($0.title, tone: .muted) }
        return ([heading] + fitted).map { line(of: $0, widths: widths, style: style, indent: indent) }
    }

    private func line(of row: [Cell], widths: [Int], style: TerminalStyle, indent: String) -> String {
        var parts: [String] = []
        for (index, cell) in row.enumerated() where index < columns.count {
            let padding = String(repeating: " ", count: max(0, widths[index] - cell.text.count))
            let isLast = index == min(row.count, columns.count) - 1
            let coloured = style.apply(cell.tone, cell.text)
            if columns[index].alignRight {
                parts.append(padding + coloured)
            } else {
                // No trailing spaces after the last cell.
                parts.append(isLast ? coloured : coloured + padding)
            }
        }
        return indent + parts.joined(separator: "  ")
    }

    private static func truncate(_ text: String, to width: Int) -> String {
        guard text.count > width, width > 1 else { return text }
        return String(text.prefix(width - 1)) + "…"
    }
}
