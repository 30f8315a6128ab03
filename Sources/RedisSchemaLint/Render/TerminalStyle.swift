/// ANSI colouring, or none: the text renderer's only source of escape sequences.
struct TerminalStyle {
    /// What a piece of text means, which decides its colour.
    enum Tone {
        case error, warning, ok, heading, muted
    }

    /// Whether to emit escape sequences at all; the CLI decides (a TTY and no `NO_COLOR`).
    let useColor: Bool

    /// `text` wrapped in the escape sequences for `tone`, or `text` itself without colour.
    func apply(_ tone: Tone?, _ text: String) -> String {
        guard useColor, let tone, !text.isEmpty else { return text }
        let code: String
        switch tone {
        case .error: code = "31"
        case .warning: code = "33"
        case .ok: code = "32"
        case .heading: code = "1"
        case .muted: code = "2"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    /// The tone of a severity: error red, warning yellow; ignored rules are muted.
    static func tone(of severity: LintSeverity) -> Tone {
        switch severity {
        case .error: return .error
        case .warning: return .warning
        case .ignore: return .muted
        }
    }

    /// `text` with control characters, bidirectional overrides and line/paragraph separators written
    /// as `\xNN` (one per UTF-8 byte).
    ///
    /// Keys reach the model escaped already, but messages, shapes and the server name are not
    /// promised to be; a stray ESC or carriage return would rewrite the user's terminal.
    static func sanitize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                for byte in String(scalar).utf8 { result += "\\x" + hex(byte) }
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || KeyDisplay.isLayoutControl(scalar)
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}
