import RedisSchema

/// The scanner's side of pacing: the work unit to use, the waits that keep the scan within its
/// budget, and, for adaptive pacing, the `INFO` samples that feed ``AdaptivePacer``.
///
/// The scanner counts every command it has the server process (``noteSent(commands:)``) and lets its
/// batches in flight finish before each sample, so that `total_commands_processed` minus its own
/// commands is exactly what the other clients sent.
struct ScanPacer {
    private let pacing: ScanPacing
    private let fixedUnit: WorkUnit
    private var controller: AdaptivePacer?
    private var budget = KeyBudget()
    private var lastSample: ServerLoadSample?
    private var lastSampleTime: ContinuousClock.Instant?
    private var nextSampleTime: ContinuousClock.Instant?
    private var ownCommands = 0
    private var ownKeys = 0
    /// How much longer than the fastest of their size this interval's SCAN calls took.
    private var scanDelays: [Duration] = []
    /// The fastest SCAN call seen per `COUNT`: what a call costs when it does not queue.
    private var fastestScan: [Int: Duration] = [:]
    /// Whether the server refused `INFO`: then only SCAN round trips are watched.
    private var infoRefused = false
    private var samples = 0

    init(pacing: ScanPacing, count: Int, batchesInFlight: Int) {
        self.pacing = pacing
        self.fixedUnit = WorkUnit(count: count, batchesInFlight: batchesInFlight)
        if case .adaptive(let settings) = pacing { controller = AdaptivePacer(settings: settings) }
    }

    /// The work unit for the next SCAN call.
    var unit: WorkUnit { controller?.unit ?? fixedUnit }

    private var keysPerSecond: Double? {
        switch pacing {
        case .adaptive: return controller?.keysPerSecond
        case .fixed(let keysPerSecond): return keysPerSecond
        case .max: return nil
        }
    }

    /// Whether the scanner should let its batches in flight finish and call ``sample(on:)``.
    func wantsSample(at now: ContinuousClock.Instant = .now) -> Bool {
        guard controller != nil else { return false }
        guard let nextSampleTime else { return true }
        return now >= nextSampleTime
    }

    /// Sleeps until the budget allows the next SCAN call.
    func wait() async {
        await budget.wait()
    }

    /// Notes a SCAN call that returned `keys` keys after `roundTrip`, asked for `count`.
    mutating func noteScan(keys: Int, count: Int, roundTrip: Duration) {
        ownCommands += 1
        ownKeys += keys
        budget.charge(keys: keys, keysPerSecond: keysPerSecond)
        let fastest = min(fastestScan[count] ?? roundTrip, roundTrip)
        fastestScan[count] = fastest
        scanDelays.append(roundTrip - fastest)
    }

    /// Notes commands sent on any connection besides SCAN (TYPE/PTTL batches, deep reads).
    mutating func noteSent(commands: Int) {
        ownCommands += commands
    }

    /// Forgets the last sample: after a reconnect the server may be another process.
    mutating func restart() {
        lastSample = nil
        lastSampleTime = nil
        nextSampleTime = nil
    }

    /// Reads the server's load (with nothing of the scan in flight) and lets the controller decide.
    mutating func sample(on client: any RedisClientProtocol) async throws(LintError) {
        guard controller != nil else { return }
        var sample: ServerLoadSample?
        if !infoRefused {
            let replies: [RESPValue]
            do {
                replies = try await Task {
                    try await client.pipeline([
                        RedisCommand("INFO", arguments: ["cpu"]), RedisCommand("INFO", arguments: ["stats"]),
                    ])
                }.value
            } catch {
                throw .connection(error)
            }
            if let error = replies.lazy.compactMap(\.serverError).first {
                if error.code == "LOADING" { throw .serverError(command: "INFO", error) }
                // Refused (an ACL without +info): pace on SCAN round trips alone.
                infoRefused = true
            } else {
                sample = ServerLoadSample(info: replies.compactMap(\.string).joined(separator: "\n"))
            }
        }
        let now = ContinuousClock.now
        if let lastSampleTime {
            // `INFO cpu` ran before `INFO stats` read the counter; this `INFO stats` is counted next time.
            let observation = LoadObservation(
                from: lastSample, to: sample, seconds: (now - lastSampleTime).seconds, ownCommands: ownCommands + 1,
                ownKeys: ownKeys, scanDelay: Self.median(scanDelays))
            controller?.observe(observation)
            samples += 1
        }
        ownCommands = sample == nil ? 0 : 1
        ownKeys = 0
        scanDelays.removeAll(keepingCapacity: true)
        lastSample = sample
        lastSampleTime = now
        nextSampleTime = now + (controller?.settings.sampleInterval ?? .seconds(1))
    }

    /// The median: a few calls the client itself was slow to read (a busy client machine) do not
    /// make an interval look congested; queueing behind other clients delays most calls.
    static func median(_ delays: [Duration]) -> Duration? {
        guard !delays.isEmpty else { return nil }
        return delays.sorted()[delays.count / 2]
    }

    /// How the scan was paced, for the report.
    var summary: ScanPacingSummary {
        switch pacing {
        case .max:
            return ScanPacingSummary(mode: .max)
        case .fixed(let keysPerSecond):
            return ScanPacingSummary(mode: .fixed, keysPerSecondLimit: keysPerSecond)
        case .adaptive:
            var summary = ScanPacingSummary(mode: .adaptive)
            summary.backoffs = controller?.backoffs ?? 0
            summary.sharedSeconds = controller?.sharedSeconds ?? 0
            summary.samples = samples
            summary.serverLoadVisible = !infoRefused
            return summary
        }
    }
}

/// Spaces SCAN calls so that the keys they return stay within a keys-per-second budget, which may
/// change between calls. It lends no more than a short burst after an idle spell.
struct KeyBudget {
    private var due: ContinuousClock.Instant?
    private static let burst = Duration.milliseconds(20)

    /// Sleeps until the next call is due.
    func wait() async {
        guard let due, due > .now else { return }
        try? await Task.sleep(until: due, clock: .continuous)
    }

    /// Counts `keys` against the budget; no budget (`nil`) lets the next call go at once.
    mutating func charge(keys: Int, keysPerSecond: Double?, now: ContinuousClock.Instant = .now) {
        guard let keysPerSecond, keysPerSecond > 0 else {
            due = nil
            return
        }
        let from = max(due ?? now, now - Self.burst)
        due = from + .seconds(Double(keys) / keysPerSecond)
    }
}
