/// The transport that generated schema code talks to.
///
/// Kept free of any networking dependency so that generated code and its tests can run against any
/// implementation, e.g. the SwiftNIO client in `RedisSchemaClient`.
public protocol RedisClientProtocol: Sendable {
    /// Sends `commands` as one pipeline (one write, one round trip) and returns their replies in order.
    /// A server error reply is returned as `.error`, not thrown; throws only on connection failure.
    func pipeline(_ commands: [RedisCommand]) async throws -> [RESPValue]

    /// Sends the commands of `perKey` as one pipeline and returns their replies in order, one per
    /// command, exactly as ``pipeline(_:)-([RedisCommand])`` with ``RedisPerKeyPipeline/commands`` would.
    ///
    /// Clients that can put it on the wire straight from the keys do so (``RedisPerKeyPipeline`` says
    /// why); the default sends ``RedisPerKeyPipeline/commands``.
    func pipeline(_ perKey: RedisPerKeyPipeline) async throws -> [RESPValue]
}

extension RedisClientProtocol {
    /// Sends ``RedisPerKeyPipeline/commands`` with ``pipeline(_:)-([RedisCommand])``.
    public func pipeline(_ perKey: RedisPerKeyPipeline) async throws -> [RESPValue] {
        try await self.pipeline(perKey.commands)
    }

    /// Sends one command and returns its reply.
    ///
    /// - Throws: ``RedisServerError`` if the server answered with an error reply, or the implementation's
    ///   connection error if the command could not be sent or its reply did not arrive.
    public func send(_ command: RedisCommand) async throws -> RESPValue {
        let replies = try await self.pipeline([command])
        guard let reply = replies.first else {
            throw RedisServerError("ERR the client returned no reply for \(command.name)")
        }
        if case .error(let error) = reply {
            throw error
        }
        return reply
    }

    /// Sends one command built from its name and arguments, e.g. `send("GET", key)`.
    public func send(_ name: String, _ arguments: any RedisArgumentConvertible...) async throws -> RESPValue {
        try await self.send(RedisCommand(name, arguments: arguments))
    }
}
