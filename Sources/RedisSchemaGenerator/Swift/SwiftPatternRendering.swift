import RedisSchema
import RedisSchemaCore

/// How generated code declares a key, member or field pattern and renders a value from it. Kept apart so the
/// pattern engine's Swift form can change in one place.
enum SwiftPatternRendering {
    /// `declaration = RedisSchema.RedisPattern(...)` for a pattern.
    static func emitDeclaration(
        _ declaration: String, source: String, separator: String?, parts: [PatternPart], placeholders: [Placeholder],
        into out: inout SwiftWriter
    ) {
        let separatorText = separator.map(SwiftNames.literal) ?? "nil"
        out.line("\(declaration) = RedisSchema.RedisPattern(")
        out.line("    \(SwiftNames.literal(source)), separator: \(separatorText),")
        out.line("    parts: [")
        for part in parts {
            switch part {
            case .literal(let text):
                out.line("        .literal(\(SwiftNames.literal(text))),")
            case .placeholder(let index):
                let placeholder = placeholders[index]
                let line = "        .placeholder(\(SwiftNames.literal(placeholder.name)), \(rule(placeholder.rule))),"
                if out.fits(line) {
                    out.line(line)
                } else {
                    out.line("        .placeholder(")
                    out.line("            \(SwiftNames.literal(placeholder.name)),")
                    out.line("            \(rule(placeholder.rule))),")
                }
            }
        }
        out.line("    ])")
    }

    /// `try Pattern.render([values])`: the text of a key, member or field from Swift values already turned to text.
    static func renderExpression(pattern: String, values: [String]) -> String {
        "try \(pattern).render([\(values.joined(separator: ", "))])"
    }

    private static func rule(_ rule: KeyParamRule) -> String {
        var arguments = ["kind: .\(rule.kind.rawValue)"]
        if let values = rule.allowedValues {
            arguments.append("allowedValues: [\(values.map(SwiftNames.literal).joined(separator: ", "))]")
        }
        if let maxLength = rule.maxLength { arguments.append("maxLength: \(maxLength)") }
        // The schema loader compiled this regex already, so it cannot fail here.
        if let regex = rule.regex {
            arguments.append("regex: try! RedisSchema.KeyParamRegex(\(SwiftNames.literal(regex.source)))")
        }
        return "RedisSchema.KeyParamRule(\(arguments.joined(separator: ", ")))"
    }
}
