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
}
