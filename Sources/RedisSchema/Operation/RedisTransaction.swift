/// Runs commands about one key in one round trip, all together: `MULTI`…`EXEC` around several, a single
/// command as it is.
public enum RedisTransaction {
    /// Sends `commands` about `key` and returns their replies, in order.
    ///
    /// - Throws: ``RedisSchemaError/commandFailed(key:command:error:)`` naming the first command the
    ///   server refused, whether it refused to queue it or it failed inside `EXEC` (Redis does not roll
    ///   back the others), ``RedisSchemaError/transactionAborted(key:)``, or the client's connection error.
    public static func execute(
        _ commands: [RedisCommand], key: String, on client: some RedisClientProtocol
    ) async throws -> [RESPValue] {
        let step: RedisOperationStep = commands.count == 1 ? .command(commands[0]) : .atomic(commands)
        return try await client.execute(RedisOperation(key: key, steps: [step]) { $0 })
    }

    /// The replies of `commands` from the replies to `MULTI`, the queued commands and `EXEC`.
    static func results(
        of wire: ArraySlice<RESPValue>, commands: [RedisCommand], key: String
    ) throws(RedisSchemaError) -> [RESPValue] {
        guard wire.count == commands.count + 2 else { throw wrongReplyCount(wire.count, key: key, command: "EXEC") }
        if case .error(let error) = wire[wire.startIndex] {
            throw .commandFailed(key: key, command: "MULTI", error: error)
        }
        // A command the server refused to queue makes EXEC fail with EXECABORT; name the culprit instead.
        for (command, reply) in zip(commands, wire.dropFirst()) {
            if case .error(let error) = reply { throw .commandFailed(key: key, command: command.name, error: error) }
        }
        let exec = wire[wire.endIndex - 1]
        if exec.isNull { throw .transactionAborted(key: key) }
        let results = try RedisReply.array(exec, key: key, command: "EXEC")
        guard results.count == commands.count else { throw wrongReplyCount(results.count, key: key, command: "EXEC") }
        for (command, reply) in zip(commands, results) {
            if case .error(let error) = reply { throw .commandFailed(key: key, command: command.name, error: error) }
        }
        return results
    }

    static func wrongReplyCount(_ count: Int, key: String, command: String) -> RedisSchemaError {
        .unexpectedReply(key: key, command: command, reply: "\(count) replies")
    }
}
