/// Accumulates Markdown text line by line.
struct MarkdownWriter {
    private(set) var text = ""

    mutating func line(_ line: String) {
        text += line + "\n"
    }

    mutating func blank() {
        text += "\n"
    }

    /// A GitHub-flavoured table; `|` in cells is escaped (also inside code spans, where GFM
    /// unescapes it) and line breaks become spaces.
    mutating func table(header: [String], rows: [[String]]) {
        line("| " + header.joined(separator: " | ") + " |")
        line("|" + header.map { _ in "---" }.joined(separator: "|") + "|")
        for row in rows {
            let cells = row.map {
                $0.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "|", with: "\\|")
            }
            line("| " + cells.joined(separator: " | ") + " |")
        }
    }
}
