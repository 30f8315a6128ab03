import RedisSchema

/// Whether a key of one pattern and a key of another are in the same Redis Cluster hash slot, decided from
/// the patterns' hash tags alone: what a command or transaction touching both may rely on.
public enum HashSlotAgreement: Sendable, Hashable {
    /// Always: both patterns' keys are in one fixed slot (literal keys or literal tags that hash alike).
    case always(slot: Int)
    /// Exactly when the placeholders of both tags are given the same values, position by position: the tags
    /// have the same shape (`{<tenant>}` and `{<tenant>}`).
    case whenTagValuesMatch
    /// Never: each pattern's keys are in one fixed slot, and the slots differ.
    case never(first: Int, second: Int)
    /// Only by chance: the patterns share no hash tag structure, so their keys' slots depend on values.
    case byChance

    /// The agreement between keys of `first` and keys of `second`.
    public init(_ first: RedisPattern, _ second: RedisPattern) {
        if let a = Self.fixedSlot(first), let b = Self.fixedSlot(second) {
            self = a == b ? .always(slot: a) : .never(first: a, second: b)
        } else if let a = first.hashTag, let b = second.hashTag, a.hasSameShape(as: b) {
            self = .whenTagValuesMatch
        } else {
            self = .byChance
        }
    }

    /// Whether generated code can always send the two keys together when its caller keeps to the rule it
    /// documents (the same values for the tags' placeholders).
    public var isGuaranteed: Bool {
        switch self {
        case .always, .whenTagValuesMatch: return true
        case .never, .byChance: return false
        }
    }

    /// The one slot every key of `pattern` is in, when its values cannot change it: a literal pattern's, or
    /// a literal hash tag's.
    public static func fixedSlot(_ pattern: RedisPattern) -> Int? {
        if pattern.isLiteral { return RedisHashSlot.slot(of: pattern.unchecked([])) }
        guard let tag = pattern.hashTag, tag.isLiteral else { return nil }
        return RedisHashSlot.slot(of: pattern.unchecked(pattern.placeholders.map { _ in "x" }))
    }
}
