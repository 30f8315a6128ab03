import RedisSchema

/// Sends the deep reads of one scan batch's sampled keys in a single pipeline and evaluates them.
enum DeepReader {
    /// The outcome of each of `reads`, in order.
    static func run(_ reads: [DeepRead], on client: any RedisClientProtocol) async throws(LintError) -> [DeepOutcome] {
        guard !reads.isEmpty else { return [] }
        let commands = reads.flatMap(\.commands)
        let replies: [RESPValue]
        do {
            // A separate task, so that cancelling the scan (Ctrl-C) never tears a reply in half.
            replies = try await Task { try await client.pipeline(commands) }.value
        } catch {
            throw .connection(error)
        }
        guard replies.count == commands.count else {
            throw .unexpectedReply(
                command: "deep read", reply: "\(replies.count) replies to \(commands.count) commands")
        }
        var outcomes: [DeepOutcome] = []
        outcomes.reserveCapacity(reads.count)
        var start = 0
        for read in reads {
            let end = start + read.commands.count
            outcomes.append(try read.evaluate(Array(replies[start..<end])))
            start = end
        }
        return outcomes
    }
}
