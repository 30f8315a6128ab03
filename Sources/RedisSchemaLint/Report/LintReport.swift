import RedisSchema

/// Everything one `validate` run found: the structure behind every output format.
///
/// Rules, severities and Redis types are enums here; they become strings only where a renderer or
/// the baseline file writes them (their raw values are the documented ids).
///
/// Its JSON form (``JSONReportRenderer``) is documented in docs/report-format.md and is a stable
/// interface: fields may be added, never renamed or removed, within `reportVersion` 1.
public struct LintReport: Sendable, Hashable, Codable {
    /// The version of this structure.
    public var reportVersion = 1
    /// The schema file, as given on the command line.
    public var schema: String
    /// The server, as a URL with any password masked.
    public var server: String
    /// The database scanned.
    public var database: Int
    /// Totals for the whole run.
    public var summary: Summary
    /// One entry per key spec, in schema order, including those no key matched.
    public var patterns: [PatternReport]
    /// Keys that matched no pattern, grouped by shape.
    public var unknownKeys: UnknownKeysReport
    /// Every rule with the severity it had in this run.
    public var rules: [RuleReport]
    /// A Redis Cluster run: one entry per shard, the node read for it and how its scan ended, in slot
    /// order; `nil` (absent from JSON) for a single server.
    public var nodes: [NodeReport]?
    /// What the sampled keys' `MEMORY USAGE` adds up to (`--memory`); `nil` without.
    public var memory: MemoryReport?

    /// Creates a report.
    public init(
        schema: String, server: String, database: Int, summary: Summary, patterns: [PatternReport],
        unknownKeys: UnknownKeysReport, rules: [RuleReport]
    ) {
        self.schema = schema
        self.server = server
        self.database = database
        self.summary = summary
        self.patterns = patterns
        self.unknownKeys = unknownKeys
        self.rules = rules
    }

    /// Totals for the whole run.
    public struct Summary: Sendable, Hashable, Codable {
        /// Keys SCAN returned.
        public var keysScanned = 0
        /// Keys whose TYPE and TTL were checked (fewer than scanned with `--sample`).
        public var keysChecked = 0
        /// Keys that expired or were deleted between SCAN and TYPE; never violations.
        public var keysExpired = 0
        /// Keys skipped because they match an `ignore` glob.
        public var keysIgnored = 0
        /// Keys that matched no pattern.
        public var keysUnknown = 0
        /// Violations of error severity not covered by the baseline; a run fails when this is above 0.
        public var errors = 0
        /// Violations of warning severity not covered by the baseline.
        public var warnings = 0
        /// Violations covered by the baseline (not counted in ``errors`` and ``warnings``).
        public var baselined = 0
        /// Violations per rule, baselined ones included.
        public var violationsByRule: [LintRule: Int] = [:]
        /// Wall-clock seconds the scan took.
        public var durationSeconds = 0.0
        /// Keys scanned per second.
        public var keysPerSecond = 0.0
        /// The number of keys in the database when the scan started (`DBSIZE`), when known.
        public var databaseSize: Int?
        /// Whether SCAN went all the way round the keyspace.
        public var complete = false
        /// Whether the run was interrupted (Ctrl-C or SIGTERM).
        public var interrupted = false
        /// The cursor to pass to `--cursor` to go on where this run stopped; `nil` when complete.
        public var resumeCursor: String?
        /// How many times a connection of the scan dropped and was re-established (failed attempts do
        /// not count); the scan went on from the last batch it counted.
        public var reconnects = 0
        /// Why the scan gave up: the connection error still failing after `--retry-for`; `nil` otherwise.
        public var connectionError: String?
        /// Why the run did not check every key it was pointed at, in a fixed order; empty for a full run.
        public var partialReasons: [PartialReason] = []
        /// The cursor the scan started from, when not `0` (a resumed run).
        public var startCursor: String?
        /// The fraction of scanned keys checked (1 unless `--sample`).
        public var sampleRate = 1.0
        /// What the checked keys say about the whole keyspace, when not every key was checked.
        public var confidence: String?
        /// `--deep`/`--max-key-bytes`: the fraction of checked keys whose values were read; `nil` without.
        public var deepSampleRate: Double?
        /// Keys whose values were read and checked; `nil` without `--deep`/`--max-key-bytes`.
        public var keysDeepChecked: Int?
        /// Keys sampled for a deep read that expired or changed type before it; never violations.
        public var keysDeepSkipped: Int?
        /// How the scan was paced; `nil` in reports written before pacing was reported.
        public var pacing: ScanPacingSummary?

