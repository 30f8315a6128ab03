import RedisSchema

/// How the values two segments (or two whole patterns, position by position) accept relate.
enum SegmentRelation: Sendable, Hashable {
    /// No value matches both.
    case disjoint
    /// Exactly the same values match both.
    case equal
    /// Every value of the first matches the second, not the other way round.
    case subset
    /// Every value of the second matches the first, not the other way round.
    case superset
    /// Some values match both, and each matches values the other does not.
    case overlap
    /// Some values match both (the witness shows one), but whether one contains the other cannot be
    /// decided (regular expressions, segments mixing text and placeholders).
    case undecided

    var flipped: SegmentRelation {
        switch self {
        case .subset: return .superset
        case .superset: return .subset
        default: return self
        }
    }

    /// The relation of two sequences from the relations of their parts, position by position.
    static func combine(_ relations: [SegmentRelation]) -> SegmentRelation {
        if relations.contains(.disjoint) { return .disjoint }
        if relations.allSatisfy({ $0 == .equal }) { return .equal }
        if relations.allSatisfy({ $0 == .equal || $0 == .subset }) { return .subset }
        if relations.allSatisfy({ $0 == .equal || $0 == .superset }) { return .superset }
        if relations.contains(.undecided) { return .undecided }
        return .overlap
    }

    /// The relation of two whole patterns' keys, or `nil` when no key matches both.
    var containment: PatternOverlap.Containment? {
        switch self {
        case .disjoint: return nil
        case .equal: return .equal
        case .subset: return .firstInSecond
        case .superset: return .secondInFirst
        case .overlap: return .partial
        case .undecided: return .unknown
        }
    }
}

/// A segment of a key pattern, in the form the overlap analysis compares: its shape with its rules.
enum SegmentForm {
    case literal(String)
    case placeholder(KeyParamRule)
    case mixed(SegmentShape, [KeyParamRule])

    init(_ segment: PatternSegment, placeholders: [Placeholder]) {
        switch segment {
        case .literal(let bytes): self = .literal(String(decoding: bytes, as: UTF8.self))
        case .placeholder(let index): self = .placeholder(placeholders[index].rule)
        case .mixed(let shape): self = .mixed(shape, shape.placeholderIndices.map { placeholders[$0].rule })
        }
    }

    /// Whether `text` is a value of this segment, types and constraints included.
    func accepts(_ text: String) -> Bool {
        switch self {
        case .literal(let literal): return literal == text
        case .placeholder(let rule): return rule.violation(in: text) == nil
        case .mixed(let shape, let rules):
            return Array(text.utf8).withUnsafeBytes { bytes in
                guard let ranges = shape.split(bytes) else { return false }
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
        case .mixed(let shape, let rules):
            var values: [String] = []
            for rule in rules {
                guard let value = SampleValues.first(accepting: rule, preferring: candidates) else { return nil }
                values.append(value)
            }
            var holes = values.makeIterator()
            let text = shape.pieces.map { piece -> String in
                switch piece {
                case .literal(let bytes): return String(decoding: bytes, as: UTF8.self)
                case .hole: return holes.next() ?? ""
                }
            }.joined()
            return accepts(text) ? text : nil
        }
    }

    /// How this segment's values relate to `other`'s, and a value both accept when there is one.
    func relation(to other: SegmentForm, separator: UInt8) -> (SegmentRelation, witness: String?) {
        switch (self, other) {
        case (.literal(let a), .literal(let b)):
            return a == b ? (.equal, a) : (.disjoint, nil)
        case (.literal(let a), _):
            return other.accepts(a) ? (.subset, a) : (.disjoint, nil)
        case (_, .literal):
            let (relation, witness) = other.relation(to: self, separator: separator)
            return (relation.flipped, witness)
        case (.placeholder(let a), .placeholder(let b)):
            return Self.relation(a, b)
        case (.placeholder(let rule), _) where rule.allowedValues != nil:
            // A finite set: test every value.
            let shared = (rule.allowedValues ?? []).filter { other.accepts($0) && accepts($0) }
            guard let witness = shared.first else { return (.disjoint, nil) }
            return (shared.count == rule.allowedValues?.count ? .subset : .overlap, witness)
        case (_, .placeholder(let rule)) where rule.allowedValues != nil:
            let (relation, witness) = other.relation(to: self, separator: separator)
            return (relation.flipped, witness)
        case (.mixed(let a, let rulesA), .mixed(let b, let rulesB)) where a.pieces == b.pieces:
            // Same shape: both split every value identically, so compare hole by hole.
            let relations = zip(rulesA, rulesB).map { Self.relation($0, $1).0 }
            let combined = SegmentRelation.combine(relations)
            return (combined, combined == .disjoint ? nil : sample(preferring: other.candidates))
        case (.mixed, .placeholder(let rule)) where rule.isUnconstrainedString:
            return (.subset, sample())
        case (.placeholder(let rule), .mixed) where rule.isUnconstrainedString:
            return (.superset, other.sample())
        default:
            // No shared text even ignoring enums, regexes and lengths: no value can match both.
            guard let shape = ShapeWitness.text(self, other, separator: separator) else { return (.disjoint, nil) }
            for candidate in [shape, sample(preferring: other.candidates), other.sample(preferring: candidates)] {
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

    private static func relation(_ a: KeyParamRule, _ b: KeyParamRule) -> (SegmentRelation, witness: String?) {
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
