import RedisSchema

/// The one way the linter's value reads (`--deep`, `--memory`) go on the wire: a batch's reads in one
/// pipeline, whose reply count is checked before any reply is read.
enum ReadPipeline {
    /// The replies to `commands`, one per command, in order; `what` names the reads in errors.
    static func send(
        _ commands: [RedisCommand], on client: any RedisClientProtocol, naming what: String
    ) async throws(LintError) -> [RESPValue] {
        let replies: [RESPValue]
        do {
            // A separate task, so that cancelling the scan (Ctrl-C) never tears a reply in half.
            replies = try await Task { try await client.pipeline(commands) }.value
        } catch {
            throw .connection(error)
        }
        guard replies.count == commands.count else {
            throw .unexpectedReply(command: what, reply: "\(replies.count) replies to \(commands.count) commands")
        }
        return replies
    }
}
