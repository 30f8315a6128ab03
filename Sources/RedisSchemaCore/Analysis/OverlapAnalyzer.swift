import RedisSchema

/// Finds key patterns that describe some of the same keys, and says where such keys go.
///
/// Whether two patterns overlap, and how, is set analysis segment by segment (``SegmentForm``);
/// where their keys go is ``PatternPrecedence``, the rule the linter's matcher follows too, so every
/// diagnostic names the spec `validate` files the example key under.
struct OverlapAnalyzer {
    let schema: Schema
    private let separator: UInt8
    /// Each key spec's segments in the form the analysis compares.
    private let forms: [[SegmentForm]]
    /// The pairs worth comparing, found once for both analyses.
    private let pairs: [(Int, Int)]

    init(schema: Schema) {
        self.schema = schema
        separator = schema.separator.utf8.first ?? UInt8(ascii: ":")
        forms = schema.keys.map { key in
            key.pattern.segments.map { SegmentForm($0, placeholders: key.pattern.placeholders) }
        }
        pairs = Self.candidatePairs(forms)
    }

    /// For each key spec, the specs that win over it by precedence and might share a key with it (their
    /// shapes overlap at every segment, whatever enums, regexes and lengths then rule out): what the
    /// spec's rendering must refuse. Proving an overlap takes a witness; refusing needs none.
    func winnersOverEach() -> [[Int]] {
        var winners = [[Int]](repeating: [], count: forms.count)
        for (first, second) in pairs {
            let shapesMeet = zip(forms[first], forms[second]).allSatisfy {
                ShapeWitness.text($0, $1, separator: separator) != nil
            }
            guard shapesMeet else { continue }
            switch PatternPrecedence(schema.keys[first].pattern, schema.keys[second].pattern) {
            case .first: winners[second].append(first)
            case .second: winners[first].append(second)
            case .identical, .undecided: break
            }
        }
        return winners
    }

    func overlaps() -> [PatternOverlap] {
        var overlaps: [PatternOverlap] = []
        for (first, second) in pairs {
            var relations: [SegmentRelation] = []
            var witness: [String] = []
            for (a, b) in zip(forms[first], forms[second]) {
                let (relation, value) = a.relation(to: b, separator: separator)
                if relation == .disjoint { break }
                relations.append(relation)
                witness.append(value ?? "")
            }
            guard relations.count == forms[first].count,
                let containment = SegmentRelation.combine(relations).containment
            else { continue }
            let example = witness.joined(separator: schema.separator)
            // The segment analysis knows placeholder rules but not hash tags: a witness may put a brace where
            // a tag forbids it (`a{:{<t>}` against `<x>:{<t>}`, whose `<x>` may not hold `{`). Such pairs share
            // no key at all, so only a witness both patterns really match proves an overlap.
            let (a, b) = (schema.keys[first].pattern, schema.keys[second].pattern)
            if a.hashTag != nil || b.hashTag != nil, !(a.matches(example) && b.matches(example)) { continue }
            overlaps.append(
                PatternOverlap(
                    first: first, second: second, containment: containment,
                    example: example,
                    precedence: PatternPrecedence(schema.keys[first].pattern, schema.keys[second].pattern)))
        }
        return overlaps
    }

    func diagnostics(_ overlaps: [PatternOverlap]) -> [Diagnostic] {
        overlaps.map(diagnostic)
    }

    /// Pairs of patterns that might overlap: same number of segments, and first segments that are
    /// not two different literals. Keeps the analysis near linear for large schemas.
    private static func candidatePairs(_ forms: [[SegmentForm]]) -> [(Int, Int)] {
        var groups: [Int: (byLiteral: [String: [Int]], open: [Int])] = [:]
        for (index, form) in forms.enumerated() {
            if case .literal(let text)? = form.first {
                groups[form.count, default: ([:], [])].byLiteral[text, default: []].append(index)
            } else {
                groups[form.count, default: ([:], [])].open.append(index)
            }
        }
        var pairs: [(Int, Int)] = []
        for group in groups.values {
            let buckets = group.byLiteral.values.map { $0 } + [group.open]
            for bucket in buckets {
                for i in bucket.indices {
                    for j in bucket.indices where j > i { pairs.append((bucket[i], bucket[j])) }
                }
            }
            for literalIndex in group.byLiteral.values.joined() {
                for openIndex in group.open {
                    pairs.append((min(literalIndex, openIndex), max(literalIndex, openIndex)))
                }
            }
        }
        return pairs.sorted { $0 < $1 }
    }

