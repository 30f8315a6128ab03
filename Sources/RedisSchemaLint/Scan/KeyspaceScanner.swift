import RedisSchema

/// Walks a keyspace with `SCAN`, and fetches `TYPE` and `PTTL` for every key of a batch in one
/// pipelined round trip, with several batches in flight.
///
/// SCAN calls form a chain (each needs the previous cursor), so they go one at a time, on their own
/// connection when there are several; the TYPE/PTTL batches go round-robin over the others while
/// earlier batches are being classified. Batches are handed over in scan order, so the resume cursor
/// always marks a point before which every key was checked.
///
/// How fast it goes, and in what work units, is ``ScanOptions/pacing``'s: adaptive pacing lets the
/// batches in flight finish every sample interval and reads `INFO cpu` and `INFO stats` (see
/// ``ScanPacer``). The pacing is per scanner, so each node of a cluster is paced on its own load.
///
/// It sends only `SCAN`, `TYPE`, `PTTL` and `INFO`: the linter is read-only by construction.
struct KeyspaceScanner: Sendable {
    /// One SCAN call's keys, with TYPE and PTTL for the sampled ones.
    struct Batch {
        var keys: [[UInt8]]
        /// Indices into `keys` of the keys that were checked.
        var checked: [Int]
        /// `TYPE`, `PTTL`, `TYPE`, `PTTL`, … for the checked keys.
        var replies: [RESPValue]
        /// The cursor after this batch.
        var cursor: String
    }

    let scanClient: any RedisClientProtocol
    let checkClients: [any RedisClientProtocol]
    let options: ScanOptions

    /// Sent for each checked key, in this order: ``check(_:of:)`` and the linter read the replies so.
    private static let checkCommands = ["TYPE", "PTTL"]

    /// How a scan ended.
    struct End {
        /// The cursor to resume from: "0" when the keyspace is done; otherwise every key before it
        /// was handed over, and no key after it.
        var resumeCursor: String
        /// Outages the scan recovered from (see ``DropRecovery``).
        var reconnects: Int
        /// The failure the scan gave up on, when the connection could not be re-established in time.
        var connectionFailure: LintError?
        /// Whether the server came back from a drop as another process (its `run_id` changed): a
        /// restart or a failover re-seeds the hash table, so SCAN's cursor no longer marks the same
        /// point and keys may have been missed or counted twice.
        var serverRestarted = false
        /// How the scan was paced.
        var pacing = ScanPacingSummary(mode: .max)
    }

    /// Where the batches handed over so far end: a SCAN cursor's batch is either wholly handed over
    /// or not at all, so going on from here after a drop neither skips nor repeats a key.
    private struct Position {
        var cursor: String
        var scanned = 0
        var sampler: Sampler
        /// Whether the batch with the last cursor ("0") has been handed over: nothing is left.
        var done = false
    }

    /// Scans until the keyspace is done, `maxKeys` is reached or the task is cancelled, calling
    /// `handle` with each batch in order; `handle` returns how many commands it sent the server
    /// itself (deep reads), which adaptive pacing must not take for other clients' traffic.
    ///
    /// When a connection drops (or a reply times out, or the server is loading after a restart), the
    /// batches not yet handed over are dropped and the scan goes on from the last handed-over cursor,
    /// with the sampler as it was there, once the client has reconnected; after `retryFor` without
    /// progress it gives up and says so in ``End/connectionFailure``. Cancellation stops new SCAN
    /// calls and lets batches already in flight finish, so the resume cursor is as far along as possible.
    func run(_ handle: (Batch) async throws(LintError) -> Int) async throws(LintError) -> End {
        var position = Position(cursor: options.cursor, sampler: Sampler(rate: options.sampleRate))
        var recovery = DropRecovery(retryFor: options.retryFor)
        var pacer = ScanPacer(pacing: options.pacing, count: options.count, batchesInFlight: options.batchesInFlight)
        var firstRunID: String?
        var restarted = false
        func end(_ failure: LintError? = nil) -> End {
            End(
                resumeCursor: position.cursor, reconnects: recovery.reconnects, connectionFailure: failure,
                serverRestarted: restarted, pacing: pacer.summary)
        }
        func note(_ runID: String?) {
            if firstRunID == nil { firstRunID = runID }
            if let runID, runID != firstRunID { restarted = true }
        }
        while true {
            do {
                note(try await serverRunID())
                pacer.restart()
                try await pass(from: &position, recovery: &recovery, pacer: &pacer, handle)
                // Again at the end: a restart between two requests is reconnected without any of them failing.
                note(try await serverRunID())
                return end()
            } catch let error where error.isRecoverable {
                // Ctrl-C while the connection is down: the partial report says interrupted.
                if Task.isCancelled { return end() }
                guard let wait = recovery.failed() else { return end(error) }
                do {
                    try await Task.sleep(for: wait)
                } catch {
                    return end()
                }
            }
        }
    }

