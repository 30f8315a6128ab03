/// A key of a declared kind: what every type generated from a schema's `keys:` conforms to.
///
/// Generated types add the typed operations of their Redis type; the operations here fit every key.
public protocol RedisSchemaKey: Sendable, Hashable, CustomStringConvertible {
    /// The key pattern as the schema writes it, e.g. `session:<sid>`.
    static var pattern: String { get }
    /// The Redis type every such key has.
    static var redisType: RedisKeyType { get }
    /// How long such keys live.
    static var ttl: KeyTTL { get }
    /// The rendered key, e.g. `session:12345`.
    var key: String { get }
}

extension RedisSchemaKey {
    public var description: String { key }

    /// Whether the key exists (`EXISTS`).
    public func exists(on client: some RedisClientProtocol) async throws -> Bool {
        try await client.execute(exists())
    }

    /// Whether the key exists (`EXISTS`), returned unsent to run in a batch.
    public func exists() -> RedisOperation<Bool> {
        RedisOperation(key: key, command: RedisCommand("EXISTS", key)) { $0 == .integer(1) }
    }

    /// How long the key has left (`PTTL`).
    public func ttl(on client: some RedisClientProtocol) async throws -> KeyExpiry {
        try await client.execute(ttl())
    }

    /// How long the key has left (`PTTL`), returned unsent to run in a batch.
    public func ttl() -> RedisOperation<KeyExpiry> {
        RedisOperation(key: key, command: RedisCommand("PTTL", key)) { [key] reply in
            try KeyExpiry(pttl: RedisReply.integer(reply, key: key, command: "PTTL"))
        }
    }

    /// Deletes the key (`UNLINK`, which frees memory off the server's main thread); returns whether it existed.
    ///
    /// Like every write, it runs only on a key of the declared type: another service's key of another type is
    /// left alone.
    ///
    /// - Throws: ``RedisSchemaError/wrongType(key:expected:actual:)`` when the key holds another type.
    @discardableResult
    public func delete(on client: some RedisClientProtocol) async throws -> Bool {
        try await client.execute(delete())
    }

    /// Deletes the key (`UNLINK`) when it holds the declared type, returned unsent to run in a batch.
    public func delete() throws -> RedisOperation<Bool> {
        try RedisOperation(key: key, guarding: Self.redisType, commands: [RedisCommand("UNLINK", key)]) {
            $0[0] == .integer(1)
        }
    }

    /// The escape hatch: sends `command` with this key as its first argument, followed by `arguments`,
    /// e.g. `session.send("HSTRLEN", "device", on: redis)`. Nothing here enforces the schema's rules.
    ///
    /// - Throws: ``RedisSchemaError/commandFailed(key:command:error:)`` for an error reply.
    @discardableResult
    public func send(
        _ command: String, _ arguments: any RedisArgumentConvertible..., on client: some RedisClientProtocol
    ) async throws -> RESPValue {
        try await send(command, arguments: arguments, on: client)
    }

    /// The escape hatch with arguments built at run time; see ``send(_:_:on:)``.
    @discardableResult
    public func send(
        _ command: String, arguments: [any RedisArgumentConvertible], on client: some RedisClientProtocol
    ) async throws -> RESPValue {
        let command = RedisCommand(command, arguments: [key] + arguments)
        return try await RedisTransaction.execute([command], key: key, on: client)[0]
    }
}
