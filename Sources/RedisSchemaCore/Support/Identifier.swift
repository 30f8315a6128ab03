import RedisSchema

/// Names in a schema that become Swift identifiers, and how they are converted.
public enum Identifier {
    /// Whether `name` is letters, digits and `_`, starting with a letter or `_` (ASCII only, so the
    /// generated code reads the same everywhere).
    public static func isValid(_ name: String) -> Bool {
        Placeholder.isValidName(name)
    }

    /// Whether `name` may name a key or field: an identifier that may also contain `-`.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCIILetter || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == "_" || $0 == "-" }
    }

    /// `sessionLive`, `session_live`, `session-live` → `SessionLive`.
    public static func upperCamelCase(_ name: String) -> String {
        words(name).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// `session_live`, `SessionLive`, `session-live` → `sessionLive`.
    public static func lowerCamelCase(_ name: String) -> String {
        let upper = upperCamelCase(name)
        let leadingCapitals = upper.prefix { $0.isUppercase }
        // `URLPath` → `urlPath`: lower the whole leading acronym but the start of the next word.
        if leadingCapitals.count > 1 && leadingCapitals.count < upper.count {
            let acronym = upper.prefix(leadingCapitals.count - 1)
            return acronym.lowercased() + upper.dropFirst(acronym.count)
        }
        return upper.prefix(leadingCapitals.count).lowercased() + upper.dropFirst(leadingCapitals.count)
    }

    private static func words(_ name: String) -> [String] {
        name.split(whereSeparator: { $0 == "_" || $0 == "-" }).map(String.init)
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
