/// Builds Swift source line by line with indentation and blank lines handled in one place, so emitters
/// describe structure (blocks, doc comments) instead of concatenating strings.
struct SwiftWriter {
    private(set) var text = ""
    private var depth = 0
    private var pendingBlank = false

    /// One line at the current indentation; embedded newlines start further lines at the same indentation.
    mutating func line(_ line: String) {
        if line.contains("\n") {
            for piece in line.split(separator: "\n", omittingEmptySubsequences: false) { self.line(String(piece)) }
            return
        }
        // A blank line never opens or closes a block, and never doubles up.
        if pendingBlank && !text.isEmpty && !text.hasSuffix("{\n") && !text.hasSuffix("\n\n") && !line.hasPrefix("}") {
            text += "\n"
        }
        pendingBlank = false
        let indentation = String(repeating: "    ", count: depth)
        for wrapped in SwiftLineWrapper.wrap(line, indent: depth * 4, width: Self.maxLineLength) {
            text += indentation + wrapped + "\n"
        }
    }

    /// The longest line generated code may have.
    static let maxLineLength = 120

    /// Whether `line` fits within ``maxLineLength`` at the current indentation.
    func fits(_ line: String) -> Bool {
        depth * 4 + line.count <= Self.maxLineLength
    }

    /// A blank line before the next line, unless that line closes a block.
    mutating func blank() {
        pendingBlank = true
    }

    /// `///` lines for `doc`, which may span several lines.
    mutating func doc(_ doc: String) {
        for docLine in doc.split(separator: "\n", omittingEmptySubsequences: false) {
            line(docLine.isEmpty ? "///" : "/// " + docLine)
        }
    }

    /// `header {`, the body one level deeper, then `}`.
    /// A header ending in a line break puts `{` on a line of its own.
    mutating func block(_ header: String, _ body: (inout SwiftWriter) -> Void) {
        line(header.hasSuffix("\n") ? header + "{" : header + " {")
        depth += 1
        body(&self)
        depth -= 1
        pendingBlank = false
        line("}")
    }

    /// `if condition {`, the body, then `} else {` and the other body when there is one.
    mutating func ifElse(
        _ condition: String, _ body: (inout SwiftWriter) -> Void, else other: ((inout SwiftWriter) -> Void)? = nil
    ) {
        line("if \(condition) {")
        depth += 1
        body(&self)
        depth -= 1
        pendingBlank = false
        guard let other else {
            line("}")
            return
        }
        line("} else {")
        depth += 1
        other(&self)
        depth -= 1
        pendingBlank = false
        line("}")
    }
}
