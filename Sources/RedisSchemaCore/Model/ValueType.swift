/// The type of a value stored in Redis: a hash or stream field, a list element, a string value.
public enum ValueType: String, Sendable, Hashable, CaseIterable {
    /// Any text.
    case string
    /// A decimal integer (64-bit).
    case int
    /// A decimal floating-point number.
    case float
    /// `true`/`false` (also `1`/`0`).
    case bool
    /// A UUID in its text form.
    case uuid
    /// Seconds since the Unix epoch, as an integer.
    case timestamp
    /// An ISO 8601 date and time, e.g. `2025-12-12T10:22:00Z`.
    case datetime
    /// A JSON document.
    case json
}

/// What a `string` key holds.
public enum StringValue: Sendable, Hashable {
    /// A value of the given type.
    case scalar(ValueType)
    /// An integer that is only ever incremented (`INCR`, `INCRBY`).
    case counter

    /// The name written in the schema.
    public var name: String {
        switch self {
        case .scalar(let type): return type.rawValue
        case .counter: return "counter"
        }
    }
}

/// What a sorted set's scores mean.
public enum ScoreType: String, Sendable, Hashable, CaseIterable {
    /// Seconds since the Unix epoch.
    case timestamp
    /// Whole numbers.
    case int
    /// Any number.
    case float
}

/// What the members of a set or sorted set are.
public enum MemberSpec: Sendable, Hashable {
    /// Members of a type (`member: uuid`).
    case type(ValueType)
    /// Members that follow a pattern (`member: user:<userId>`).
    case pattern(KeyPattern)

    /// The spec as written.
    public var source: String {
        switch self {
        case .type(let type): return type.rawValue
        case .pattern(let pattern): return pattern.source
        }
    }
}
