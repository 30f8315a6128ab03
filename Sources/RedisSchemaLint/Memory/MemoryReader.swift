import RedisSchema

/// Sends `MEMORY USAGE key SAMPLES n` for one scan batch's sampled keys in a single pipeline.
enum MemoryReader {
    /// Each key's size in bytes, in order; `nil` for a key that no longer exists.
    static func sizes(of keys: [[UInt8]], on client: any RedisClientProtocol) async throws(LintError) -> [Int?] {
        let commands = keys.map { RedisCommand("MEMORY", "USAGE", $0, "SAMPLES", DeepOptions.memorySamples) }
        let replies: [RESPValue]
        do {
            // A separate task, so that cancelling the scan (Ctrl-C) never tears a reply in half.
            replies = try await Task { try await client.pipeline(commands) }.value
        } catch {
            throw .connection(error)
        }
        guard replies.count == commands.count else {
            throw .unexpectedReply(
                command: "MEMORY USAGE", reply: "\(replies.count) replies to \(commands.count) commands")
        }
        return try replies.map { reply throws(LintError) in
            if let error = reply.serverError { throw .serverError(command: "MEMORY", error) }
            if case .null = reply { return nil }
            guard let bytes = reply.int else { throw .unexpectedReply(command: "MEMORY USAGE", reply: "\(reply)") }
            return Int(bytes)
        }
    }
}
