/// The operations of one round trip, put on the wire as one pipeline, or as one `MULTI`…`EXEC` when the batch
/// is a transaction, and their replies handed back per operation.
///
/// Scripts: a lone operation calls a script by SHA-1 and repeats the call with the source on `NOSCRIPT`. A
/// batch instead sends the first call of each script with its source (`EVAL`, which also caches it) and the
/// others by SHA-1, so the server knows the script before it reaches them: a repeat after the fact would run
/// that operation after the ones that follow it, and inside a transaction could not be repeated at all.
struct RedisBatch {
    private struct Element {
        var key: String
        var steps: [RedisOperationStep]
        /// Where its steps' wire commands start in ``RedisBatch/wire``.
        var wireStart: Int
    }

    let isTransaction: Bool
    private var elements: [Element] = []
    private var wire: [RedisCommand] = []
    private var scriptsSent: Set<String> = []

    init(isTransaction: Bool) {
        self.isTransaction = isTransaction
    }

    mutating func append(key: String, steps: [RedisOperationStep], alone: Bool) {
        elements.append(Element(key: key, steps: steps, wireStart: wire.count))
        for step in steps {
            var bySource = false
            if !alone, let script = step.script {
                bySource = scriptsSent.insert(script.sha1).inserted
            }
            wire += step.wire(key: key, inTransaction: isTransaction, bySource: bySource)
        }
    }

    /// Sends the batch; for each operation, its steps' replies or the error that stands for them.
    ///
    /// - Throws: ``RedisBatchError`` when a transaction fails as a whole (a command refused when queued, or
    ///   `EXEC` failed), or the client's connection error.
    func send(on client: some RedisClientProtocol) async throws -> [Swift.Result<[RESPValue], RedisSchemaError>] {
        guard !elements.isEmpty else { return [] }
        var replies: [RESPValue]
        if isTransaction {
            replies = try await transactionReplies(on: client)
        } else {
            replies = try await client.pipeline(wire)
            guard replies.count == wire.count else {
                throw RedisServerError("ERR the client returned \(replies.count) replies for \(wire.count) commands")
            }
            try await repeatUnknownScripts(in: &replies, on: client)
        }
        return elements.map { element in
            var position = element.wireStart
            var results: [RESPValue] = []
            do throws(RedisSchemaError) {
                for step in element.steps {
                    let count = step.wireCount(inTransaction: isTransaction)
                    results += try step.replies(
                        from: replies[position..<position + count], key: element.key, inTransaction: isTransaction)
                    position += count
                }
                return .success(results)
            } catch {
                return .failure(error)
            }
        }
    }

    /// The replies of the wire commands from `MULTI`, the queued commands and `EXEC`.
    private func transactionReplies(on client: some RedisClientProtocol) async throws -> [RESPValue] {
        let replies = try await client.pipeline([RedisCommand("MULTI")] + wire + [RedisCommand("EXEC")])
        guard replies.count == wire.count + 2 else {
            throw RedisServerError("ERR the client returned \(replies.count) replies for \(wire.count + 2) commands")
        }
        if case .error(let error) = replies[0] {
            throw RedisBatchError(
                index: 0, key: elements[0].key,
                error: RedisSchemaError.commandFailed(key: elements[0].key, command: "MULTI", error: error))
        }
        // A command the server refused to queue aborts the whole transaction (EXECABORT): name its operation.
        for (position, reply) in replies[1...wire.count].enumerated() {
            if case .error(let error) = reply {
                let index = elementIndex(ofWire: position)
                let key = elements[index].key
                throw RedisBatchError(
                    index: index, key: key,
                    error: RedisSchemaError.commandFailed(key: key, command: wire[position].name, error: error))
            }
        }
        let exec = replies[replies.count - 1]
        let key = elements[0].key
        if exec.isNull {
            throw RedisBatchError(index: 0, key: key, error: RedisSchemaError.transactionAborted(key: key))
        }
        do {
            let results = try RedisReply.array(exec, key: key, command: "EXEC")
            guard results.count == wire.count else {
                throw RedisTransaction.wrongReplyCount(results.count, key: key, command: "EXEC")
            }
            return results
        } catch {
            throw RedisBatchError(index: 0, key: key, error: error)
        }
    }

    /// Repeats, with the script's source, each script call the server answered with `NOSCRIPT` (a script
    /// flushed between two calls), and puts the new replies in place.
    private func repeatUnknownScripts(
        in replies: inout [RESPValue], on client: some RedisClientProtocol
    ) async throws {
        var positions: [Int] = []
        var repeats: [RedisCommand] = []
        for element in elements {
            var position = element.wireStart
            for step in element.steps {
                if step.script != nil, replies[position].serverError?.code == "NOSCRIPT" {
                    positions.append(position)
                    repeats += step.wire(key: element.key, inTransaction: false, bySource: true)
                }
                position += step.wireCount(inTransaction: false)
            }
        }
        guard !repeats.isEmpty else { return }
        let answers = try await client.pipeline(repeats)
        guard answers.count == repeats.count else {
            throw RedisServerError("ERR the client returned \(answers.count) replies for \(repeats.count) commands")
        }
        for (position, answer) in zip(positions, answers) { replies[position] = answer }
    }

    private func elementIndex(ofWire position: Int) -> Int {
        (elements.lastIndex { $0.wireStart <= position }) ?? 0
    }
}
