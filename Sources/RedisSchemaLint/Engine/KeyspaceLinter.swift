import RedisSchema
import RedisSchemaCore

/// Checks a live keyspace against a schema: the engine behind `redis-schema validate`.
///
/// It talks to Redis only through ``RedisClientProtocol`` and sends only `INFO cluster`, `INFO server`
/// (whose `run_id` tells a restart), `INFO cpu` and `INFO stats` (adaptive pacing), `DBSIZE`, `SCAN`,
/// `TYPE` and `PTTL`, plus with ``Configuration/deep`` the bounded reads of ``DeepRead`` and with
/// ``Configuration/memory`` `MEMORY USAGE`; memory stays constant however many keys there are.
public struct KeyspaceLinter: Sendable {
    /// What the linter checks and how it reports.
    public struct Configuration: Sendable {
        /// Rule severities.
        public var policy = RulePolicy()
        /// Example violations kept per rule and pattern.
        public var examplesPerRule = 5
        /// Violations to accept (see ``Baseline``).
        public var baseline: Baseline?
        /// How to walk the keyspace.
        public var scan = ScanOptions()
        /// The database the clients have selected, as the report names it; `nil` means the schema's `database`.
        public var database: Int?
        /// Reads inside sampled keys' values (`--deep`, `--max-key-bytes`); `nil` reads no values.
        public var deep: DeepOptions?
        /// `MEMORY USAGE` of sampled keys, summed up per key spec and unknown shape (`--memory`); `nil` reads none.
        public var memory: MemoryOptions?

        /// The defaults.
        public init() {}
    }

    /// The finished run.
    public struct Outcome: Sendable {
        /// What was found.
        public var report: LintReport
        /// A baseline accepting every violation found, for `--write-baseline`.
        public var baseline: Baseline
        /// Why ``baseline`` is not exact (it would leave out kinds of violation seen), so it must not
        /// be written; `nil` when it records every kind.
        public var baselineProblem: String?
        /// The failure the scan gave up on after ``ScanOptions/retryFor`` without reconnecting; the
        /// report is then partial (`connection-lost`) and says where to resume. `nil` otherwise.
        public var connectionFailure: LintError?
    }

    let schema: Schema
    let configuration: Configuration

    /// Creates a linter for `schema`.
    public init(schema: Schema, configuration: Configuration) {
        self.schema = schema
        self.configuration = configuration
    }

    /// Scans the keyspace. `scanClient` carries the SCAN calls; `checkClients` (at least one; may
    /// include `scanClient`) carry the TYPE/PTTL batches. Cancelling the calling task stops the scan
    /// early with a partial report whose `resumeCursor` says where to go on.
    ///
    /// The clients are expected to reconnect on their own after a drop: the scan then goes on from the
    /// last batch it counted (the report's `reconnects` says how often), or, after
    /// ``ScanOptions/retryFor`` without progress, returns a partial report with
    /// ``Outcome/connectionFailure`` set. A failure before the scan starts (`INFO`, `DBSIZE`) is thrown.
    ///
    /// - Parameters:
    ///   - server: how to name the server in the report (a URL with the password masked).
    ///   - progress: called after each batch, on the calling task.
    ///   - reconnections: how many times the clients have re-established a dropped connection so far,
    ///     when they can tell (a drop between requests goes unnoticed by the scan); without it, the
    ///     report counts the outages the scan recovered from.
    public func run(
        scanClient: any RedisClientProtocol, checkClients: [any RedisClientProtocol], server: String,
        progress: ((ScanProgress) -> Void)? = nil, reconnections: (@Sendable () -> Int)? = nil
    ) async throws(LintError) -> Outcome {
        let reconnectionsBefore = reconnections?() ?? 0
        let clock = ContinuousClock()
        let start = clock.now
        let isClusterNode = try await Self.isClusterNode(scanClient)
        let databaseSize = try await Self.databaseSize(scanClient)
        var handler = BatchHandler(schema: schema, configuration: configuration)
        let clients = checkClients.isEmpty ? [scanClient] : checkClients
        let scanner = KeyspaceScanner(scanClient: scanClient, checkClients: clients, options: configuration.scan)
        let end = try await scanner.run { (batch) async throws(LintError) in
            let commandsSent = try await handler.handle(batch, clients: clients)
            progress?(
                ScanProgress(
                    keysScanned: handler.accumulator.summary.keysScanned, elapsedSeconds: (clock.now - start).seconds,
                    databaseSize: databaseSize))
            // Adaptive pacing counts these as the scan's own traffic, not other clients'.
            return commandsSent
        }
        // A scan that gave up on a lost connection resumes from its cursor, even "0" (nothing was handled).
        let lost = end.connectionFailure != nil
        let resumeCursor = end.resumeCursor
        let started = configuration.scan.cursor
        let interrupted = Task.isCancelled && resumeCursor != "0" && !lost
        var reasons: [PartialReason] = []
        if interrupted { reasons.append(.interrupted) }
        if lost { reasons.append(.connectionLost) }
        if end.serverRestarted { reasons.append(.serverRestarted) }
        if resumeCursor != "0", !interrupted, !lost { reasons.append(.maxKeys) }
        if started != "0" { reasons.append(.resumed) }
        if isClusterNode { reasons.append(.clusterNode) }
        let ending = RunEnding(
            seconds: (clock.now - start).seconds, databaseSize: databaseSize,
            complete: resumeCursor == "0" && started == "0" && !isClusterNode && !lost && !end.serverRestarted,
            interrupted: interrupted, resumeCursor: resumeCursor == "0" && !lost ? nil : resumeCursor,
            reconnects: reconnections.map { $0() - reconnectionsBefore } ?? end.reconnects,
            connectionError: end.connectionFailure.map { "\($0)" }, startCursor: started == "0" ? nil : started,
            reasons: reasons, pacing: end.pacing)
        return finish(handler, server: server, ending: ending, connectionFailure: end.connectionFailure)
    }

