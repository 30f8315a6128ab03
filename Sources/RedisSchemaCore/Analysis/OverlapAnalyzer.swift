/// Finds key patterns that describe the same keys.
///
/// A pattern contained in another (`config:global` in `config:<tenant>`) is fine: the more specific
/// one wins, and a warning names the keys involved. Patterns that overlap without either containing
/// the other (`user:<id>:profile` and `user:admin:<field>`) make some keys ambiguous: an error, with
/// an example key that both match.
struct OverlapAnalyzer {
    let schema: Schema

    func diagnostics() -> [Diagnostic] {
        let forms = schema.keys.map { key in
            key.pattern.segments.map { SegmentForm($0, placeholders: key.pattern.placeholders) }
        }
        var diagnostics: [Diagnostic] = []
        for (first, second) in candidatePairs(forms) {
            var relations: [PatternRelation] = []
            var witness: [String] = []
            for (a, b) in zip(forms[first], forms[second]) {
                let (relation, value) = a.relation(to: b)
                if relation == .disjoint { break }
                relations.append(relation)
                witness.append(value ?? "")
            }
            guard relations.count == forms[first].count else { continue }
            let example = witness.joined(separator: schema.separator)
            if let diagnostic = diagnostic(
                PatternRelation.combine(relations), schema.keys[first], schema.keys[second], example)
            {
                diagnostics.append(diagnostic)
            }
        }
        return diagnostics
    }

    /// Pairs of patterns that might overlap: same number of segments, and first segments that are
    /// not two different literals. Keeps the analysis near linear for large schemas.
    private func candidatePairs(_ forms: [[SegmentForm]]) -> [(Int, Int)] {
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

    private func diagnostic(_ relation: PatternRelation, _ a: KeySpec, _ b: KeySpec, _ example: String) -> Diagnostic? {
        switch relation {
        case .disjoint:
            return nil
        case .equal:
            return Diagnostic(
                .error, at: b.patternLocation,
                "the patterns of `\(a.name)` (`\(a.pattern)`) and `\(b.name)` (`\(b.pattern)`) match exactly the same "
                    + "keys, e.g. `\(example)`; remove one or make them differ", key: b.name)
        case .subset, .superset:
            let (specific, general) = relation == .subset ? (a, b) : (b, a)
            return Diagnostic(
                .warning, at: specific.patternLocation,
                "`\(specific.pattern)` (key `\(specific.name)`) is a special case of `\(general.pattern)` (key "
                    + "`\(general.name)`): keys such as `\(example)` belong to `\(specific.name)`, the more specific "
                    + "pattern, not to `\(general.name)`", key: specific.name)
        case .overlap:
            return Diagnostic(
                .error, at: b.patternLocation,
                "`\(b.pattern)` (key `\(b.name)`) and `\(a.pattern)` (key `\(a.name)`) both match keys such as "
                    + "`\(example)`, and neither is more specific; change one so that no key matches both",
                key: b.name)
        case .undecided:
            return Diagnostic(
                .warning, at: b.patternLocation,
                "`\(b.pattern)` (key `\(b.name)`) and `\(a.pattern)` (key `\(a.name)`) both match keys such as "
                    + "`\(example)`; redis-schema cannot tell which is more specific, so such keys go to `\(a.name)`, "
                    + "declared first", key: b.name)
        }
    }
}
