/// How fast `validate` walks the keyspace, and how it shares the server with other clients.
public enum ScanPacing: Sendable, Hashable {
    /// The default: full speed while the server has no other clients, and a small share of its time
    /// in small work units while it has (see ``AdaptivePacing`` and docs/validate.md).
    case adaptive(AdaptivePacing)
    /// At most this many keys per second, in ``ScanOptions/count``-key units (`--rate N`).
    case fixed(keysPerSecond: Double)
    /// As fast as the server answers, in ``ScanOptions/count``-key units (`--rate max`): for staging
    /// servers nobody else is using.
    case max
}

/// The size of the work `validate` hands the server at once: `SCAN … COUNT` (which is also the size
/// of a TYPE/PTTL batch) and how many TYPE/PTTL batches await replies at a time.
///
/// The server runs one SCAN call, and the commands of one client's read, without serving anyone
/// else, so the unit bounds the latency `validate` adds to other clients' requests.
public struct WorkUnit: Sendable, Hashable {
    /// `SCAN … COUNT`.
    public var count: Int
    /// TYPE/PTTL batches awaiting replies at once.
    public var batchesInFlight: Int

    /// A unit of `count` keys per SCAN call with `batchesInFlight` batches in flight.
    public init(count: Int, batchesInFlight: Int) {
        self.count = count
        self.batchesInFlight = batchesInFlight
    }
}

/// The knobs of adaptive pacing; the defaults are documented in docs/validate.md.
///
/// Every `sampleInterval` the scanner lets its batches in flight finish and reads `INFO cpu` and
/// `INFO stats`: the server's busy fraction and, minus `validate`'s own commands, how many commands
/// other clients sent. ``AdaptivePacer`` turns that into a keys-per-second budget and a work unit.
public struct AdaptivePacing: Sendable, Hashable {
    /// How often the server's load is sampled.
    public var sampleInterval: Duration = .milliseconds(50)
    /// Other clients' commands per second at or under which the server counts as otherwise idle.
    public var idleCommandsPerSecond = 1000.0
    /// Consecutive idle samples before going to full speed (a short lull in the traffic is not enough).
    public var idleSamplesToSpeedUp = 4
    /// The most server time `validate` takes while other clients are active, as a fraction of one core.
    public var serverShare = 0.15
    /// The server's busy fraction (its CPU time per second of wall time) above which `validate`
    /// halves its budget: the server has no idle time left for the other clients.
    public var busyCeiling = 0.85
    /// How much longer than its fastest a SCAN call may take before `validate` halves its budget:
    /// the call queued behind other clients' work, so theirs is queueing too.
    public var latencyBudget: Duration = .microseconds(500)
    /// The budget never goes below this while other clients are active, so a scan always progresses.
    public var floorKeysPerSecond = 2000.0
    /// The budget when other clients first show up.
    public var startKeysPerSecond = 10000.0
    /// How much the budget grows per sample while the server has room (additive increase).
    public var increaseKeysPerSecond = 1000.0
    /// What a back-off multiplies the budget by (multiplicative decrease).
    public var decreaseFactor = 0.5
    /// Server CPU microseconds per key for SCAN + TYPE + PTTL, until measured on an idle server.
    public var assumedMicrosecondsPerKey = 3.0
    /// The work unit while the server has no other clients.
    public var fullSpeedUnit = WorkUnit(count: 500, batchesInFlight: 4)
    /// The work unit while it has: small, so that other clients' requests wait little behind it.
    public var sharedUnit = WorkUnit(count: 100, batchesInFlight: 2)

    /// The defaults.
    public init() {}
}
