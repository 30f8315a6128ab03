import RedisSchema

/// Two key specs whose patterns some key matches both of, and where such keys go.
public struct PatternOverlap: Sendable, Hashable {
    /// How the sets of keys the two patterns describe relate.
    public enum Containment: Sendable, Hashable {
        /// Exactly the same keys match both.
        case equal
        /// Every key of the first matches the second too.
        case firstInSecond
        /// Every key of the second matches the first too.
        case secondInFirst
        /// Some keys match both, and each matches keys the other does not.
        case partial
        /// Some keys match both; whether one contains the other cannot be proven (regular expressions,
        /// segments mixing text and placeholders).
        case unknown
    }

    /// The index in ``Schema/keys`` of the spec declared first.
    public var first: Int
    /// The index of the spec declared second.
    public var second: Int
    /// How their keys relate.
    public var containment: Containment
    /// A key both patterns match.
    public var example: String
    /// Where keys that match both belong, by ``PatternPrecedence``.
    public var precedence: PatternPrecedence

    /// The index of the spec that owns keys matching both, or `nil` when no rule decides.
    public var winner: Int? {
        switch precedence {
        case .first: return first
        case .second: return second
        case .identical, .undecided: return nil
        }
    }

    /// The index of the spec that loses such keys, or `nil` when no rule decides.
    public var loser: Int? {
        winner.map { $0 == first ? second : first }
    }
}
