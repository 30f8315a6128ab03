/// Renders a ``LintReport`` for people at a terminal (`--format text`, the default).
///
/// The sections, in order: a header (server, database, schema); one table row per pattern; the
/// most common shapes of unknown keys; with `--memory`, memory per pattern and unknown shape; example
/// violations grouped by rule; for a Redis Cluster, one row per node read; and the summary.
public enum TextReportRenderer {
    /// How many unknown-key shapes the text lists unless told otherwise.
    public static let defaultMaxUnknownShapes = 10

    /// The report as text, ending in a newline.
    ///
    /// - Parameters:
    ///   - report: A finished report.
    ///   - useColor: Whether to colour severities with ANSI escape sequences. The caller decides:
    ///     typically when standard output is a terminal and `NO_COLOR` is not set.
    ///   - maxUnknownShapes: How many unknown-key shapes to list, most frequent first.
    public static func render(
        _ report: LintReport, useColor: Bool = false, maxUnknownShapes: Int = defaultMaxUnknownShapes
    ) -> String {
        let style = TerminalStyle(useColor: useColor)
        let sections: [[String]] = [
            header(report, style: style),
            patternTable(report, style: style),
            unknownKeys(report, style: style, limit: maxUnknownShapes),
            memory(report, style: style),
            examples(report, style: style),
            nodes(report, style: style),
            summary(report, style: style),
        ]
        return sections.filter { !$0.isEmpty }.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    static func header(_ report: LintReport, style: TerminalStyle) -> [String] {
        let server = TerminalStyle.sanitize(report.server)
        let schema = TerminalStyle.sanitize(report.schema)
        return [style.apply(.heading, "redis-schema validate") + "  \(server)  db \(report.database)  schema \(schema)"]
    }

    static func patternTable(_ report: LintReport, style: TerminalStyle) -> [String] {
        guard !report.patterns.isEmpty else { return [] }
        var table = TextTable(columns: [
            .init(title: "KEY", maxWidth: 20), .init(title: "PATTERN", maxWidth: 28), .init(title: "TYPE"),
            .init(title: "TTL", maxWidth: 12), .init(title: "KEYS", alignRight: true),
            .init(title: "TTL MIN", alignRight: true), .init(title: "MEDIAN", alignRight: true),
            .init(title: "MAX", alignRight: true), .init(title: "VIOLATIONS", wrapsAfter: ", "),
        ])
        for pattern in report.patterns {
            let remaining = pattern.remainingTTL
            let ttlCells: [TextTable.Cell] = [remaining?.min, remaining?.median, remaining?.max].map { value in
                value.map { TextTable.Cell(HumanUnits.ttl($0)) } ?? TextTable.Cell("-", tone: .muted)
            }
            table.rows.append(
                [
                    .init(pattern.key), .init(pattern.pattern), .init(pattern.type.rawValue), .init(pattern.ttl),
                    .init(HumanUnits.grouped(pattern.keys)),
                ] + ttlCells + [violationsCell(pattern, report: report)])
        }
        return [style.apply(.heading, "Patterns")] + table.render(style: style)
    }

    /// `wrong-type 3, missing-ttl 1`, coloured by the most serious of those rules; `ok` when none.
    private static func violationsCell(_ pattern: PatternReport, report: LintReport) -> TextTable.Cell {
        let broken = pattern.violations.filter { $0.value > 0 }.keys.sorted()
        guard !broken.isEmpty else {
            return pattern.keys == 0 ? .init("no keys", tone: .muted) : .init("ok", tone: .ok)
        }
        let text = broken.map { "\($0.id) \(HumanUnits.grouped(pattern.violations[$0] ?? 0))" }.joined(separator: ", ")
        let severities = broken.map { report.severity(of: $0) }
        let tone: TerminalStyle.Tone =
            severities.contains(.error) ? .error : severities.contains(.warning) ? .warning : .muted
        return .init(text, tone: tone)
    }
}
