/// Accumulates Markdown text line by line.
struct MarkdownWriter {
    private(set) var text = ""

    mutating func line(_ line: String) {
        text += line + "\n"
    }

    mutating func blank() {
        text += "\n"
    }

    mutating func table(header: [String], rows: [[String]]) {
        line("| " + header.joined(separator: " | ") + " |")
        line("|" + header.map { _ in "---" }.joined(separator: "|") + "|")
        for row in rows {
            line("| " + row.map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: " | ") + " |")
        }
    }
}
