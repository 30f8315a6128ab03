import RedisSchema

/// Sends the deep reads of one scan batch's sampled keys in a single pipeline and evaluates them.
enum DeepReader {
    /// The outcome of each of `reads`, in order.
    static func run(_ reads: [DeepRead], on client: any RedisClientProtocol) async throws(LintError) -> [DeepOutcome] {
        guard !reads.isEmpty else { return [] }
        let commands = reads.flatMap(\.commands)
        let replies = try await ReadPipeline.send(commands, on: client, naming: "deep read")
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
