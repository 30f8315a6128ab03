/// Builds Swift source line by line with indentation, blank lines and comment wrapping handled in one place.
/// Generated code is described as structure (``SwiftDeclaration``) and laid out by ``render(_:)-(SwiftDeclaration)``;
/// this is the low-level writer it uses.
struct SwiftWriter {
    /// The longest line generated code may have.
    static let maxLineLength = 120

    private(set) var text = ""
    private var depth = 0
    private var pendingBlank = false

    /// Whether `line` fits within ``maxLineLength`` at the current indentation.
    func fits(_ line: String) -> Bool {
        depth * 4 + line.count <= Self.maxLineLength
    }

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
        text += String(repeating: "    ", count: depth) + line + "\n"
    }

    /// A blank line before the next line, unless that line closes a block.
    mutating func blank() {
        pendingBlank = true
    }

    /// `///` lines for `doc`, which may span several lines; long lines are word-wrapped, and a list item's
    /// continuation lines line up under its text.
    mutating func doc(_ doc: String) {
        for docLine in doc.split(separator: "\n", omittingEmptySubsequences: false) {
            guard !docLine.isEmpty else {
                line("///")
                continue
            }
            let hanging = docLine.hasPrefix("- ") ? "///   " : "/// "
            var current = "/// "
            var isFirstWord = true
            for word in docLine.split(separator: " ") {
                let candidate = isFirstWord ? current + word : current + " " + word
                if !isFirstWord && !fits(candidate) {
                    line(current)
                    current = hanging + word
                } else {
                    current = candidate
                }
                isFirstWord = false
            }
            line(current)
        }
    }

    /// `header {`, the body one level deeper, then `}`. A header ending in a line break puts `{` on its own line.
    mutating func block(_ header: String, _ body: (inout SwiftWriter) -> Void) {
        line(header.hasSuffix("\n") ? header + "{" : header + " {")
        indented(body)
        pendingBlank = false
        line("}")
    }

    /// The body one level deeper.
    mutating func indented(_ body: (inout SwiftWriter) -> Void) {
        depth += 1
        body(&self)
        depth -= 1
    }

    /// `if condition {`, the body, then `} else {` and the other body when there is one.
    mutating func ifElse(
        _ condition: String, _ body: (inout SwiftWriter) -> Void, else other: ((inout SwiftWriter) -> Void)? = nil
    ) {
        line("if \(condition) {")
        indented(body)
        pendingBlank = false
        guard let other else {
            line("}")
            return
        }
        line("} else {")
        indented(other)
        pendingBlank = false
        line("}")
    }
}