    /// How a run ended, as the report's summary says it.
    struct RunEnding {
        var seconds: Double
        var databaseSize: Int?
        /// Whether the scan covered every key it was pointed at, before sampling.
        var complete: Bool
        var interrupted: Bool
        var resumeCursor: String?
        var reconnects: Int
        var connectionError: String?
        var startCursor: String?
        /// The reasons the scan itself knows; sampling's are added here.
        var reasons: [PartialReason]
        /// How the scan was paced (for a cluster, every node's pacing together).
        var pacing: ScanPacingSummary?
    }

    /// The report and baseline from what `handler` collected: the summary fields every kind of run
    /// (one server, a cluster) fills the same way.
    func finish(
        _ handler: BatchHandler, server: String, ending: RunEnding, connectionFailure: LintError?,
        nodes: [NodeReport]? = nil
    ) -> Outcome {
        let accumulator = handler.accumulator
        var report = accumulator.report(server: server)
        report.database = configuration.database ?? report.database
        report.nodes = nodes
        report.summary.durationSeconds = ending.seconds
        report.summary.keysPerSecond = ending.seconds > 0 ? Double(report.summary.keysScanned) / ending.seconds : 0
        report.summary.databaseSize = ending.databaseSize
        report.summary.complete = ending.complete
        report.summary.interrupted = ending.interrupted
        report.summary.resumeCursor = ending.resumeCursor
        report.summary.reconnects = ending.reconnects
        report.summary.connectionError = ending.connectionError
        report.summary.startCursor = ending.startCursor
        report.summary.pacing = ending.pacing
        report.memory = handler.memory?.report()
        report.summary.sampleRate = configuration.scan.sampleRate
        report.summary.deepSampleRate = configuration.deep?.sampleRate
        if configuration.deep != nil {
            report.summary.keysDeepChecked = report.summary.keysDeepChecked ?? 0
            report.summary.keysDeepSkipped = report.summary.keysDeepSkipped ?? 0
        }
        var reasons = ending.reasons
        if configuration.scan.sampleRate < 1 { reasons.append(.sampled) }
        if report.summary.keysChecked == 0, report.summary.keysScanned > 0 { reasons.append(.nothingChecked) }
        report.summary.partialReasons = Array(Set(reasons)).sorted()
        let checked = report.summary.keysChecked - report.summary.keysExpired
        if !report.summary.complete || configuration.scan.sampleRate < 1 {
            let violations =
                report.summary.violationsByRule.values.reduce(0, +) - accumulator.violationsAmongUnchecked
            let how = configuration.scan.sampleRate < 1 ? "sampled" : "checked"
            report.summary.confidence = ConfidenceStatement.describe(violations: violations, checked: checked, how: how)
        }
        return Outcome(
            report: report, baseline: accumulator.baseline(), baselineProblem: accumulator.baselineProblem,
            connectionFailure: connectionFailure)
    }

    /// Whether the server is a Redis Cluster node (`INFO cluster` says `cluster_enabled:1`): SCAN then
    /// sees only this node's keys. A server that refuses `INFO` is taken to be standalone, as before.
    public static func isClusterNode(_ client: any RedisClientProtocol) async throws(LintError) -> Bool {
        let reply: RESPValue
        do {
            reply = try await client.pipeline([RedisCommand("INFO", arguments: ["cluster"])]).first ?? .null
        } catch {
            throw .connection(error)
        }
        guard let text = reply.string else { return false }
        return text.split(whereSeparator: \.isNewline).contains { $0 == "cluster_enabled:1" }
    }

    static func databaseSize(_ client: any RedisClientProtocol) async throws(LintError) -> Int? {
        let reply: RESPValue
        do {
            reply = try await client.pipeline([RedisCommand("DBSIZE")]).first ?? .null
        } catch {
            throw .connection(error)
        }
        // DBSIZE only feeds progress and ETA: a server that refuses it can still be scanned.
        return reply.int.map { Int($0) }
    }
}

extension Swift.Duration {
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
