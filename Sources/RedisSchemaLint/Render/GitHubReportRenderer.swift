/// Renders a ``LintReport`` as GitHub Actions workflow commands (`--format github`).
///
/// Each example violation not covered by the baseline becomes an `::error` or `::warning`
/// annotation on the schema line of its pattern (unknown keys: the `keys:` line), titled
/// `redis-schema <rule-id>`; with `--memory`, one `::notice` titled `redis-schema memory` gives the
/// biggest groups; one `::notice` with the totals comes last.
public enum GitHubReportRenderer {
    /// The report as workflow commands, one per line, ending in a newline.
    public static func render(_ report: LintReport) -> String {
        var commands: [WorkflowCommand] = []
        for pattern in report.patterns {
            commands += annotations(pattern.examples, line: pattern.line, column: pattern.column, report: report)
        }
        commands += annotations(
            report.unknownKeys.examples, line: report.unknownKeys.line, column: report.unknownKeys.column,
            report: report)
        for node in report.nodes ?? [] where node.status == .failed {
            // Each failed cluster node in its own annotation: which slots went unread, and why.
            commands.append(
                WorkflowCommand(
                    name: "error", properties: [("title", "redis-schema node failed (\(node.address))")],
                    data: "slots \(node.slots): \(node.error ?? "failed")" + (node.note.map { "; \($0)" } ?? "")))
        }
        for reason in report.summary.partialReasons {
            // A partial run is said in its own annotation, so that it shows even when the notice is folded.
            commands.append(
                WorkflowCommand(
                    name: reason.failsRun ? "error" : "warning",
                    properties: [("title", "redis-schema partial run (\(reason.rawValue))")], data: reason.explanation))
        }
        if let memory = report.memory {
            commands.append(
                WorkflowCommand(
                    name: "notice", properties: [("title", "redis-schema memory")], data: memorySummary(memory)))
        }
        commands.append(WorkflowCommand(name: "notice", properties: [("title", "redis-schema")], data: summary(report)))
        return commands.map(\.line).joined(separator: "\n") + "\n"
    }

    private static func annotations(
        _ violations: [Violation], line: Int, column: Int, report: LintReport
    ) -> [WorkflowCommand] {
        violations.filter { !$0.baselined }.map { violation in
            var properties: [(key: String, value: String)] = [("file", report.schema)]
            // GitHub rejects nothing, but a line 0 would point nowhere; leave the location out then.
            if line >= 1 {
                properties.append(("line", String(line)))
                if column >= 1 { properties.append(("col", String(column))) }
            }
            properties.append(("title", "redis-schema \(violation.rule.id)"))
            return WorkflowCommand(
                name: command(for: violation.severity), properties: properties, data: violation.annotationText)
        }
    }

    private static func command(for severity: LintSeverity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .ignore: return "notice"
        }
    }

    /// `12345 keys scanned, 12000 checked, 2 errors, 1 warning, 5 baselined, 40 unknown keys` (then
    /// `, 1 reconnect` when the connection dropped and the scan went on, and `; pacing …`).
    private static func summary(_ report: LintReport) -> String {
        let summary = report.summary
        func count(_ value: Int, _ noun: String) -> String { "\(value) \(noun)\(value == 1 ? "" : "s")" }
        var text = [
            "\(summary.keysScanned) keys scanned", "\(summary.keysChecked) checked", count(summary.errors, "error"),
            count(summary.warnings, "warning"), "\(summary.baselined) baselined",
            count(summary.keysUnknown, "unknown key"),
        ].joined(separator: ", ")
        if summary.reconnects > 0 { text += ", " + count(summary.reconnects, "reconnect") }
        if let pacing = summary.pacing { text += "; pacing " + pacing.sentence }
        if let nodes = report.nodes {
            // `cluster: 127.0.0.1:7000 primary 0-5460 complete 20001 keys; …`
            text += "; cluster: " + nodes.map(NodeReport.line).joined(separator: "; ")
        }
        if report.isIncomplete {
            text += summary.resumeCursor.map { "; scan incomplete, resume with: --cursor \($0)" } ?? "; scan incomplete"
        }
        return text
    }
}
