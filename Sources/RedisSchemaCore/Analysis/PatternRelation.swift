import RedisSchema

/// How the sets of keys two patterns (or two segments) describe relate.
enum PatternRelation: Sendable, Hashable {
    /// No key matches both.
    case disjoint
    /// Exactly the same keys match both.
    case equal
    /// Every key of the first matches the second, not the other way round.
    case subset
    /// Every key of the second matches the first, not the other way round.
    case superset
    /// Some keys match both, and each matches keys the other does not.
    case overlap
    /// Some keys match both (the witness shows one), but whether one contains the other cannot be
    /// decided (regular expressions, segments mixing text and placeholders).
    case undecided

    var flipped: PatternRelation {
        switch self {
        case .subset: return .superset
        case .superset: return .subset
        default: return self
        }
    }

    /// The relation of two sequences from the relations of their parts, position by position.
    static func combine(_ relations: [PatternRelation]) -> PatternRelation {
        if relations.contains(.disjoint) { return .disjoint }
        if relations.allSatisfy({ $0 == .equal }) { return .equal }
        if relations.allSatisfy({ $0 == .equal || $0 == .subset }) { return .subset }
        if relations.allSatisfy({ $0 == .equal || $0 == .superset }) { return .superset }
        if relations.contains(.undecided) { return .undecided }
        return .overlap
    }
}

/// A segment of a key pattern, in the form the overlap analysis compares.
enum SegmentForm {
    case literal(String)
    case placeholder(KeyParamRule)
    case mixed(SegmentMatcher, [KeyParamRule])

    init(_ parts: [PatternPart], placeholders: [Placeholder]) {
        switch parts.count == 1 ? parts[0] : nil {
        case .literal(let text)?: self = .literal(text)
        case .placeholder(let index)?: self = .placeholder(placeholders[index].rule)
        case nil:
            if parts.isEmpty {
                self = .literal("")
            } else {
                let matcher = SegmentMatcher(parts)
                self = .mixed(matcher, matcher.placeholderIndices.map { placeholders[$0].rule })
            }
        }
    }

    /// Whether `text` is a value of this segment, types and constraints included.
    func accepts(_ text: String) -> Bool {
        switch self {
        case .literal(let literal): return literal == text
        case .placeholder(let rule): return rule.violation(in: text) == nil
        case .mixed(let matcher, let rules):
            return Array(text.utf8).withUnsafeBytes { bytes in
                guard let ranges = matcher.split(bytes) else { return false }
                return zip(ranges, rules).allSatisfy { range, rule in
                    rule.violation(in: UnsafeRawBufferPointer(rebasing: bytes[range])) == nil
                }
            }
        }
    }

    /// Some value of this segment, preferring the given candidates.
    func sample(preferring candidates: [String] = []) -> String? {
        switch self {
        case .literal(let literal): return literal
        case .placeholder(let rule): return SampleValues.first(accepting: rule, preferring: candidates)
        case .mixed(let matcher, let rules):
            var values: [String] = []
            for rule in rules {
                guard let value = SampleValues.first(accepting: rule, preferring: candidates) else { return nil }
                values.append(value)
            }
            var holes = values.makeIterator()
            let text = matcher.pieces.map { piece -> String in
                switch piece {
                case .literal(let bytes): return String(decoding: bytes, as: UTF8.self)
                case .hole: return holes.next() ?? ""
                }
            }.joined()
            return accepts(text) ? text : nil
        }
    }

    /// How this segment's values relate to `other`'s, and a value both accept when there is one.
    func relation(to other: SegmentForm) -> (PatternRelation, witness: String?) {
        switch (self, other) {
        case (.literal(let a), .literal(let b)):
            return a == b ? (.equal, a) : (.disjoint, nil)
        case (.literal(let a), _):
            return other.accepts(a) ? (.subset, a) : (.disjoint, nil)
        case (_, .literal):
            let (relation, witness) = other.relation(to: self)
            return (relation.flipped, witness)
        case (.placeholder(let a), .placeholder(let b)):
            return Self.relation(a, b)
        case (.mixed(let a, let rulesA), .mixed(let b, let rulesB)) where a.shape == b.shape:
            // Same shape: both split every value identically, so compare hole by hole.
            let relations = zip(rulesA, rulesB).map { Self.relation($0, $1).0 }
            let combined = PatternRelation.combine(relations)
            return (combined, combined == .disjoint ? nil : sample(preferring: other.candidates))
        case (.mixed, .placeholder(let rule)) where rule.isUnconstrainedString:
            return (.subset, sample())
        case (.placeholder(let rule), .mixed) where rule.isUnconstrainedString:
            return (.superset, other.sample())
        default:
            for candidate in [sample(preferring: other.candidates), other.sample(preferring: candidates)] {
                if let candidate, accepts(candidate), other.accepts(candidate) { return (.undecided, candidate) }
            }
            return (.disjoint, nil)
        }
    }

    private var candidates: [String] {
        switch self {
        case .literal(let text): return [text]
        case .placeholder(let rule): return rule.allowedValues ?? []
        case .mixed(_, let rules): return rules.flatMap { $0.allowedValues ?? [] }
        }
    }

    private static func relation(_ a: KeyParamRule, _ b: KeyParamRule) -> (PatternRelation, witness: String?) {
        let witness = SampleValues.first(
            accepting: a, and: b, preferring: (a.allowedValues ?? []) + (b.allowedValues ?? []))
        if a == b { return (.equal, witness) }
        switch (a.isSubset(of: b), b.isSubset(of: a)) {
        case (true, true): return (.equal, witness)
        case (true, false): return (.subset, witness)
        case (false, true): return (.superset, witness)
        case (false, false):
            guard let witness else { return (.disjoint, nil) }
            return (a.regex != nil || b.regex != nil ? .undecided : .overlap, witness)
        }
    }
}

extension KeyParamRule {
    var isUnconstrainedString: Bool {
        kind == .string && allowedValues == nil && maxLength == nil && regex == nil
    }

    /// Whether every value this rule accepts, `other` accepts too (`false` when that cannot be proven).
    func isSubset(of other: KeyParamRule) -> Bool {
        if let values = allowedValues { return values.allSatisfy { other.violation(in: $0) == nil } }
        if other.allowedValues != nil { return false }
        if let otherRegex = other.regex, otherRegex != regex { return false }
        guard kind == other.kind || other.kind == .string else { return false }
        guard let limit = other.maxLength else { return true }
        let longest = maxLength ?? (kind == .uuid ? 36 : Int.max)
        return longest <= limit
    }
}

/// Values to try when looking for a key that two patterns both match.
enum SampleValues {
    static let defaults = [
        "1", "a", "0", "abc", "12", "ab12", "x", "0f", "00000000-0000-0000-0000-000000000000", "-1",
    ]

    static func first(accepting rule: KeyParamRule, preferring candidates: [String] = []) -> String? {
        (candidates + (rule.allowedValues ?? []) + defaults).first { rule.violation(in: $0) == nil }
    }

    static func first(accepting a: KeyParamRule, and b: KeyParamRule, preferring candidates: [String]) -> String? {
        (candidates + defaults).first { a.violation(in: $0) == nil && b.violation(in: $0) == nil }
    }
}