    /// The server's `run_id` from `INFO server`, which a restart changes; `nil` when the server
    /// refuses `INFO` or does not say.
    private func serverRunID() async throws(LintError) -> String? {
        let reply: RESPValue
        do {
            let client = scanClient
            reply =
                try await Task { try await client.pipeline([RedisCommand("INFO", arguments: ["server"])]) }
                .value.first ?? .null
        } catch {
            throw .connection(error)
        }
        if let error = reply.serverError, error.code == "LOADING" { throw .serverError(command: "INFO", error) }
        guard let text = reply.string else { return nil }
        let prefix = "run_id:"
        return text.split(whereSeparator: \.isNewline).first { $0.hasPrefix(prefix) }.map {
            String($0.dropFirst(prefix.count))
        }
    }

    /// One run of SCAN calls from `position` until the end, a failure, or cancellation; `position`
    /// follows each batch handed over.
    private func pass(
        from position: inout Position, recovery: inout DropRecovery, pacer: inout ScanPacer,
        _ handle: (Batch) async throws(LintError) -> Int
    ) async throws(LintError) {
        var cursor = position.cursor
        var scanned = position.scanned
        var sampler = position.sampler
        // A pass resumed after the last batch, or after the one that reached `maxKeys`, has nothing left.
        var finished = position.done || (options.maxKeys.map { scanned >= $0 } ?? false)
        var inFlight: [InFlight] = []
        var nextClient = 0
        defer { for batch in inFlight { batch.replies.cancel() } }

        while true {
            // Pacing: a sample lets the batches in flight finish first (see ScanPacer).
            while !finished, inFlight.count < pacer.unit.batchesInFlight, !Task.isCancelled, !pacer.wantsSample() {
                await pacer.wait()
                let count = pacer.unit.count
                let started = ContinuousClock.now
                let (next, keys) = try await scan(from: cursor, count: count)
                pacer.noteScan(keys: keys.count, count: count, roundTrip: .now - started)
                scanned += keys.count
                let checked = keys.indices.filter { _ in sampler.next() }
                let commands = Self.checkPipeline(for: checked, of: keys)
                pacer.noteSent(commands: commands.count)
                let client = checkClients[nextClient % checkClients.count]
                nextClient += 1
                let replies = Task { try await commands.count == 0 ? [] : client.pipeline(commands) }
                inFlight.append(
                    InFlight(
                        keys: keys, checked: checked,
                        after: Position(cursor: next, scanned: scanned, sampler: sampler, done: next == "0"),
                        replies: replies))
                cursor = next
                finished = next == "0" || (options.maxKeys.map { scanned >= $0 } ?? false)
            }
            if inFlight.isEmpty, !finished, !Task.isCancelled, pacer.wantsSample() {
                try await pacer.sample(on: scanClient)
                continue
            }
            guard !inFlight.isEmpty else { return }
            let batch = inFlight.removeFirst()
            let replies: [RESPValue]
            do {
                replies = try await batch.replies.value
            } catch {
                throw .connection(error)
            }
            try Self.check(replies, of: batch.checked.count)
            let handlerCommands = try await handle(
                Batch(keys: batch.keys, checked: batch.checked, replies: replies, cursor: batch.after.cursor))
            pacer.noteSent(commands: handlerCommands)
            position = batch.after
            recovery.progressed()
        }
    }

