import RedisSchemaCore

/// Turns schema names into Swift identifiers and literals.
enum SwiftNames {
    /// Words that need backticks to be used as identifiers.
    static let keywords: Set<String> = [
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate", "func",
        "import", "init", "inout", "internal", "let", "nonisolated", "open", "operator", "private", "precedencegroup",
        "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case",
        "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat",
        "return", "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil", "self", "Self",
        "super", "throws", "true", "try", "_", "Type", "Protocol", "package", "some", "any", "async",
    ]

    /// Type names a key or namespace may not take: they would shadow the modules generated code names
    /// (`Swift.String`, `RedisSchema.RedisPattern`) or mean something else after a dot (`X.Type`).
    static let reservedTypeNames: Set<String> = [
        "Swift", "RedisSchema", "Foundation", "FoundationEssentials", "_Concurrency", "Type", "Protocol",

    ]

    /// `name`, in backticks when it is a keyword.
    static func escaped(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }

    /// An argument label in a call: only `inout`, `var` and `let` need backticks there.
    static func callLabel(_ name: String) -> String {
        ["inout", "var", "let"].contains(name) ? "`\(name)`" : name
    }

    /// The property or parameter name for a field or placeholder name.
    static func property(_ name: String) -> String {
        escaped(Identifier.lowerCamelCase(name))
    }

    /// A Swift string literal with the same characters as `text`.
    static func literal(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A Swift integer literal with `_` every three digits, as Swift style writes large numbers.
    static func integer(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        guard digits.count > 4 else { return String(value) }
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { grouped += "_" }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }
}
