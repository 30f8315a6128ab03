import RedisSchema

/// The Swift declaration of a pattern for generated code: `RedisPattern(validated:...)`, which the
/// runtime parses with the same engine the schema loader used, plus the rules that `params:` adds and
/// the patterns that win over it.
enum SwiftPatternDeclaration {
    /// Lines declaring `declaration = RedisSchema.RedisPattern(...)`.
    ///
    /// - Parameter excluding: Swift expressions of the patterns that take precedence over this one.
    static func lines(_ declaration: String, _ pattern: RedisPattern, excluding: [String] = []) -> [String] {
        var arguments = [SwiftNames.literal(pattern.source)]
        arguments.append("separator: " + (pattern.separatorText.map(SwiftNames.literal) ?? "nil"))
        let rules = extraRules(of: pattern)
        if !rules.isEmpty {
            let entries = rules.map { name, rule in "\(SwiftNames.literal(name)): \(ruleExpression(rule))" }
            arguments.append("rules: [\n        " + entries.joined(separator: ",\n        ") + ",\n    ]")
        }
        if !excluding.isEmpty {
            arguments.append("excluding: [" + excluding.joined(separator: ", ") + "]")
        }
        let text =
            "\(declaration) = RedisSchema.RedisPattern(\n    validated: " + arguments.joined(separator: ", ") + ")"
        return text.split(separator: "\n").map(String.init)
    }

    /// The placeholders whose rules say more than the pattern text itself (`params:` constraints).
    private static func extraRules(of pattern: RedisPattern) -> [(String, KeyParamRule)] {
        let parsed = try? RedisPattern(pattern.source, separator: pattern.separatorText)
        return pattern.placeholders.enumerated().compactMap { index, placeholder in
            parsed?.placeholders[index].rule == placeholder.rule ? nil : (placeholder.name, placeholder.rule)
        }
    }

    private static func ruleExpression(_ rule: KeyParamRule) -> String {
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
