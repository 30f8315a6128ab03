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
    public static var scriptSource: String { TypeGuardScript.script.source }

    /// The SHA-1 of ``scriptSource``, the name `EVALSHA` calls it by.
    public static var scriptSHA1: String { TypeGuardScript.script.sha1 }

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
        let step = try RedisOperationStep.guarded(commands, key: key, type: type)
        return try await client.execute(RedisOperation(key: key, steps: [step]) { $0 })
    }
}