    private func diagnostic(_ overlap: PatternOverlap) -> Diagnostic {
        let (a, b) = (schema.keys[overlap.first], schema.keys[overlap.second])
        let example = overlap.example
        func described(_ key: KeySpec) -> String { "`\(key.pattern)` (key `\(key.name)`)" }
        guard let winnerIndex = overlap.winner, let loserIndex = overlap.loser else {
            if overlap.precedence == .identical || overlap.containment == .equal {
                return Diagnostic(
                    .error, at: b.patternLocation,
                    "the patterns of `\(a.name)` (`\(a.pattern)`) and `\(b.name)` (`\(b.pattern)`) match exactly the "
                        + "same keys, e.g. `\(example)`; remove one or make them differ", key: b.name,
                    overlap: .init(winner: nil, other: nil, keys: [a.name, b.name], example: example))
            }
            let sameShape = zip(a.pattern.segments, b.pattern.segments).allSatisfy { $0.hasSameShape(as: $1) }
            let why =
                sameShape
                ? "neither pattern's placeholders are all narrower than the other's"
                : "where they first differ, both segments mix text and placeholders with as much literal text"
            return Diagnostic(
                .error, at: b.patternLocation,
                "\(described(b)) and \(described(a)) both match keys such as `\(example)`, and no precedence rule "
                    + "decides which owns them (\(why)); change one so that no key matches both", key: b.name,
                overlap: .init(winner: nil, other: nil, keys: [a.name, b.name], example: example))
        }
        let (winner, loser) = (schema.keys[winnerIndex], schema.keys[loserIndex])
        let info = Diagnostic.Overlap(winner: winner.name, other: loser.name, keys: [a.name, b.name], example: example)
        let loserIsContained =
            (overlap.containment == .firstInSecond && loserIndex == overlap.first)
            || (overlap.containment == .secondInFirst && loserIndex == overlap.second)
        let winnerIsContained =
            (overlap.containment == .firstInSecond && winnerIndex == overlap.first)
            || (overlap.containment == .secondInFirst && winnerIndex == overlap.second)
        if loserIsContained || overlap.containment == .equal {
            return Diagnostic(
                .error, at: loser.patternLocation,
                "no key can ever belong to \(described(loser)): every key it describes, such as `\(example)`, also "
                    + "matches \(described(winner)), which takes precedence; remove it or make it differ",
                key: loser.name, overlap: info)
        }
        if winnerIsContained {
            return Diagnostic(
                .warning, at: winner.patternLocation,
                "\(described(winner)) is a special case of \(described(loser)): keys such as `\(example)` belong to "
                    + "`\(winner.name)`, the more specific pattern, not to `\(loser.name)`", key: winner.name,
                overlap: info)
        }
        if overlap.containment == .unknown {
            return Diagnostic(
                .warning, at: loser.patternLocation,
                "\(described(loser)) and \(described(winner)) both match keys such as `\(example)`; such keys "
                    + "belong to `\(winner.name)`, which takes precedence (more literal text at the first segment "
                    + "where they differ)", key: loser.name, overlap: info)
        }
        return Diagnostic(
            .error, at: b.patternLocation,
            "\(described(b)) and \(described(a)) both match keys such as `\(example)`, and neither contains the "
                + "other; such keys would go to `\(winner.name)` by precedence, but change one so that no key "
                + "matches both", key: b.name, overlap: info)
    }
}
