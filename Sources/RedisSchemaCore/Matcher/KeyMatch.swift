import RedisSchema

/// What a key is, according to the compiled patterns.
public enum KeyMatch: Sendable, Hashable {
    /// The key belongs to the pattern at this index.
    case matched(pattern: Int)
    /// The key has the pattern's shape, but a placeholder's value breaks its rule
    /// (`<id:int>` given `abc`), and no other pattern accepts it.
    case badParam(pattern: Int, placeholder: Int, KeyParamViolation)
    /// No pattern has the key's shape.
    case unmatched
}
