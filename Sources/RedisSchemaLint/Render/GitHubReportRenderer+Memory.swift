extension GitHubReportRenderer {
    /// Groups the memory notice names, biggest first.
    static let memoryGroupsInNotice = 5

    /// `~1.2 GiB (95%: 1.1 GiB–1.3 GiB) in 200000 keys, 2013 measured; session 61.0% (~750 MiB),
    /// unknown tmp:<n> 30.2% (~371 MiB), …`: one line, since annotations are per key or per run.
    static func memorySummary(_ memory: MemoryReport) -> String {
        guard let total = memory.estimatedBytes else {
            return "no key measured (MEMORY USAGE sample \(HumanUnits.percent(memory.sampleRate)))"
        }
        var text = "~" + HumanUnits.bytes(total)
        if memory.exact {
            text += " (exact)"
        } else if let low = memory.estimatedBytesLow, let high = memory.estimatedBytesHigh {
            text += " (95%: \(HumanUnits.bytes(low))–\(HumanUnits.bytes(high)))"
        }
        let seen = memory.groups.reduce(0) { $0 + $1.keysSeen }
        text += " in \(seen) keys, \(memory.keysSampled) measured (sample \(HumanUnits.percent(memory.sampleRate)))"
        let biggest = memory.groups.filter { $0.estimatedBytes != nil }.prefix(memoryGroupsInNotice).map { group in
            let kind = group.kind == .unknown ? "unknown " : ""
            let share = group.share.map(HumanUnits.percent) ?? "?"
            let small = group.smallSample ? ", few samples" : ""
            return "\(kind)\(group.name) \(share) (~\(HumanUnits.bytes(group.estimatedBytes ?? 0))\(small))"
        }
        if !biggest.isEmpty { text += "; " + biggest.joined(separator: ", ") }
        return text
    }
}
