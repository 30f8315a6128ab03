import RedisSchemaCore

/// Collects what the classifier says about each key into counts, TTL sketches and capped example
/// lists: memory stays constant however many keys go by.
struct LintAccumulator {
    private struct PatternStats {
        var keys = 0
        var violations = [Int](repeating: 0, count: LintRule.allCases.count)
        var sketch = TTLSketch()
        var examples: [Violation] = []
        var examplesPerRule = [Int](repeating: 0, count: LintRule.allCases.count)
    }

    /// Unknown-key shapes tracked one by one in the report; beyond this, further new shapes are
    /// counted together under ``overflowShape``.
    static let maxShapes = 1000
    static let overflowShape = "<other shapes>"
    /// Unknown-key shapes remembered for the baseline. A baseline must record every shape it accepts
    /// (a bucket would accept kinds of key it never saw), so past this many no exact baseline can be
    /// written: ``baselineProblem`` says so. Shapes are short (segments over 48 bytes become `<long>`,
    /// at most eight segments), so this bounds memory to a few MB.
    static let maxBaselineShapes = 20_000

    private let classifier: KeyClassifier
    private let examplesPerRule: Int
    private let acceptedByBaseline: Set<Baseline.Fingerprint>
    private let separator: UInt8
    private var patterns: [PatternStats]
    private var shapes: [String: (count: Int, example: String)] = [:]
    /// Every unknown-key shape seen, with its count, for the baseline (up to ``maxBaselineShapes``).
    private var baselineShapes: [String: Int] = [:]
    private var baselineShapesOverflowed = false
    private var unknownExamples: [Violation] = []
    private var scratch = KeyMatcher.Scratch()
    private(set) var summary = LintReport.Summary()
    /// Violations found among keys whose TYPE and TTL were not fetched, kept apart so that the
    /// confidence statement relates the checked keys' violations to the checked keys only.
    private(set) var violationsAmongUnchecked = 0

    init(classifier: KeyClassifier, examplesPerRule: Int, baseline: Baseline?) {
        self.classifier = classifier
        self.examplesPerRule = examplesPerRule
        self.acceptedByBaseline = baseline?.fingerprints ?? []
        self.separator = classifier.schema.separator.utf8.first ?? UInt8(ascii: ":")
        self.patterns = Array(repeating: PatternStats(), count: classifier.schema.keys.count)
    }

    mutating func recordScanned(_ count: Int) {
        summary.keysScanned += count
    }

    /// Takes one scanned key whose TYPE and TTL were not fetched (sampled out): only the rules that
    /// need nothing but the name apply (`unknown-key`, and `ignore` globs). Returns whom the key
    /// belongs to, so that `--memory` need not match it again.
    @discardableResult
    mutating func addUnchecked(key: [UInt8]) -> KeyClassifier.NameOwner {
        let owner = key.withUnsafeBytes { classifier.owner(ofName: $0, scratch: &scratch) }
        switch owner {
        case .ignored:
            summary.keysIgnored += 1
        case .unknown:
            summary.keysUnknown += 1
            if classifier.policy.isEnabled(.unknownKey) { violationsAmongUnchecked += 1 }
            recordUnknown(key)
        case .spec:
            break
        }
        return owner
    }

    /// Takes one checked key. Returns whom it belongs to (`nil` when it vanished before TYPE, and so
    /// was never matched), so that a deep read may look inside its value and `--memory` need not match
    /// it again.
    @discardableResult
    mutating func add(key: [UInt8], type: ObservedType, pttl: Int64) -> KeyClassifier.NameOwner? {
        summary.keysChecked += 1
        let outcome = key.withUnsafeBytes { classifier.classify($0, type: type, pttl: pttl, scratch: &scratch) }
        switch outcome {
        case .expired:
            summary.keysExpired += 1
            return nil
        case .ignored:
            summary.keysIgnored += 1
            return .ignored
        case .unknown:
            summary.keysUnknown += 1
            recordUnknown(key)
            return .unknown
        case .checked(let pattern, let violations):
            patterns[pattern].keys += 1
            if pttl >= 0 { patterns[pattern].sketch.add(milliseconds: pttl) }
            guard !violations.isEmpty else { return .spec(pattern) }
            if violations.badParam != nil { record(.badParam, pattern: pattern, violations, key) }
            if violations.wrongType != nil { record(.wrongType, pattern: pattern, violations, key) }
            if let rule = violations.ttl { record(rule, pattern: pattern, violations, key) }
            return .spec(pattern)
        }
    }

    /// Takes what a deep read found in the value of `key`, which belongs to the spec at `pattern`.
    mutating func addDeep(_ outcome: DeepOutcome, pattern: Int, key: [UInt8]) {
        switch outcome {
        case .skipped:
            summary.keysDeepSkipped = (summary.keysDeepSkipped ?? 0) + 1
        case .checked(let findings):
            summary.keysDeepChecked = (summary.keysDeepChecked ?? 0) + 1
            for finding in findings where classifier.policy.isEnabled(finding.rule) {
                record(finding.rule, pattern: pattern, key: key, message: finding.message)
            }
        }
    }

    private mutating func record(
        _ rule: LintRule, pattern: Int, _ violations: KeyClassifier.Violations, _ key: [UInt8]
    ) {
        // The message is built only for the few violations kept as examples.
        let classifier = classifier
        record(rule, pattern: pattern, key: key) {
            classifier.message(for: rule, pattern: pattern, violations: violations, key: key)
        }
    }