    /// `TYPE` and `PTTL` for each checked key, as one pipeline that the client encodes straight from
    /// the keys; the replies alternate, two per key, in the order of `checked`.
    private static func checkPipeline(for checked: [Int], of keys: [[UInt8]]) -> RedisPerKeyPipeline {
        let checkedKeys = checked.count == keys.count ? keys : checked.map { keys[$0] }
        return RedisPerKeyPipeline(names: checkCommands, keys: checkedKeys)
    }

    /// A batch whose TYPE/PTTL replies are awaited, and where the scan stands once it is handed over.
    private struct InFlight {
        var keys: [[UInt8]]
        var checked: [Int]
        var after: Position
        var replies: Task<[RESPValue], any Error>
    }

    /// Refuses a batch whose replies are not a string and an integer per checked key before any of
    /// it is handed over, so that a batch is counted whole or not at all (`LOADING` is retried).
    private static func check(_ replies: [RESPValue], of checked: Int) throws(LintError) {
        guard replies.count == checked * 2 else {
            throw .unexpectedReply(command: "TYPE/PTTL", reply: "\(replies.count) replies to \(checked * 2) commands")
        }
        var index = 0
        while index < replies.count {
            let typeReply = replies[index]
            let pttlReply = replies[index + 1]
            if let error = typeReply.serverError { throw .serverError(command: "TYPE", error) }
            if let error = pttlReply.serverError { throw .serverError(command: "PTTL", error) }
            guard typeReply.bytes != nil, pttlReply.int != nil else {
                throw .unexpectedReply(command: "TYPE/PTTL", reply: "\(typeReply), \(pttlReply)")
            }
            index += 2
        }
    }

    private func scan(from cursor: String, count: Int) async throws(LintError) -> (cursor: String, keys: [[UInt8]]) {
        var arguments: [any RedisArgumentConvertible] = [cursor]
        if let match = options.match { arguments += ["MATCH", match] }
        arguments += ["COUNT", count]
        let command = RedisCommand("SCAN", arguments: arguments)
        let reply: RESPValue
        do {
            // A separate task, so that cancelling the scan (Ctrl-C) never tears a reply in half.
            let client = scanClient
            reply = try await Task { try await client.pipeline([command]) }.value.first ?? .null
        } catch {
            throw .connection(error)
        }
        if let error = reply.serverError { throw .serverError(command: "SCAN", error) }
        guard let parts = reply.array, parts.count == 2, let next = parts[0].string, let keys = parts[1].array else {
            throw .unexpectedReply(command: "SCAN", reply: "\(reply)")
        }
        var batch: [[UInt8]] = []
        batch.reserveCapacity(keys.count)
        for key in keys {
            guard let bytes = key.bytes else { throw .unexpectedReply(command: "SCAN", reply: "\(key)") }
            batch.append(bytes)
        }
        return (next, batch)
    }
}

/// Picks the keys to check when sampling; a fixed seed makes runs repeatable (and a resumed pass
/// after a drop picks the same keys as an uninterrupted run).
struct Sampler {
    let rate: Double
    private var state: UInt64

    /// `seed` must not be 0; different seeds keep two samplers of one run (`--sample`, `--deep-sample`)
    /// from picking in step.
    init(rate: Double, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) {
        self.rate = rate
        self.state = seed
    }

    mutating func next() -> Bool {
        guard rate < 1 else { return true }
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Double(state >> 11) / Double(1 << 53) < rate
    }
}
