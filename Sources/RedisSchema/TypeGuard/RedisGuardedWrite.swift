/// Runs the commands of one schema write in one round trip, atomically, and only on a key of the declared type.
///
/// A write that may create a key sets its TTL (and trims its cap) in the same round trip, or a crash between
/// the two would leave a key that never expires. Inside `MULTI`…`EXEC` that TTL would run even when the
/// write itself failed with `WRONGTYPE`, so another service's key of another type would start to expire; and
/// `SET` would silently replace a hash. So the commands run inside a server-side script that checks `TYPE`
/// first and runs nothing on a key of another type (see docs/generated-code.md, "Safe writes").
///
/// The script is called by its SHA-1 (`EVALSHA`); the first call on a server that does not know it yet gets
/// `NOSCRIPT`, and is repeated once as `EVAL` with the source, which also caches it. Clients keep no state.
public enum RedisGuardedWrite {
    /// The Lua source of the type-guard script, e.g. to load it ahead with `SCRIPT LOAD`.
    public static var scriptSource: String { TypeGuardScript.source }

    /// The SHA-1 of ``scriptSource``, the name `EVALSHA` calls it by.
    public static var scriptSHA1: String { TypeGuardScript.sha1 }

    /// Sends `commands`, which all touch `key` only, and returns their replies in order, as the commands
    /// themselves would have answered over RESP2 (the script's view of them).
    ///
    /// - Throws: ``RedisSchemaError/wrongType(key:expected:actual:)`` when `key` holds another type (nothing
    ///   ran), ``RedisSchemaError/commandFailed(key:command:error:)`` naming the first command the server
    ///   refused (the ones before it ran, none after it), ``RedisSchemaError/invalidArgument(key:message:)``
    ///   for a command too long for the script, or the client's connection error.
    public static func execute(
        _ commands: [RedisCommand], key: String, type: RedisKeyType, on client: some RedisClientProtocol
    ) async throws -> [RESPValue] {
        guard !commands.isEmpty else { return [] }
        if let long = commands.first(where: { $0.arguments.count > TypeGuardScript.maximumArgumentsPerCommand }) {
            throw RedisSchemaError.invalidArgument(
                key: key,
                message: "\(long.name) has \(long.arguments.count - 1) arguments, more than a guarded write sends "
                    + "in one command (\(TypeGuardScript.maximumArgumentsPerCommand - 1)); write it in parts")
        }
        var reply = try await send(
            [TypeGuardScript.command(commands, key: key, type: type, byHash: true)], on: client)[0]
        if reply.serverError?.code == "NOSCRIPT" {
            // `EVAL` runs the script and caches it in the same step, so the next `EVALSHA` finds it.
            reply = try await send(
                [TypeGuardScript.command(commands, key: key, type: type, byHash: false)], on: client)[0]
        }
        return try results(of: reply, commands: commands, key: key, type: type)
    }

    private static func send(_ commands: [RedisCommand], on client: some RedisClientProtocol) async throws
        -> [RESPValue]
    {
        let replies = try await client.pipeline(commands)
        guard replies.count == commands.count else {
            throw RedisServerError("ERR the client returned \(replies.count) replies for \(commands.count) commands")
        }
        return replies
    }

    /// The commands' replies from the script's reply, or the error it stands for.
    static func results(
        of reply: RESPValue, commands: [RedisCommand], key: String, type: RedisKeyType
    ) throws(RedisSchemaError) -> [RESPValue] {
        if case .error(let error) = reply {
            if let actual = TypeGuardScript.actualType(in: error, expected: type) {
                throw .wrongType(key: key, expected: type, actual: actual)
            }
            throw .commandFailed(key: key, command: "EVALSHA", error: error)
        }
        let replies = try RedisReply.array(reply, key: key, command: "EVALSHA").map(fromLua)
        for (command, reply) in zip(commands, replies) {
            if case .error(let error) = reply {
                throw .commandFailed(key: key, command: command.name, error: error)
            }
        }
        guard replies.count == commands.count else {
            throw .unexpectedReply(key: key, command: "EVALSHA", reply: "\(replies.count) replies")
        }
        return replies
    }

    /// Undoes what the trip through Lua did to a reply: a null becomes Lua `false`, which a RESP3 client
    /// receives as a boolean.
    private static func fromLua(_ reply: RESPValue) -> RESPValue {
        switch reply {
        case .boolean(false): return .null
        case .boolean(true): return .integer(1)
        case .array(let values): return .array(values.map(fromLua))
        default: return reply
        }
    }
}
