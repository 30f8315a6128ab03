extension LintReport {
    /// Every example violation in the report: each pattern's, in schema order, then the unknown keys'.
    ///
    /// Renderers list violations in this order so that every format shows them the same way.
    public var allExamples: [Violation] {
        patterns.flatMap(\.examples) + unknownKeys.examples
    }

    /// The severity `rule` had in this run: from ``rules``, else the rule's default.
    func severity(of rule: LintRule) -> LintSeverity {
        // A report built by hand may leave out `rules`; the default is the best guess then.
        rules.first { $0.rule == rule }?.severity ?? rule.defaultSeverity
    }

    /// Whether the run checked less than every key it was pointed at (see ``LintReport/Summary/partialReasons``).
    var isIncomplete: Bool { !summary.complete || summary.interrupted || !summary.partialReasons.isEmpty }
}

extension Violation {
    /// The one-line text annotations show: the key first, since every violation of a pattern is
    /// located at the same schema line and only the key tells them apart.
    var annotationText: String { "\(key): \(message)" }
}
