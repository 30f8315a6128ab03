/// `validate --memory`: sampled `MEMORY USAGE` per declared key spec and per shape of unknown key,
/// side by side, so that a team sees which of its patterns (and which keys it never declared) hold
/// the memory.
///
/// Documented in docs/report-format.md (`memory`) and docs/validate.md (how the estimate is computed).
public struct MemoryReport: Sendable, Hashable, Codable {
    /// Below this many keys measured, a group's interval is flagged as wide (``MemoryGroup/smallSample``).
    public static let smallSample = 30

    /// The fraction of scanned keys whose `MEMORY USAGE` was read (`--memory-sample`).
    public var sampleRate: Double
    /// `MEMORY USAGE … SAMPLES n`: nested values sampled per key by the server.
    public var samples: Int
    /// Keys measured.
    public var keysSampled = 0
    /// Sampled keys that were gone (deleted or expired) when `MEMORY USAGE` came: skipped.
    public var keysVanished = 0
    /// Sampled keys left unmeasured because their connection dropped (the scan went on after reconnecting).
    public var keysUnread = 0
    /// The estimated memory of every key scanned but the ignored ones: the sum of the groups' estimates
    /// (groups with fewer than two keys measured are estimated together).
    public var estimatedBytes: Double?
    /// The 95% interval of ``estimatedBytes``.
    public var estimatedBytesLow: Double?
    /// The 95% interval of ``estimatedBytes``.
    public var estimatedBytesHigh: Double?
    /// Whether every key was measured, so that ``estimatedBytes`` is exact.
    public var exact = false
    /// Every key spec (in schema order among equals) and the biggest shapes of unknown key, largest
    /// estimate first; smaller shapes are folded into one `<other shapes>` group.
    public var groups: [MemoryGroup] = []

    /// Creates an empty report.
    public init(sampleRate: Double, samples: Int) {
        self.sampleRate = sampleRate
        self.samples = samples
    }
}

/// Whether a memory group is a declared key spec or a shape of unknown key.
public enum MemoryGroupKind: String, Sendable, Hashable, Codable {
    /// A key spec of the schema; the group's name is the spec's.
    case pattern
    /// Keys that match no pattern, grouped by shape (`tmp:<n>`) like the unknown-key report.
    case unknown
}

/// The memory of one group of keys.
public struct MemoryGroup: Sendable, Hashable, Codable {
    /// What the group is.
    public var kind: MemoryGroupKind
    /// The key spec's name, or the unknown keys' shape.
    public var name: String
    /// The key spec's pattern; `nil` for unknown keys.
    public var pattern: String?
    /// Keys of the group that SCAN returned.
    public var keysSeen = 0
    /// Keys measured.
    public var keysSampled = 0
    /// Sampled keys that were gone when `MEMORY USAGE` came.
    public var keysVanished = 0
    /// The mean size of a measured key, in bytes; `nil` when none was measured.
    public var meanBytes: Double?
    /// The estimated total, in bytes: mean × keys (see docs/validate.md); `nil` when none was measured.
    public var estimatedBytes: Double?
    /// The 95% interval of ``estimatedBytes``; `nil` when it cannot be computed (one key measured).
    public var estimatedBytesLow: Double?
    /// The 95% interval of ``estimatedBytes``.
    public var estimatedBytesHigh: Double?
    /// Whether every key of the group was measured, so that the total is exact.
    public var exact = false
    /// Whether fewer than ``MemoryReport/smallSample`` keys were measured and the total is not exact:
    /// the interval is then wide and rests on a rough normal approximation.
    public var smallSample = false
    /// The group's share of ``MemoryReport/estimatedBytes``, from 0 to 1.
    public var share: Double?
    /// The largest keys measured, largest first (at most 5).
    public var largestKeys: [SizedKey] = []

    /// Creates an empty group.
    public init(kind: MemoryGroupKind, name: String, pattern: String?) {
        self.kind = kind
        self.name = name
        self.pattern = pattern
    }
}

/// A key and its `MEMORY USAGE`.
public struct SizedKey: Sendable, Hashable, Codable {
    /// The key, with non-UTF-8 and control bytes escaped as `\xNN`.
    public var key: String
    /// Its size in bytes.
    public var bytes: Int

    /// Creates an entry.
    public init(key: String, bytes: Int) {
        self.key = key
        self.bytes = bytes
    }
}
