import RedisSchema
import RedisSchemaCore

/// What a run does with each scanned batch: the one place keys meet the rules. A single server's scan
/// and every node of a cluster scan feed their batches here, one at a time, so there is one
/// accumulator however many nodes are scanned and memory stays flat.
struct BatchHandler {
    private(set) var accumulator: LintAccumulator
    private let schema: Schema
    private let deep: DeepOptions?
    private var deepSampler: Sampler
    private var deepBatches = 0
    /// `--memory` (Memory/): sizes of a sample of the scanned keys, per group.
    private(set) var memory: MemoryAccumulator?
    private var memoryBatches = 0

    init(schema: Schema, configuration: KeyspaceLinter.Configuration) {
        self.schema = schema
        self.deep = configuration.deep
        self.accumulator = LintAccumulator(
            classifier: KeyClassifier(schema: schema, policy: configuration.policy),
            examplesPerRule: configuration.examplesPerRule, baseline: configuration.baseline)
        self.deepSampler = Sampler(rate: configuration.deep?.sampleRate ?? 0, seed: 0x2545_F491_4F6C_DD1D)
        self.memory = configuration.memory.map { MemoryAccumulator(schema: schema, options: $0) }
    }

    /// Classifies one batch and runs its deep reads on `clients` (the connections of the node the
    /// batch came from, taken in turn). Returns how many commands it sent, which adaptive pacing counts
    /// as the scan's own traffic rather than other clients'.
    @discardableResult
    mutating func handle(
        _ batch: KeyspaceScanner.Batch, clients: [any RedisClientProtocol]
    ) async throws(LintError) -> Int {
        accumulator.recordScanned(batch.keys.count)
        // Whom each key belongs to, for `--memory` (`nil`: vanished before it was matched).
        var owners: [KeyClassifier.NameOwner?] = memory == nil ? [] : Array(repeating: nil, count: batch.keys.count)
        if batch.checked.count < batch.keys.count {
            // Sampled out: their names still go through the rules that need nothing else.
            var checkedIterator = batch.checked.makeIterator()
            var next = checkedIterator.next()
            for index in batch.keys.indices {
                if index == next {
                    next = checkedIterator.next()
                } else {
                    let owner = accumulator.addUnchecked(key: batch.keys[index])
                    if !owners.isEmpty { owners[index] = owner }
                }
            }
        }
        var deepReads: [DeepRead] = []
        var commandsSent = 0
        // The scanner refused the batch unless every TYPE reply is a string and every PTTL an integer.
        for (position, index) in batch.checked.enumerated() {
            let observed = ObservedType(reply: batch.replies[position * 2].bytes ?? [])
            let pttl = batch.replies[position * 2 + 1].int ?? -2
            let owner = accumulator.add(key: batch.keys[index], type: observed, pttl: pttl)
            if !owners.isEmpty { owners[index] = owner }
            // Only values of the declared type are read, even when `wrong-type` is ignored.
            if let deep, case .spec(let pattern)? = owner, observed == .redis(schema.keys[pattern].type),
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
            commandsSent += deepReads.reduce(0) { $0 + $1.commands.count }
        }
        if memory != nil {
            // Like the deep reads: one pipeline per batch, on the check connections in turn.
            let client = clients[memoryBatches % clients.count]
            commandsSent += try await memory?.measure(batch.keys, owners: owners, on: client) ?? 0
            memoryBatches += 1
        }
        return commandsSent
    }
}
