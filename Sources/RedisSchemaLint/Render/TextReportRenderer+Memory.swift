extension TextReportRenderer {
    /// Groups whose largest keys the text lists (the JSON report has them all).
    static let memoryGroupsWithLargestKeys = 10

    /// `--memory`: one table of key specs and unknown shapes, largest first, then their largest keys.
    static func memory(_ report: LintReport, style: TerminalStyle) -> [String] {
        guard let memory = report.memory else { return [] }
        var title = style.apply(.heading, "Memory")
        if let total = memory.estimatedBytes {
            title += "  ~" + HumanUnits.bytes(total)
            title +=
                memory.exact
                ? " (exact)"
                : " (95%: " + interval(low: memory.estimatedBytesLow, high: memory.estimatedBytesHigh) + ")"
        }
        title += "  MEMORY USAGE of \(HumanUnits.grouped(memory.keysSampled)) keys"
        title += " (sample \(HumanUnits.percent(memory.sampleRate)))"
        var table = TextTable(columns: [
            .init(title: "GROUP", maxWidth: 32), .init(title: "KIND"), .init(title: "KEYS", alignRight: true),
            .init(title: "SAMPLED", alignRight: true), .init(title: "MEAN", alignRight: true),
            .init(title: "TOTAL", alignRight: true), .init(title: "95% INTERVAL"),
            .init(title: "SHARE", alignRight: true),
        ])
        var anySmall = false
        for group in memory.groups {
            let name: TextTable.Cell = group.name.isEmpty ? .init("(empty)", tone: .muted) : .init(group.name)
            var cells: [TextTable.Cell] = [
                name, .init(group.kind.rawValue, tone: group.kind == .unknown ? .warning : nil),
                .init(HumanUnits.grouped(group.keysSeen)), .init(HumanUnits.grouped(group.keysSampled)),
            ]
            if let mean = group.meanBytes, let total = group.estimatedBytes {
                anySmall = anySmall || group.smallSample
                cells += [
                    .init(HumanUnits.bytes(mean)), .init(HumanUnits.bytes(total) + (group.smallSample ? " *" : "")),
                    .init(
                        group.exact ? "exact" : interval(low: group.estimatedBytesLow, high: group.estimatedBytesHigh),
                        tone: group.exact ? .ok : nil),
                    .init(group.share.map(HumanUnits.percent) ?? "-"),
                ]
            } else {
                let why = group.keysSeen == 0 ? "no keys" : "none sampled"
                cells += [.init("-", tone: .muted), .init("-", tone: .muted), .init(why, tone: .muted), "-"]
            }
            table.rows.append(cells)
        }
        var lines = [title] + table.render(style: style)
        if anySmall {
            lines.append(
                "  "
                    + style.apply(
                        .muted, "* fewer than \(MemoryReport.smallSample) keys measured: the interval is wide"))
        }
        if memory.keysVanished > 0 || memory.keysUnread > 0 {
            var notes: [String] = []
            if memory.keysVanished > 0 {
                notes.append("\(HumanUnits.grouped(memory.keysVanished)) sampled keys gone before MEMORY USAGE")
            }
            if memory.keysUnread > 0 {
                notes.append("\(HumanUnits.grouped(memory.keysUnread)) unread after a dropped connection")
            }
            lines.append("  " + style.apply(.muted, notes.joined(separator: "; ")))
        }
        let withKeys = memory.groups.filter { !$0.largestKeys.isEmpty }.prefix(memoryGroupsWithLargestKeys)
        if !withKeys.isEmpty {
            lines.append("  largest keys measured:")
            for group in withKeys {
                let keys = group.largestKeys.map { sized in
                    let key = sized.key.isEmpty ? "(empty key)" : TerminalStyle.sanitize(sized.key)
                    return
                        "\(key.count > 60 ? String(key.prefix(59)) + "…" : key) \(HumanUnits.bytes(Double(sized.bytes)))"
                }
                lines.append("    \(TerminalStyle.sanitize(group.name)): " + keys.joined(separator: ", "))
            }
        }
        return lines
    }

    /// `1.1 GiB–1.3 GiB`; `?` when it could not be computed.
    private static func interval(low: Double?, high: Double?) -> String {
        guard let low, let high else { return "?" }
        return "\(HumanUnits.bytes(low))–\(HumanUnits.bytes(high))"
    }
}
