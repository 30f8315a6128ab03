/// Breaks a line of generated Swift that is longer than its width at its first argument or parameter list, the
/// way swift-format would: first all arguments on one continuation line, else one per line with the closing
/// bracket on its own line. String literals are never broken. Doc comments are word-wrapped.
enum SwiftLineWrapper {
    /// The lines for `line` (without indentation) at `indent` columns, each within `width` where possible.
    static func wrap(_ line: String, indent: Int, width: Int) -> [String] {
        guard indent + line.count > width else { return [line] }
        if line.hasPrefix("///") { return wrapComment(line, indent: indent, width: width) }
        let characters = Array(line)
        guard var group = firstGroup(characters, from: 0) else { return [line] }
        var head = String(characters[...group.open])
        var tail = String(characters[group.close...])
        var body = Array(characters[(group.open + 1)..<group.close])
        // `f([a, b])`: hug the single array argument, `f([` … `])`.
        if let inner = firstGroup(body, from: 0), inner.open == 0, inner.close == body.count - 1, body[0] == "[" {
            head += "["
            tail = "]" + tail
            body = Array(body[1..<(body.count - 1)])
            group = (group.open, group.close)
        }
        let arguments = splitTopLevel(body)
        guard !arguments.isEmpty else { return [line] }
        let packed = "    " + arguments.joined(separator: ", ")
        // A declaration's parameters never share a continuation line: its body would start at the same indentation.
        let isBlockHeader = tail.hasSuffix("{")
        if indent + packed.count + tail.count <= width && !tail.hasPrefix("]") && arguments.count > 1 && !isBlockHeader
        {
            return [head, packed + tail]
        }
        let isArray = head.hasSuffix("[")
        var lines = [head]
        for (index, argument) in arguments.enumerated() {
            let comma = isArray || index < arguments.count - 1 ? "," : ""
            lines += wrap(argument + comma, indent: indent + 4, width: width).map { "    " + $0 }
        }
        lines.append(tail)
        return lines
    }

    /// The first `(…)` or `[…]` with something inside, outside string literals.
    private static func firstGroup(_ characters: [Character], from start: Int) -> (open: Int, close: Int)? {
        var depth = 0
        var open: Int?
        var inString = false
        var index = start
        while index < characters.count {
            let character = characters[index]
            if inString {
                if character == "\\" {
                    index += 1
                } else if character == "\"" {
                    inString = false
                }
            } else if character == "\"" {
                inString = true
            } else if character == "(" || character == "[" {
                if depth == 0 { open = index }
                depth += 1
            } else if character == ")" || character == "]" {
                depth -= 1
                if depth == 0, let start = open {
                    if index > start + 1 { return (start, index) }
                    open = nil
                }
            }
            index += 1
        }
        return nil
    }

    /// `body` split at its top-level commas, trimmed.
    private static func splitTopLevel(_ body: [Character]) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var inString = false
        var escaped = false
        for character in body {
            if inString {
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inString = false
                }
            } else if character == "\"" {
                inString = true
            } else if "([{".contains(character) {
                depth += 1
            } else if ")]}".contains(character) {
                depth -= 1
            } else if character == "," && depth == 0 {
                parts.append(current.trimmingSpaces())
                current = ""
                continue
            }
            current.append(character)
        }
        let last = current.trimmingSpaces()
        if !last.isEmpty { parts.append(last) }
        return parts
    }

    private static func wrapComment(_ line: String, indent: Int, width: Int) -> [String] {
        let body = line.dropFirst(4)
        // A list item's continuation lines line up under its text.
        let hanging = body.hasPrefix("- ") ? "///   " : "/// "
        var lines: [String] = []
        var current = "/// "
        var isFirstWord = true
        for word in body.split(separator: " ") {
            let candidate = isFirstWord ? current + word : current + " " + word
            if !isFirstWord && indent + candidate.count > width {
                lines.append(current)
                current = hanging + word
            } else {
                current = candidate
            }
            isFirstWord = false
        }
        lines.append(current)
        return lines
    }
}

extension String {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
