/// Which of two patterns a key that matches both belongs to: the one precedence rule of the schema.
///
/// Segments are compared left to right. At the first segment where the two patterns differ in shape,
/// the more literal one wins: literal text beats a segment that mixes text and placeholders, which
/// beats a bare placeholder; of two mixed segments, the one with more literal bytes wins. Patterns of
/// the same shape throughout are compared placeholder by placeholder: one wins when each of its
/// placeholders accepts only values the other's accepts too (`<id:int>` over `<name>`, an `enum:` over
/// a plain string), and at least one accepts fewer. Anything else is undecided: `check` reports it as
/// an error, since no rule says where such keys belong.
public enum PatternPrecedence: Sendable, Hashable {
    /// The first pattern wins.
    case first
    /// The second pattern wins.
    case second
    /// The two patterns describe the same keys, so neither can win.
    case identical
    /// No rule decides between them.
    case undecided

    /// The precedence between `first` and `second`, for keys that match both.
    public init(_ first: RedisPattern, _ second: RedisPattern) {
        guard first.segments.count == second.segments.count else {
            self = .undecided
            return
        }
        for (a, b) in zip(first.segments, second.segments) where !a.hasSameShape(as: b) {
            let (rankA, rankB) = (a.precedenceRank, b.precedenceRank)
            self = rankA > rankB ? .first : rankA < rankB ? .second : .undecided
            return
        }
        // Same shape: every placeholder sits at the same place in both, in the same order.
        let pairs = zip(first.orderedRules, second.orderedRules)
        let firstNarrower = pairs.allSatisfy { $0.isSubset(of: $1) }
        let secondNarrower = pairs.allSatisfy { $1.isSubset(of: $0) }
        switch (firstNarrower, secondNarrower) {
        case (true, true): self = .identical
        case (true, false): self = .first
        case (false, true): self = .second
        case (false, false): self = .undecided
        }
    }
}

extension PatternSegment {
    /// Whether both segments split every input the same way, whatever their placeholders' rules.
    public func hasSameShape(as other: PatternSegment) -> Bool {
        switch (self, other) {
        case (.literal(let a), .literal(let b)): return a == b
        case (.placeholder, .placeholder): return true
        case (.mixed(let a), .mixed(let b)): return a.pieces == b.pieces
        default: return false
        }
    }

    /// Literal segments rank highest, then mixed ones by their literal bytes, then bare placeholders.
    var precedenceRank: Int {
        switch self {
        case .literal: return Int.max
        case .mixed(let shape): return 1 + shape.literalByteCount
        case .placeholder: return 0
        }
    }
}

extension RedisPattern {
    /// The placeholders' rules in the order they appear in the text.
    fileprivate var orderedRules: [KeyParamRule] {
        parts.compactMap { part in
            guard case .placeholder(let index) = part else { return nil }
            return placeholders[index].rule
        }
    }

    /// The pattern, of those that match `text`, that `text` belongs to by ``PatternPrecedence``: the
    /// reference the linter's compiled matcher is tested against. Returns `nil` when none matches; an
    /// undecided pair goes to the one declared first.
    public static func owner(of text: UnsafeRawBufferPointer, among patterns: [RedisPattern]) -> Int? {
        var best: Int?
        for index in patterns.indices where patterns[index].matches(text) {
            guard let current = best else {
                best = index
                continue
            }
            if PatternPrecedence(patterns[index], patterns[current]) == .first { best = index }
        }
        return best
    }
}

extension KeyParamRule {
    /// Whether it is a plain string placeholder, which any non-empty bytes without the separator fill.
    public var isUnconstrainedString: Bool {
        kind == .string && allowedValues == nil && maxLength == nil && regex == nil
    }

    /// Whether every value this rule accepts, `other` accepts too (`false` when that cannot be proven,
    /// as for two different regular expressions).
    public func isSubset(of other: KeyParamRule) -> Bool {
        if let values = allowedValues { return values.allSatisfy { other.violation(in: $0) == nil } }
        if other.allowedValues != nil { return false }
        if let otherRegex = other.regex, otherRegex != regex { return false }
        guard kind == other.kind || other.kind == .string else { return false }
        guard let limit = other.maxLength else { return true }
        let longest = maxLength ?? (kind == .uuid ? 36 : Int.max)
        return longest <= limit
    }
}
