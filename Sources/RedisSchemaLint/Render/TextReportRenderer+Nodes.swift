extension TextReportRenderer {
    /// A cluster run's nodes: address, role, slots, keys scanned and status, then each node's error
    /// and note on lines of their own; nothing for a single server.
    static func nodes(_ report: LintReport, style: TerminalStyle) -> [String] {
        guard let nodes = report.nodes, !nodes.isEmpty else { return [] }
        var table = TextTable(columns: [
            .init(title: "NODE", maxWidth: 40), .init(title: "ROLE"), .init(title: "SLOTS", maxWidth: 28),
            .init(title: "KEYS", alignRight: true), .init(title: "STATUS"),
        ])
        for node in nodes {
            let tone: TerminalStyle.Tone? =
                switch node.status {
                case .complete: .ok
                case .failed: .error
                case .stopped, .skipped: .warning
                }
            table.rows.append([
                .init(node.address), .init(node.role.rawValue), .init(node.slots),
                .init(HumanUnits.grouped(node.keysScanned)), .init(node.status.rawValue, tone: tone),
            ])
        }
        var lines = [style.apply(.heading, "Cluster nodes")] + table.render(style: style)
        for node in nodes {
            if let error = node.error {
                lines.append("  " + style.apply(.error, "\(node.address): " + TerminalStyle.sanitize(error)))
            }
            if let note = node.note {
                lines.append("  \(node.address): " + TerminalStyle.sanitize(note))
            }
        }
        return lines
    }
}

extension NodeReport {
    /// `127.0.0.1:7000 primary 0-5460 complete 20001 keys`, for one-line summaries.
    static func line(_ node: NodeReport) -> String {
        var text =
            "\(node.address) \(node.role.rawValue) \(node.slots) \(node.status.rawValue) \(node.keysScanned) keys"
        if let error = node.error { text += " (\(error))" }
        return text
    }
}
