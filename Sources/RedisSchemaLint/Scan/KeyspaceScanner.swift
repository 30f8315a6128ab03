import RedisSchema

/// Walks a keyspace with `SCAN`, and fetches `TYPE` and `PTTL` for every key of a batch in one
/// pipelined round trip, with several batches in flight.
///
/// SCAN calls form a chain (each needs the previous cursor), so they go one at a time, on their own
/// connection when there are several; the TYPE/PTTL batches go round-robin over the others while
/// earlier batches are being classified. Batches are handed over in scan order, so the resume cursor
/// always marks a point before which every key was checked.
///
/// It sends only `SCAN`, `TYPE` and `PTTL`: the linter is read-only by construction.
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

    private static let typeCommand = Array("TYPE".utf8)
    private static let pttlCommand = Array("PTTL".utf8)

    /// Scans until the keyspace is done, `maxKeys` is reached or the task is cancelled, calling
    /// `handle` with each batch in order. Returns the cursor to resume from ("0" when complete).
    ///
    /// Cancellation stops new SCAN calls and lets batches already in flight finish, so the resume
    /// cursor is as far along as possible.
    func run(_ handle: (Batch) async throws(LintError) -> Void) async throws(LintError) -> String {
        var cursor = options.cursor
        var scanned = 0
        var finished = false
        var inFlight: [(keys: [[UInt8]], checked: [Int], cursor: String, replies: Task<[RESPValue], any Error>)] = []
        var nextClient = 0
        var sampler = Sampler(rate: options.sampleRate)
        let pacer = Pacer(keysPerSecond: options.keysPerSecond)
        defer { for batch in inFlight { batch.replies.cancel() } }

        var resumeCursor = cursor
        while true {
            while !finished, inFlight.count < options.batchesInFlight, !Task.isCancelled {
                await pacer.wait(untilScanned: scanned)
                let (next, keys) = try await scan(from: cursor)
                scanned += keys.count
                let checked = keys.indices.filter { _ in sampler.next() }
                var commands: [RedisCommand] = []
                commands.reserveCapacity(checked.count * 2)
                for index in checked {
                    commands.append(RedisCommand(arguments: [Self.typeCommand, keys[index]]))
                    commands.append(RedisCommand(arguments: [Self.pttlCommand, keys[index]]))
                }
                let client = checkClients[nextClient % checkClients.count]
                nextClient += 1
                let replies = Task { try await commands.isEmpty ? [] : client.pipeline(commands) }
                inFlight.append((keys, checked, next, replies))
                cursor = next
                finished = next == "0" || (options.maxKeys.map { scanned >= $0 } ?? false)
            }
            guard !inFlight.isEmpty else { break }
            let batch = inFlight.removeFirst()
            let replies: [RESPValue]
            do {
                replies = try await batch.replies.value
            } catch {
                throw .connection(error)
            }
            guard replies.count == batch.checked.count * 2 else {
                throw .unexpectedReply(
                    command: "TYPE/PTTL", reply: "\(replies.count) replies to \(batch.checked.count * 2) commands")
            }
            try await handle(Batch(keys: batch.keys, checked: batch.checked, replies: replies, cursor: batch.cursor))
            resumeCursor = batch.cursor
        }
        return resumeCursor
    }

    private func scan(from cursor: String) async throws(LintError) -> (cursor: String, keys: [[UInt8]]) {
        var arguments: [any RedisArgumentConvertible] = [cursor]
        if let match = options.match { arguments += ["MATCH", match] }
        arguments += ["COUNT", options.count]
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

/// Picks the keys to check when sampling; a fixed seed makes runs repeatable.
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

/// Keeps the scan at or under a rate by sleeping before SCAN calls that would run ahead of it.
private struct Pacer {
    let keysPerSecond: Double?
    let start = ContinuousClock.now

    func wait(untilScanned scanned: Int) async {
        guard let keysPerSecond, keysPerSecond > 0 else { return }
        let due = start + .seconds(Double(scanned) / keysPerSecond)
        if due > .now { try? await Task.sleep(until: due, clock: .continuous) }
    }
}