    private mutating func record(_ rule: LintRule, pattern: Int, key: [UInt8], message: String) {
        record(rule, pattern: pattern, key: key) { message }
    }

    private mutating func record(_ rule: LintRule, pattern: Int, key: [UInt8], message: () -> String) {
        let name = classifier.schema.keys[pattern].name
        let baselined = acceptedByBaseline.contains(Baseline.Fingerprint(rule: rule, subject: name))
        count(rule, baselined: baselined)
        let index = LintRule.allCases.firstIndex(of: rule)!
        patterns[pattern].violations[index] += 1
        guard patterns[pattern].examplesPerRule[index] < examplesPerRule else { return }
        patterns[pattern].examplesPerRule[index] += 1
        patterns[pattern].examples.append(
            Violation(
                rule: rule, severity: classifier.policy.severity(of: rule), key: KeyDisplay.excerpt(key),
                pattern: name,
                message: message(), baselined: baselined))
    }

    private mutating func recordUnknown(_ key: [UInt8]) {
        guard classifier.policy.isEnabled(.unknownKey) else { return }
        let shape = key.withUnsafeBytes { KeyShape.of($0, separator: separator) }
        // The baseline is asked about the key's own shape, never the report's overflow bucket.
        let baselined = acceptedByBaseline.contains(Baseline.Fingerprint(rule: .unknownKey, subject: shape))
        count(.unknownKey, baselined: baselined)
        if baselineShapes[shape] != nil || baselineShapes.count < Self.maxBaselineShapes {
            baselineShapes[shape, default: 0] += 1
        } else {
            baselineShapesOverflowed = true
        }
        let reported = shapes[shape] == nil && shapes.count >= Self.maxShapes ? Self.overflowShape : shape
        if shapes[reported] == nil {
            shapes[reported] = (0, KeyDisplay.excerpt(key))
        }
        shapes[reported]?.count += 1
        guard unknownExamples.count < examplesPerRule else { return }
        unknownExamples.append(
            Violation(
                rule: .unknownKey, severity: classifier.policy.severity(of: .unknownKey),
                key: KeyDisplay.excerpt(key), pattern: nil,
                message: "matches no pattern in the schema (shape `\(shape)`)",
                baselined: baselined))
    }

    private mutating func count(_ rule: LintRule, baselined: Bool) {
        summary.violationsByRule[rule, default: 0] += 1
        if baselined {
            summary.baselined += 1
            return
        }
        switch classifier.policy.severity(of: rule) {
        case .error: summary.errors += 1
        case .warning: summary.warnings += 1
        case .ignore: break
        }
    }

    /// The report so far; `server` and timing come from the caller.
    func report(server: String) -> LintReport {
        let schema = classifier.schema
        let patternReports = zip(schema.keys, patterns).map { spec, stats in
            var report = PatternReport(
                key: spec.name, pattern: spec.pattern.source, type: spec.type, ttl: spec.ttlText,
                ttlSeconds: spec.ttl.seconds, line: spec.patternLocation.line, column: spec.patternLocation.column)
            report.keys = stats.keys
            for (rule, count) in zip(LintRule.allCases, stats.violations) where count > 0 {
                report.violations[rule] = count
            }
            report.remainingTTL = stats.sketch.summary
            report.examples = stats.examples
            return report
        }
        var unknown = UnknownKeysReport(line: schema.keysLocation.line, column: schema.keysLocation.column)
        unknown.count = summary.keysUnknown
        unknown.shapes = shapes.map { UnknownShape(shape: $0.key, count: $0.value.count, example: $0.value.example) }
            .sorted { ($0.count, $1.shape) > ($1.count, $0.shape) }
            .prefix(50).map { $0 }
        unknown.examples = unknownExamples
        return LintReport(
            schema: schema.file, server: server, database: schema.database, summary: summary,
            patterns: patternReports, unknownKeys: unknown,
            rules: LintRule.allCases.map {
                RuleReport(rule: $0, severity: classifier.policy.severity(of: $0), description: $0.summary)
            })
    }

    /// The baseline that accepts every violation seen so far.
    func baseline() -> Baseline {
        var entries: [Baseline.Entry] = []
        for (spec, stats) in zip(classifier.schema.keys, patterns) {
            for (rule, count) in zip(LintRule.allCases, stats.violations) where count > 0 {
                entries.append(Baseline.Entry(rule: rule, pattern: spec.name, count: count))
            }
        }
        if classifier.policy.isEnabled(.unknownKey) {
            for (shape, count) in baselineShapes {
                entries.append(Baseline.Entry(rule: .unknownKey, shape: shape, count: count))
            }
        }
        return Baseline(schema: classifier.schema.file, entries: entries)
    }

    /// Why ``baseline()`` would not record every kind of violation seen (too many unknown-key
    /// shapes to list); `nil` when it is exact.
    var baselineProblem: String? {
        guard baselineShapesOverflowed else { return nil }
        return "the keyspace has more than \(Self.maxBaselineShapes) shapes of unknown key; a baseline must list "
            + "every shape it accepts, so none was written (declare or `ignore` the biggest groups first)"
    }
}
