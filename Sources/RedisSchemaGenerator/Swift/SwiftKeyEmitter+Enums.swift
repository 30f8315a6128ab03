import RedisSchema
import RedisSchemaCore

/// A nested enum for each `enum:` placeholder of the key pattern, so a value outside the list is a compile
/// error (`Leaderboard(game: .chess)`) rather than a thrown one; `init(rawValue:)` still reads raw text.
extension SwiftKeyEmitter {
    /// The key pattern's `enum:` placeholders with their enum names, unescaped and in pattern order.
    var placeholderEnums: [(placeholder: Placeholder, values: [String], type: String)] {
        let enums = plan.pattern.placeholders.compactMap { placeholder in
            placeholder.rule.allowedValues.map { (placeholder, $0) }
        }
        let names = SwiftNames.numbered(
            enums.map { SwiftNames.enumName(forPlaceholder: $0.0.name, keyType: typeName) })
        return zip(enums, names).map { ($0.0, $0.1, $1) }
    }

    func enumDeclarations() -> [SwiftDeclaration] {
        placeholderEnums.map { placeholder, values, type in
            let cases = zip(SwiftNames.caseNames(forValues: values), values).map { name, value in
                SwiftDeclaration.enumCase(name, rawValue: name == value ? nil : value)
            }
            return .documented(
                "The values `<\(placeholder.name)>` may take.",
                .type(
                    SwiftTypeDeclaration(
                        kind: .enum, access: access, name: type,
                        conformances: [
                            "Swift.String", "Swift.Sendable", "Swift.Hashable", "Swift.CaseIterable", "Swift.Codable",
                        ],
                        members: [.group(cases)])))
        }
    }

    /// The initialiser's parameters: an `enum:` placeholder takes its enum, whose raw value is the text.
    func keyParameters() -> [SwiftParam] {
        let enums = Dictionary(uniqueKeysWithValues: placeholderEnums.map { ($0.placeholder.name, $0.type) })
        return SwiftParam.make(plan.pattern.placeholders).map { param in
            guard let type = enums[param.name] else { return param }
            var param = param
            param.enumType = "\(qualifiedName).\(SwiftNames.escaped(type))"
            return param
        }
    }
}
