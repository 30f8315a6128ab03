import RedisSchema

/// Sends `MEMORY USAGE key SAMPLES n` for one scan batch's sampled keys in a single pipeline.
enum MemoryReader {
    /// Each key's size in bytes, in order; `nil` for a key that no longer exists.
    static func sizes(of keys: [[UInt8]], on client: any RedisClientProtocol) async throws(LintError) -> [Int?] {
        let commands = keys.map { RedisCommand("MEMORY", "USAGE", $0, "SAMPLES", DeepOptions.memorySamples) }
        let replies = try await ReadPipeline.send(commands, on: client, naming: "MEMORY USAGE")
        return try replies.map { reply throws(LintError) in
            if let error = reply.serverError { throw .serverError(command: "MEMORY", error) }
            if case .null = reply { return nil }
            guard let bytes = reply.int else { throw .unexpectedReply(command: "MEMORY USAGE", reply: "\(reply)") }
            return Int(bytes)
        }
    }
}
