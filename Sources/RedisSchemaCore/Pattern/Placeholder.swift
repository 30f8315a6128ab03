import RedisSchema

/// A named, typed hole in a pattern: `<sid>`, `<x:int>`.
public struct Placeholder: Sendable, Hashable {
    /// The name, a valid identifier; generated code uses it as a parameter label.
    public var name: String
    /// What its values must satisfy.
    public var rule: KeyParamRule

    /// Creates a placeholder.
    public init(name: String, rule: KeyParamRule = KeyParamRule()) {
        self.name = name
        self.rule = rule
    }
}

/// One piece of a pattern: literal text, or a placeholder by its index in the pattern.
public enum PatternPart: Sendable, Hashable {
    /// Text that must appear as written.
    case literal(String)
    /// The pattern's placeholder at this index.
    case placeholder(Int)
}

/// Why pattern text does not parse.
public struct PatternSyntaxError: Error, Sendable, Hashable {
    /// What is wrong.
    public var message: String
    /// The offset in characters into the pattern text where the problem is.
    public var offset: Int
}

/// The syntax shared by key, member and field patterns: text with `<name>` or `<name:type>` holes.
enum PatternTemplate {
    /// Splits `source` into parts and placeholders, or says what is wrong.
    static func parse(_ source: String) -> Result<([PatternPart], [Placeholder]), PatternSyntaxError> {
        var parts: [PatternPart] = []
        var placeholders: [Placeholder] = []
        var literal = ""
        let characters = Array(source)
        var index = 0
        func error(_ message: String, at offset: Int) -> Result<([PatternPart], [Placeholder]), PatternSyntaxError> {
            .failure(PatternSyntaxError(message: message, offset: offset))
        }
        if characters.isEmpty { return error("the pattern is empty", at: 0) }
        while index < characters.count {
            let character = characters[index]
            if character == ">" {
                return error("`>` without a matching `<`", at: index)
            }
            guard character == "<" else {
                literal.append(character)
                index += 1
                continue
            }
            guard let close = characters[index...].firstIndex(of: ">") else {
                return error("`<` is never closed with `>`", at: index)
            }
            let body = String(characters[(index + 1)..<close])
            if body.contains("<") {
                return error("`<` inside a placeholder; placeholders cannot nest", at: index)
            }
            let pieces = body.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(pieces[0])
            guard Identifier.isValid(name) else {
                let shown = name.isEmpty ? "an empty name" : "`\(name)`"
                return error(
                    "\(shown) is not a valid placeholder name; use letters, digits and `_`, starting with a letter",
                    at: index)
            }
            if placeholders.contains(where: { $0.name == name }) {
                return error("the placeholder `<\(name)>` appears twice", at: index)
            }
            var rule = KeyParamRule()
            if pieces.count == 2 {
                let typeName = String(pieces[1])
                guard let kind = KeyParamRule.Kind(rawValue: typeName.lowercased()) else {
                    let names = KeyParamRule.Kind.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")
                    return error(
                        "`\(typeName)` is not a placeholder type; use one of \(names)"
                            + Suggestion.didYouMean(typeName, among: KeyParamRule.Kind.allCases.map(\.rawValue)),
                        at: index)
                }
                rule.kind = kind
            }
            if !literal.isEmpty {
                parts.append(.literal(literal))
                literal = ""
            } else if case .placeholder(let previous) = parts.last {
                return error(
                    "`<\(name)>` follows `<\(placeholders[previous].name)>` with no text between them, "
                        + "so no one could tell where one ends; put a literal between them",
                    at: index)
            }
            parts.append(.placeholder(placeholders.count))
            placeholders.append(Placeholder(name: name, rule: rule))
            index = close + 1
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        return .success((parts, placeholders))
    }
}
