extension LintReport {
    /// Every example violation in the report: each pattern's, in schema order, then the unknown keys'.
    ///
    /// Renderers list violations in this order so that every format shows them the same way.
    public var allExamples: [Violation] {
        patterns.flatMap(\.examples) + unknownKeys.examples
    }

    /// The severity `ruleID` had in this run: from ``rules``, else the rule's default.
    func severity(ofRule ruleID: String) -> LintSeverity {
        if let entry = rules.first(where: { $0.id == ruleID }) { return entry.severity }
        // A report built by hand may leave out `rules`; the default is the best guess then.
        return LintRule(rawValue: ruleID)?.defaultSeverity ?? .error
    }

    /// Whether the scan stopped before going all the way round the keyspace.
    var isIncomplete: Bool { !summary.complete || summary.interrupted }
}

extension Violation {
    /// The one-line text annotations show: the key first, since every violation of a pattern is
    /// located at the same schema line and only the key tells them apart.
    var annotationText: String { "\(key): \(message)" }
}

/// Orders rule ids as ``LintRule`` declares them, then ids it does not know, alphabetically.
func ruleOrder(_ lhs: String, _ rhs: String) -> Bool {
    switch (LintRule(rawValue: lhs), LintRule(rawValue: rhs)) {
    case (let l?, let r?): return l < r
    case (.some, nil): return true
    case (nil, .some): return false
    case (nil, nil): return lhs < rhs
    }
}
