import Foundation

/// A table of aligned columns for the terminal, padded before colouring so that escape sequences
/// never throw the alignment off.
struct TextTable {
    /// A column's heading, alignment and widest allowed cell.
    struct Column {
        var title: String
        var alignRight = false
        /// Longer cells are cut, ending in `…`; the last column is never cut.
        var maxWidth = Int.max
        /// For the last column: where its text may wrap onto the next line (after `", "`) when a
        /// row would be longer than ``TextTable/lineWidth``; `nil` never wraps.
        var wrapsAfter: String?
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
    /// The widest line wanted; only a last column with ``Column/wrapsAfter`` is wrapped to fit.
    var lineWidth = 120

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
        return ([heading] + fitted).flatMap { lines(of: $0, widths: widths, style: style, indent: indent) }
    }

    /// A row as one line, or several when its last cell wraps: continuation lines start where the
    /// last column does, so the other columns stay readable.
    private func lines(of row: [Cell], widths: [Int], style: TerminalStyle, indent: String) -> [String] {
        let last = columns.count - 1
        guard row.count == columns.count, let separator = columns[last].wrapsAfter, !columns[last].alignRight else {
            return [line(of: row, widths: widths, style: style, indent: indent)]
        }
        let start = indent.count + widths[..<last].reduce(0, +) + 2 * last
        let pieces = Self.wrap(row[last].text, after: separator, width: max(20, lineWidth - start))
        var first = row
        first[last].text = pieces[0]
        let continuation = String(repeating: " ", count: start)
        return [line(of: first, widths: widths, style: style, indent: indent)]
            + pieces.dropFirst().map { continuation + style.apply(row[last].tone, $0) }
    }

    /// `text` split after `separator` into lines of at most `width` characters where possible;
    /// a single part longer than `width` gets a line of its own rather than being cut.
    private static func wrap(_ text: String, after separator: String, width: Int) -> [String] {
        guard text.count > width else { return [text] }
        let parts = text.components(separatedBy: separator)
        var lines: [String] = []
        var current = ""
        for (index, part) in parts.enumerated() {
            let piece = index < parts.count - 1 ? part + separator.trimmingCharacters(in: .whitespaces) : part
            if !current.isEmpty && current.count + 1 + piece.count > width {
                lines.append(current)
                current = piece
            } else {
                current += current.isEmpty ? piece : " " + piece
            }
        }
        lines.append(current)
        return lines
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
