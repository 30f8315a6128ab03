extension ScanPacingSummary {
    /// The pacing in a few words, for the workflow notice: `adaptive, beside other clients 3.2 s,
    /// 5 back-offs`, `max, full speed`, `fixed, at most 30,000 keys/s`.
    var sentence: String {
        "\(mode.rawValue), \(details)"
    }

    /// What the pacing did, without its name (the text summary's note).
    var details: String {
        switch mode {
        case .max:
            return "full speed"
        case .fixed:
            return "at most \(HumanUnits.rate(keysPerSecondLimit ?? 0)) keys/s"
        case .adaptive:
            let shared = sharedSeconds ?? 0
            let backoffs = backoffs ?? 0
            var parts = [
                shared > 0 ? "beside other clients \(HumanUnits.elapsed(shared))" : "alone on the server",
                "\(backoffs) back-off\(backoffs == 1 ? "" : "s")",
            ]
            if serverLoadVisible == false { parts.append("INFO refused, paced on SCAN round trips") }
            return parts.joined(separator: ", ")
        }
    }
}