        /// Creates empty totals.
        public init() {}
    }
}

/// What one key spec's keys looked like.
public struct PatternReport: Sendable, Hashable, Codable {
    /// The key spec's name.
    public var key: String
    /// Its pattern.
    public var pattern: String
    /// Its declared Redis type.
    public var type: RedisKeyType
    /// Its declared TTL as written (`1 hour`, `none`).
    public var ttl: String
    /// Its declared TTL in seconds; `nil` for `none`.
    public var ttlSeconds: Int64?
    /// Where the pattern is written in the schema.
    public var line: Int
    /// The column of the pattern.
    public var column: Int
    /// Checked keys that belong to this pattern (including those with violations).
    public var keys = 0
    /// Violations per rule.
    public var violations: [LintRule: Int] = [:]
    /// The remaining TTLs seen, for keys that expire.
    public var remainingTTL: TTLSummary?
    /// Up to `--examples` example violations per rule.
    public var examples: [Violation] = []

    /// Creates an empty entry.
    public init(
        key: String, pattern: String, type: RedisKeyType, ttl: String, ttlSeconds: Int64?, line: Int, column: Int
    ) {
        self.key = key
        self.pattern = pattern
        self.type = type
        self.ttl = ttl
        self.ttlSeconds = ttlSeconds
        self.line = line
        self.column = column
    }
}

/// Remaining TTLs, in seconds: exact minimum and maximum, approximate median and 95th percentile.
public struct TTLSummary: Sendable, Hashable, Codable {
    /// Keys with a TTL.
    public var count: Int
    /// The shortest remaining TTL.
    public var min: Double
    /// The median (within about 1%).
    public var median: Double
    /// The 95th percentile (within about 1%).
    public var p95: Double
    /// The longest.
    public var max: Double

    /// Creates a summary.
    public init(count: Int, min: Double, median: Double, p95: Double, max: Double) {
        self.count = count
        self.min = min
        self.median = median
        self.p95 = p95
        self.max = max
    }
}

/// One key that breaks one rule.
public struct Violation: Sendable, Hashable, Codable {
    /// The rule it breaks.
    public var rule: LintRule
    /// The severity it had in this run.
    public var severity: LintSeverity
    /// The key, with non-UTF-8 and control bytes escaped as `\xNN`.
    public var key: String
    /// The name of the key spec the key belongs to; `nil` for unknown keys.
    public var pattern: String?
    /// What is wrong, for people.
    public var message: String
    /// Whether the baseline covers it.
    public var baselined: Bool

    /// Creates a violation.
    public init(rule: LintRule, severity: LintSeverity, key: String, pattern: String?, message: String, baselined: Bool)
    {
        self.rule = rule
        self.severity = severity
        self.key = key
        self.pattern = pattern
        self.message = message
        self.baselined = baselined
    }
}

/// Keys that matched no pattern.
public struct UnknownKeysReport: Sendable, Hashable, Codable {
    /// How many.
    public var count = 0
    /// The most common shapes (`tmp:foo:<n>`), most frequent first, with counts and an example each.
    public var shapes: [UnknownShape] = []
    /// Up to `--examples` example violations.
    public var examples: [Violation] = []
    /// Where `keys:` is written in the schema, for annotations about unknown keys.
    public var line: Int
    /// The column of `keys:`.
    public var column: Int

    /// Creates an empty entry.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// A group of unknown keys with the same shape.
public struct UnknownShape: Sendable, Hashable, Codable {
    /// The shape: segments that look like ids replaced with `<n>`, `<hex>` or `<uuid>`.
    public var shape: String
    /// Keys seen with this shape.
    public var count: Int
    /// One of them.
    public var example: String

    /// Creates a shape entry.
    public init(shape: String, count: Int, example: String) {
        self.shape = shape
        self.count = count
        self.example = example
    }
}

/// A rule and its severity in this run.
public struct RuleReport: Sendable, Hashable, Codable {
    /// The rule (`id` in JSON).
    public var rule: LintRule
    /// Its severity.
    public var severity: LintSeverity
    /// What it checks.
    public var description: String

    /// Creates an entry.
    public init(rule: LintRule, severity: LintSeverity, description: String) {
        self.rule = rule
        self.severity = severity
        self.description = description
    }

    private enum CodingKeys: String, CodingKey {
        case rule = "id"
        case severity, description
    }
}
