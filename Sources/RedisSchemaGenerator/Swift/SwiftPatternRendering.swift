import RedisSchema
import RedisSchemaCore

/// How generated code declares a key, member or field pattern and renders a value from it. Kept apart so the
/// pattern engine's Swift form can change in one place.
enum SwiftPatternRendering {
    /// `RedisSchema.RedisPattern(validated: source, separator:, rules:, excluding:)`: the value of a pattern
    /// constant. The runtime parses the source with the same engine the schema loader used; `rules` adds what
    /// `params:` says beyond the pattern text, and `excluding` names the patterns that win over this one.
    static func declaration(_ pattern: RedisPattern, excluding: [String] = []) -> SwiftExpression {
        var arguments = [
            SwiftArgument("validated", .atom(SwiftNames.literal(pattern.source))),
            SwiftArgument("separator", .atom(pattern.separatorText.map(SwiftNames.literal) ?? "nil")),
        ]
        let rules = extraRules(of: pattern)
        if !rules.isEmpty {
            arguments.append(
                SwiftArgument("rules", .dictionary(rules.map { (SwiftNames.literal($0.name), rule($0.rule)) })))
        }
        if !excluding.isEmpty {
            arguments.append(SwiftArgument("excluding", .array(excluding.map { .atom($0) })))
        }
        return .call("RedisSchema.RedisPattern", arguments)
    }

    /// `try Pattern.render([values])`: the text of a key, member or field from Swift values already turned to text.
    static func render(pattern: String, values: [SwiftExpression]) -> SwiftExpression {
        .try(.call("\(pattern).render", [SwiftArgument(nil, .array(values))]))
    }

    /// The placeholders whose rules say more than the pattern text itself (`params:` constraints).
    private static func extraRules(of pattern: RedisPattern) -> [Placeholder] {
        let parsed = try? RedisPattern(pattern.source, separator: pattern.separatorText)
        return pattern.placeholders.enumerated().compactMap { index, placeholder in
            parsed?.placeholders[index].rule == placeholder.rule ? nil : placeholder
        }
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
