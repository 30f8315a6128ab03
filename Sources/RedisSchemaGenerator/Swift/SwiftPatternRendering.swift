import RedisSchema
import RedisSchemaCore

/// How generated code declares a key, member or field pattern and renders a value from it. Kept apart so the
/// pattern engine's Swift form can change in one place.
enum SwiftPatternRendering {
    /// `RedisSchema.RedisPattern(source, separator:, parts: [...])`: the value of a pattern constant.
    static func declaration(
        source: String, separator: String?, parts: [PatternPart], placeholders: [Placeholder]
    ) -> SwiftExpression {
        let partExpressions = parts.map { part -> SwiftExpression in
            switch part {
            case .literal(let text):
                return .call(".literal", [SwiftArgument(nil, .atom(SwiftNames.literal(text)))])
            case .placeholder(let index):
                let placeholder = placeholders[index]
                return .call(
                    ".placeholder",
                    [
                        SwiftArgument(nil, .atom(SwiftNames.literal(placeholder.name))),
                        SwiftArgument(nil, rule(placeholder.rule)),
                    ])
            }
        }
        return .call(
            "RedisSchema.RedisPattern",
            [
                SwiftArgument(nil, .atom(SwiftNames.literal(source))),
                SwiftArgument("separator", .atom(separator.map(SwiftNames.literal) ?? "nil")),
                SwiftArgument("parts", .array(partExpressions)),
            ])
    }

    /// `try Pattern.render([values])`: the text of a key, member or field from Swift values already turned to text.
    static func render(pattern: String, values: [SwiftExpression]) -> SwiftExpression {
        .try(.call("\(pattern).render", [SwiftArgument(nil, .array(values))]))
    }

    private static func rule(_ rule: KeyParamRule) -> SwiftExpression {
        var arguments = [SwiftArgument("kind", .atom(".\(rule.kind.rawValue)"))]
        if let values = rule.allowedValues {
            arguments.append(SwiftArgument("allowedValues", .array(values.map { .atom(SwiftNames.literal($0)) })))
        }
        if let maxLength = rule.maxLength { arguments.append(SwiftArgument("maxLength", .atom(String(maxLength)))) }
        // The schema loader compiled this regex already, so it cannot fail here.
        if let regex = rule.regex {
            arguments.append(
                SwiftArgument(
                    "regex",
                    .call(
                        "try! RedisSchema.KeyParamRegex", [SwiftArgument(nil, .atom(SwiftNames.literal(regex.source)))])
                ))
        }
        return .call("RedisSchema.KeyParamRule", arguments)
    }
}
