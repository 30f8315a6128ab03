/// Runs the commands of one schema write in one round trip, all or nothing.
///
/// A write that may create a key with a TTL must set the TTL in the same round trip, or a crash between
/// the two would leave a key that never expires. Several commands are therefore wrapped in
/// `MULTI`…`EXEC` and sent as one pipeline; a single command is sent as is.
public enum RedisTransaction {
    /// Sends `commands` about `key` and returns their replies, in order.
    ///
    /// - Throws: ``RedisSchemaError/commandFailed(key:command:error:)`` naming the first command the
    ///   server refused, whether it refused to queue it or it failed inside `EXEC` (Redis does not roll
    ///   back the others), ``RedisSchemaError/transactionAborted(key:)``, or the client's connection error.
    public static func execute(
        _ commands: [RedisCommand], key: String, on client: some RedisClientProtocol
    ) async throws -> [RESPValue] {
        if commands.count == 1 {
            let replies = try await client.pipeline(commands)
            guard replies.count == 1 else { throw wrongReplyCount(replies, key: key, command: commands[0].name) }
            if case .error(let error) = replies[0] {
                throw RedisSchemaError.commandFailed(key: key, command: commands[0].name, error: error)
            }
            return replies
        }
        let replies = try await client.pipeline([RedisCommand("MULTI")] + commands + [RedisCommand("EXEC")])
        guard replies.count == commands.count + 2 else { throw wrongReplyCount(replies, key: key, command: "EXEC") }
        if case .error(let error) = replies[0] {
            throw RedisSchemaError.commandFailed(key: key, command: "MULTI", error: error)
        }
        // A command the server refused to queue makes EXEC fail with EXECABORT; name the culprit instead.
        for (command, reply) in zip(commands, replies[1...]) {
            if case .error(let error) = reply {
                throw RedisSchemaError.commandFailed(key: key, command: command.name, error: error)
            }
        }
        let exec = replies[replies.count - 1]
        if exec.isNull { throw RedisSchemaError.transactionAborted(key: key) }
        let results = try RedisReply.array(exec, key: key, command: "EXEC")
        guard results.count == commands.count else { throw wrongReplyCount(results, key: key, command: "EXEC") }
        for (command, reply) in zip(commands, results) {
            if case .error(let error) = reply {
                throw RedisSchemaError.commandFailed(key: key, command: command.name, error: error)
            }
        }
        return results
    }

    private static func wrongReplyCount(_ replies: [RESPValue], key: String, command: String) -> RedisSchemaError {
        .unexpectedReply(key: key, command: command, reply: "\(replies.count) replies")
    }
}
