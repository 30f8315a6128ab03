/// How `validate` walks the keyspace.
public struct ScanOptions: Sendable, Hashable {
    /// `SCAN … COUNT`: keys asked for per call under fixed and maximal ``pacing`` (adaptive pacing
    /// picks its own, see ``AdaptivePacing/fullSpeedUnit`` and ``AdaptivePacing/sharedUnit``). 1000
    /// keeps each call near 2 ms of server time.
    public var count = 1000
    /// `SCAN … MATCH`: only keys matching this glob.
    public var match: String?
    /// The cursor to start from (`0`: the beginning; a previous run's resume cursor to go on).
    public var cursor = "0"
    /// Stop after the batch that brings the number of scanned keys to this.
    public var maxKeys: Int?
    /// The fraction of scanned keys whose TYPE and TTL are checked, in (0, 1].
    public var sampleRate = 1.0
    /// How fast to scan: adaptive (the default), a fixed ceiling, or as fast as the server answers.
    public var pacing = ScanPacing.adaptive(AdaptivePacing())
    /// TYPE/PTTL batches awaiting replies at once, so that neither the server nor the client waits,
    /// under fixed and maximal ``pacing`` (adaptive pacing picks its own).
    public var batchesInFlight = 4
    /// How long the scan keeps trying to go on after a connection drops before it gives up with a
    /// partial report; zero gives up at the first drop.
    public var retryFor: Duration = .seconds(60)

    /// The defaults.
    public init() {}
}

/// How far a scan has got, for progress lines.
public struct ScanProgress: Sendable, Hashable {
    /// Keys scanned so far.
    public var keysScanned: Int
    /// Seconds since the scan started.
    public var elapsedSeconds: Double
    /// `DBSIZE` when the scan started, when known.
    public var databaseSize: Int?
}
