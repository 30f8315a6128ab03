import RedisSchema
import RedisSchemaCore

/// Checks a live keyspace against a schema: the engine behind `redis-schema validate`.
///
/// It talks to Redis only through ``RedisClientProtocol`` and sends only `INFO cluster`, `INFO server`
/// (whose `run_id` tells a restart), `DBSIZE`, `SCAN`, `TYPE` and `PTTL`, plus with ``Configuration/deep`` the
/// bounded reads of ``DeepRead`` and with ``Configuration/memory`` `MEMORY USAGE`; memory stays constant
/// however many keys there are.
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

    private let schema: Schema
    private let configuration: Configuration

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
        var accumulator = LintAccumulator(
            classifier: KeyClassifier(schema: schema, policy: configuration.policy),
            examplesPerRule: configuration.examplesPerRule, baseline: configuration.baseline)
        let scanner = KeyspaceScanner(
            scanClient: scanClient, checkClients: checkClients.isEmpty ? [scanClient] : checkClients,
            options: configuration.scan)
        let clients = checkClients.isEmpty ? [scanClient] : checkClients
        var deepSampler = Sampler(rate: configuration.deep?.sampleRate ?? 0, seed: 0x2545_F491_4F6C_DD1D)
        var deepBatches = 0
        // --memory (Memory/): sizes of a sample of the scanned keys, per group, on the check connections.
        var memory = configuration.memory.map { MemoryAccumulator(schema: schema, options: $0) }
        var memoryBatches = 0
        let end = try await scanner.run { (batch) async throws(LintError) in
            accumulator.recordScanned(batch.keys.count)
            if batch.checked.count < batch.keys.count {
                // Sampled out: their names still go through the rules that need nothing else.
                var checkedIterator = batch.checked.makeIterator()
                var next = checkedIterator.next()
                for index in batch.keys.indices {
                    if index == next {
                        next = checkedIterator.next()
                    } else {
                        accumulator.addUnchecked(key: batch.keys[index])
                    }
                }
            }
            var deepReads: [DeepRead] = []
            // The scanner refused the batch unless every TYPE reply is a string and every PTTL an integer.
            for (position, index) in batch.checked.enumerated() {
                let observed = ObservedType(reply: batch.replies[position * 2].bytes ?? [])
                let pttl = batch.replies[position * 2 + 1].int ?? -2
                let pattern = accumulator.add(key: batch.keys[index], type: observed, pttl: pttl)
                // Only values of the declared type are read, even when `wrong-type` is ignored.
                if let deep = configuration.deep, let pattern, observed == .redis(schema.keys[pattern].type),
                    deepSampler.next()
                {
                    deepReads.append(
                        DeepRead(key: batch.keys[index], pattern: pattern, spec: schema.keys[pattern], options: deep))
                }
            }
            if !deepReads.isEmpty {
                // One pipeline per batch, on the check connections in turn, while later batches' TYPE/PTTL
                // replies are still on their way.
                let client = clients[deepBatches % clients.count]
                deepBatches += 1
                let outcomes: [DeepOutcome]
                do throws(LintError) {
                    outcomes = try await DeepReader.run(deepReads, on: client)
                } catch let error where error.isRecoverable {
                    // The batch is counted already: throwing would make the scanner read it again after the
                    // reconnect. Its values go unread instead, and are counted as skipped.
                    outcomes = deepReads.map { _ in .skipped }
                }
                for (read, outcome) in zip(deepReads, outcomes) {
                    accumulator.addDeep(outcome, pattern: read.pattern, key: read.key)
                }
            }
            if memory != nil {
                try await memory?.measure(batch.keys, on: clients[memoryBatches % clients.count])
                memoryBatches += 1
            }
            let elapsed = clock.now - start
            progress?(
                ScanProgress(
                    keysScanned: accumulator.summary.keysScanned, elapsedSeconds: elapsed.seconds,
                    databaseSize: databaseSize))
        }
        // A scan that gave up on a lost connection resumes from its cursor, even "0" (nothing was handled).
        let lost = end.connectionFailure != nil
        let resumeCursor = end.resumeCursor
        var report = accumulator.report(server: server)
        report.database = configuration.database ?? report.database
        let seconds = (clock.now - start).seconds
        report.summary.durationSeconds = seconds
        report.memory = memory?.report()
        report.summary.keysPerSecond = seconds > 0 ? Double(report.summary.keysScanned) / seconds : 0
        report.summary.databaseSize = databaseSize
        let started = configuration.scan.cursor
        report.summary.complete =
            resumeCursor == "0" && started == "0" && !isClusterNode && !lost && !end.serverRestarted
        report.summary.interrupted = Task.isCancelled && resumeCursor != "0" && !lost
        report.summary.resumeCursor = resumeCursor == "0" && !lost ? nil : resumeCursor
        report.summary.reconnects = reconnections.map { $0() - reconnectionsBefore } ?? end.reconnects
        report.summary.connectionError = end.connectionFailure.map { "\($0)" }
        report.summary.startCursor = started == "0" ? nil : started
        report.summary.sampleRate = configuration.scan.sampleRate
        report.summary.deepSampleRate = configuration.deep?.sampleRate
        if configuration.deep != nil {
            report.summary.keysDeepChecked = report.summary.keysDeepChecked ?? 0
            report.summary.keysDeepSkipped = report.summary.keysDeepSkipped ?? 0
        }
        var reasons: [PartialReason] = []
        if report.summary.interrupted { reasons.append(.interrupted) }
        if lost { reasons.append(.connectionLost) }
        if end.serverRestarted { reasons.append(.serverRestarted) }
        if resumeCursor != "0", !report.summary.interrupted, !lost { reasons.append(.maxKeys) }
        if started != "0" { reasons.append(.resumed) }
        if configuration.scan.sampleRate < 1 { reasons.append(.sampled) }
        if report.summary.keysChecked == 0, report.summary.keysScanned > 0 { reasons.append(.nothingChecked) }
        if isClusterNode { reasons.append(.clusterNode) }
        report.summary.partialReasons = reasons.sorted()
        let checked = report.summary.keysChecked - report.summary.keysExpired
        if !report.summary.complete || configuration.scan.sampleRate < 1 {
            let violations =
                report.summary.violationsByRule.values.reduce(0, +) - accumulator.violationsAmongUnchecked
            let how = configuration.scan.sampleRate < 1 ? "sampled" : "checked"
            report.summary.confidence = ConfidenceStatement.describe(violations: violations, checked: checked, how: how)
        }
        return Outcome(
            report: report, baseline: accumulator.baseline(), baselineProblem: accumulator.baselineProblem,
            connectionFailure: end.connectionFailure)
    }

    /// Whether the server is a Redis Cluster node (`INFO cluster` says `cluster_enabled:1`): SCAN then
    /// sees only this node's keys. A server that refuses `INFO` is taken to be standalone, as before.
    private static func isClusterNode(_ client: any RedisClientProtocol) async throws(LintError) -> Bool {
        let reply: RESPValue
        do {
            reply = try await client.pipeline([RedisCommand("INFO", arguments: ["cluster"])]).first ?? .null
        } catch {
            throw .connection(error)
        }
        guard let text = reply.string else { return false }
        return text.split(whereSeparator: \.isNewline).contains { $0 == "cluster_enabled:1" }
    }

    private static func databaseSize(_ client: any RedisClientProtocol) async throws(LintError) -> Int? {
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
