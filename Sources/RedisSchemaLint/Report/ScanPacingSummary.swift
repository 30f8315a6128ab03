/// How a scan was paced (`--rate`), and for adaptive pacing how it went.
public struct ScanPacingSummary: Sendable, Hashable, Codable {
    /// The pacing that ran.
    public enum Mode: String, Sendable, Hashable, Codable, CaseIterable {
        /// The default: full speed alone on the server, a small share of it beside other clients.
        case adaptive
        /// `--rate N`: a fixed ceiling.
        case fixed
        /// `--rate max`: as fast as the server answers.
        case max
    }

    /// The pacing that ran.
    public var mode: Mode
    /// `fixed`: the ceiling in keys per second; `nil` otherwise.
    public var keysPerSecondLimit: Double?
    /// `adaptive`: how many times the scan slowed down for other clients (it found them active
    /// while at full speed, or halved its budget because the server was saturated or queueing).
    public var backoffs: Int?
    /// `adaptive`: seconds the scan ran beside other clients, on its small budget rather than at full speed.
    public var sharedSeconds: Double?
    /// `adaptive`: how many times the server's load was sampled.
    public var samples: Int?
    /// `adaptive`: whether the server answered `INFO` (if not, only SCAN round trips were watched).
    public var serverLoadVisible: Bool?

    /// A summary of `mode` with nothing else known.
    public init(mode: Mode, keysPerSecondLimit: Double? = nil) {
        self.mode = mode
        self.keysPerSecondLimit = keysPerSecondLimit
    }

    /// The pacing of several scans run at once (the nodes of a cluster, each paced on its own) as one:
    /// back-offs and samples add up, the time beside other clients is the longest, and the server load
    /// was visible only if every node showed it. `nil` when there is none.
    static func combined(_ summaries: [ScanPacingSummary]) -> ScanPacingSummary? {
        guard var combined = summaries.first else { return nil }
        for summary in summaries.dropFirst() {
            combined.backoffs = sum(combined.backoffs, summary.backoffs)
            combined.samples = sum(combined.samples, summary.samples)
            combined.sharedSeconds = [combined.sharedSeconds, summary.sharedSeconds].compactMap { $0 }.max()
            combined.serverLoadVisible = summary.serverLoadVisible.map { $0 && combined.serverLoadVisible != false }
        }
        return combined
    }

    private static func sum(_ first: Int?, _ second: Int?) -> Int? {
        first.map { $0 + (second ?? 0) } ?? second
    }
}
