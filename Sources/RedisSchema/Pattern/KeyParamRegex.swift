/// A compiled regular expression that a placeholder's whole value must match.
///
/// `Regex` is not `Sendable`; this box is, because it never mutates the expression after compiling
/// and warming it up, and matching only reads it.
public final class KeyParamRegex: @unchecked Sendable, Hashable {
    /// The expression as written in the schema.
    public let source: String
    private let regex: Regex<AnyRegexOutput>

    /// Compiles `source`; throws when it is not a valid regular expression.
    public init(_ source: String) throws {
        self.source = source
        self.regex = try Regex(source)
        // Lowering is lazy; do it now, while no other thread can see this object.
        _ = try? regex.wholeMatch(in: "")
    }

    /// Whether the whole of `value` matches.
    public func wholeMatches(_ value: String) -> Bool {
        (try? regex.wholeMatch(in: value)) != nil
    }

    public static func == (lhs: KeyParamRegex, rhs: KeyParamRegex) -> Bool {
        lhs.source == rhs.source
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
    }
}
