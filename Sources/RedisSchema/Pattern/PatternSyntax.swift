/// A named, typed hole in a pattern: `<sid>`, `<x:int>`.
public struct Placeholder: Sendable, Hashable {
    /// The name: ASCII letters, digits and `_`, starting with a letter or `_`.
    public var name: String
    /// What its values must satisfy.
    public var rule: KeyParamRule

    /// Creates a placeholder.
    public init(name: String, rule: KeyParamRule = KeyParamRule()) {
        self.name = name
        self.rule = rule
    }

    /// Whether `name` can name a placeholder (and so a Swift parameter): ASCII letters, digits and `_`,
    /// starting with a letter or `_`.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.utf8.first, isLetter(first) || first == UInt8(ascii: "_") else { return false }
        return name.utf8.allSatisfy { isLetter($0) || ParamBytes.isDigit($0) || $0 == UInt8(ascii: "_") }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26
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
public struct PatternSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, as a closed set of reasons.
    public enum Reason: Sendable, Hashable {
        case empty
        case unmatchedClose
        case unclosed
        case nested
        case invalidName(String)
        case duplicateName(String)
        case unknownType(String)
        case adjacentPlaceholders(previous: String, next: String)
        case invalidSeparator(String)
    }

    /// What is wrong.
    public var reason: Reason
    /// The offset in characters into the pattern text where the problem is.
    public var offset: Int

    /// Creates an error.
    public init(_ reason: Reason, offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    /// What is wrong, worded as advice.
    public var message: String {
        switch reason {
        case .empty:
            return "the pattern is empty"
        case .unmatchedClose:
            return "`>` without a matching `<`"
        case .unclosed:
            return "`<` is never closed with `>`"
        case .nested:
            return "`<` inside a placeholder; placeholders cannot nest"
        case .invalidName(let name):
            let shown = name.isEmpty ? "an empty name" : "`\(name)`"
            return "\(shown) is not a valid placeholder name; use letters, digits and `_`, starting with a letter"
        case .duplicateName(let name):
            return "the placeholder `<\(name)>` appears twice"
        case .unknownType(let name):
            let names = KeyParamRule.Kind.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")
            return "`\(name)` is not a placeholder type; use one of \(names)"
        case .adjacentPlaceholders(let previous, let next):
            return "`<\(next)>` follows `<\(previous)>` with no text between them, so no one could tell where one "
                + "ends; put a literal between them"
        case .invalidSeparator(let separator):
            return "the separator `\(separator)` must be a single ASCII character"
        }
    }

    public var description: String { message }
}

/// The syntax shared by key, member and field patterns: text with `<name>` or `<name:type>` holes.
enum PatternParser {
    /// Splits `source` into parts and placeholders, or says what is wrong.
    static func parse(_ source: String) throws(PatternSyntaxError) -> (
        parts: [PatternPart], placeholders: [Placeholder]
    ) {
        var parts: [PatternPart] = []
        var placeholders: [Placeholder] = []
        var literal = ""
        let characters = Array(source)
        var index = 0
        if characters.isEmpty { throw PatternSyntaxError(.empty, offset: 0) }
        while index < characters.count {
            let character = characters[index]
            if character == ">" { throw PatternSyntaxError(.unmatchedClose, offset: index) }
            guard character == "<" else {
                literal.append(character)
                index += 1
                continue
            }
            guard let close = characters[index...].firstIndex(of: ">") else {
                throw PatternSyntaxError(.unclosed, offset: index)
            }
            let body = String(characters[(index + 1)..<close])
            if body.contains("<") { throw PatternSyntaxError(.nested, offset: index) }
            let pieces = body.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(pieces[0])
            guard Placeholder.isValidName(name) else { throw PatternSyntaxError(.invalidName(name), offset: index) }
            if placeholders.contains(where: { $0.name == name }) {
                throw PatternSyntaxError(.duplicateName(name), offset: index)
            }
            var rule = KeyParamRule()
            if pieces.count == 2 {
                let typeName = String(pieces[1])
                guard let kind = KeyParamRule.Kind(rawValue: typeName.lowercased()) else {
                    throw PatternSyntaxError(.unknownType(typeName), offset: index)
                }
                rule.kind = kind
            }
            if !literal.isEmpty {
                parts.append(.literal(literal))
                literal = ""
            } else if case .placeholder(let previous) = parts.last {
                throw PatternSyntaxError(
                    .adjacentPlaceholders(previous: placeholders[previous].name, next: name), offset: index)
            }
            parts.append(.placeholder(placeholders.count))
            placeholders.append(Placeholder(name: name, rule: rule))
            index = close + 1
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        return (parts, placeholders)
    }
}
