extension TextReportRenderer {
    static func unknownKeys(_ report: LintReport, style: TerminalStyle, limit: Int) -> [String] {
        let unknown = report.unknownKeys
        guard unknown.count > 0 || !unknown.shapes.isEmpty else {
            return [style.apply(.heading, "Unknown keys") + "  " + style.apply(.ok, "none")]
        }
        let shown = unknown.shapes.prefix(max(0, limit))
        var title = style.apply(.heading, "Unknown keys") + "  \(HumanUnits.grouped(unknown.count))"
        title += " in \(unknown.shapes.count) shape\(unknown.shapes.count == 1 ? "" : "s")"
        if shown.count < unknown.shapes.count { title += " (top \(shown.count))" }
        var table = TextTable(columns: [
            .init(title: "COUNT", alignRight: true), .init(title: "SHAPE", maxWidth: 48), .init(title: "EXAMPLE"),
        ])
        table.rows = shown.map {
            [.init(HumanUnits.grouped($0.count)), .init($0.shape), keyCell($0.example, maxWidth: 80)]
        }
        return [title] + (shown.isEmpty ? [] : table.render(style: style))
    }

    /// A key as a cell; the empty key (a valid Redis key) would be an invisible blank, so it is named.
    /// A last column is never cut by the table, so `maxWidth` cuts it here (a key may be long).
    static func keyCell(_ key: String, maxWidth: Int = .max) -> TextTable.Cell {
        guard !key.isEmpty else { return .init("(empty key)", tone: .muted) }
        return .init(key.count > maxWidth ? String(key.prefix(maxWidth - 1)) + "…" : key)
    }

    static func examples(_ report: LintReport, style: TerminalStyle) -> [String] {
        let examples = report.allExamples
        guard !examples.isEmpty else { return [] }
        let byRule = Dictionary(grouping: examples, by: \.rule)
        var lines = [style.apply(.heading, "Example violations")]
        for rule in byRule.keys.sorted() {
            let group = byRule[rule] ?? []
            let severity = report.severity(of: rule)
            let total = report.summary.violationsByRule[rule] ?? group.count
            var title =
                "  "
                + style.apply(
                    TerminalStyle.tone(of: severity), "\(rule.id) (\(severity.rawValue))")
            title += "  \(HumanUnits.grouped(total)) key\(total == 1 ? "" : "s")"
            if group.count < total { title += ", \(group.count) shown" }
            var table = TextTable(columns: [
                .init(title: "KEY", maxWidth: 48), .init(title: "PATTERN", maxWidth: 20), .init(title: "MESSAGE"),
            ])
            table.rows = group.map { violation in
                let message = violation.baselined ? violation.message + " (baselined)" : violation.message
                return [
                    keyCell(violation.key), .init(violation.pattern ?? "-"),
                    .init(message, tone: violation.baselined ? .muted : nil),
                ]
            }
            lines.append(title)
            lines += table.render(style: style, indent: "    ")
        }
        return lines
    }

    static func summary(_ report: LintReport, style: TerminalStyle) -> [String] {
        let summary = report.summary
        var rows: [(String, String, String)] = []
        func add(_ label: String, _ value: Int, _ note: String = "") {
            rows.append((label, HumanUnits.grouped(value), note))
        }
        var scannedNote = ""
        if let size = summary.databaseSize, size > 0 {
            let share = HumanUnits.percent(Double(summary.keysScanned) / Double(size))
            scannedNote = "\(share) of DBSIZE \(HumanUnits.grouped(size))"
        }
        add("keys scanned", summary.keysScanned, scannedNote)
        add(
            "checked", summary.keysChecked,
            summary.sampleRate < 1 ? "sample \(HumanUnits.percent(summary.sampleRate))" : "")
        if let read = summary.keysDeepChecked {
            // Deep reads: how many values were looked into, and how many vanished or changed type first.
            var note = "deep sample \(HumanUnits.percent(summary.deepSampleRate ?? 1))"
            if let skipped = summary.keysDeepSkipped, skipped > 0 {
                note += ", \(HumanUnits.grouped(skipped)) gone or retyped before the read"
            }
            add("values read", read, note)
        }
        add("expired mid-scan", summary.keysExpired)
        add("ignored", summary.keysIgnored)
        add("unknown", summary.keysUnknown)
        add("errors", summary.errors)
        add("warnings", summary.warnings)
        add("baselined", summary.baselined)
        if summary.reconnects > 0 {
            add("reconnects", summary.reconnects, "the scan went on from the last batch it counted")
        }
        rows.append(
            (
                "duration", HumanUnits.elapsed(summary.durationSeconds),
                "\(HumanUnits.rate(summary.keysPerSecond)) keys/s"
            ))
        if let pacing = summary.pacing { rows.append(("pacing", pacing.mode.rawValue, pacing.details)) }

        let labelWidth = rows.map(\.0.count).max() ?? 0
        let valueWidth = rows.map(\.1.count).max() ?? 0
        var lines = [style.apply(.heading, "Summary")]
        for (label, value, note) in rows {
            let tone: TerminalStyle.Tone? =
                value == "0" ? nil : label == "errors" ? .error : label == "warnings" ? .warning : nil
            let paddedLabel = label + String(repeating: " ", count: labelWidth - label.count)
            let paddedValue = String(repeating: " ", count: valueWidth - value.count) + style.apply(tone, value)
            lines.append("  \(paddedLabel)  \(paddedValue)" + (note.isEmpty ? "" : "  \(note)"))
        }
        if let confidence = summary.confidence {
            lines.append("  confidence: " + TerminalStyle.sanitize(confidence))
        }
        lines.append("  " + verdict(summary, style: style))
        if report.isIncomplete {
            let reasons = summary.partialReasons
            if reasons.isEmpty {
                // A report built without reasons (by hand, or by an older version) still says it is partial.
                let why = summary.interrupted ? "interrupted" : "stopped"
                lines.append("  " + style.apply(.warning, "scan \(why) before the end of the keyspace"))
            }
            for reason in reasons {
                lines.append("  " + style.apply(reason.failsRun ? .error : .warning, "partial: " + reason.explanation))
            }
            if let cursor = summary.startCursor {
                lines.append("  started at: --cursor \(TerminalStyle.sanitize(cursor))")
            }
            if let error = summary.connectionError {
                lines.append("  " + style.apply(.error, "connection: " + TerminalStyle.sanitize(error)))
            }
            if let cursor = summary.resumeCursor {
                lines.append("  resume with: --cursor \(TerminalStyle.sanitize(cursor))")
            }
        }
        return lines
    }

    /// `FAILED: 2 errors, 1 warning` in red, `passed with 1 warning` in yellow, or `passed` in green.
    private static func verdict(_ summary: LintReport.Summary, style: TerminalStyle) -> String {
        func plural(_ count: Int, _ noun: String) -> String {
            "\(HumanUnits.grouped(count)) \(noun)\(count == 1 ? "" : "s")"
        }
        if summary.errors > 0 {
            var text = "FAILED: " + plural(summary.errors, "error")
            if summary.warnings > 0 { text += ", " + plural(summary.warnings, "warning") }
            return style.apply(.error, text)
        }
        if summary.warnings > 0 { return style.apply(.warning, "passed with " + plural(summary.warnings, "warning")) }
        return style.apply(.ok, "passed")
    }
}
