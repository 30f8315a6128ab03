import Foundation
import RedisSchema
import RedisSchemaClient
import Testing

/// The real redis-server `scripts/test` starts; these tests own one of its databases.
enum LiveServer {
    static let port = ProcessInfo.processInfo.environment["REDIS_SCHEMA_TEST_PORT"].flatMap(Int.init)
    /// Other suites share the server (database 0 and 2); this one empties database 9 before each test.
    static let database = 9
    static let skipMessage: Comment =
        "set REDIS_SCHEMA_TEST_PORT to the port of a redis-server these tests may write to (scripts/test does)"

    static func configuration(_ version: RedisProtocolVersion) throws -> RedisConnectionConfiguration {
        var configuration = try RedisConnectionConfiguration(url: "redis://127.0.0.1:\(port ?? 6379)/\(database)")
        configuration.protocolVersion = version
        configuration.commandTimeout = .seconds(30)
        return configuration
    }

    /// Runs `body` with two connections to the emptied test database: `app`, over `version`, for the
    /// generated operations, and `raw`, over RESP2 (flat replies), for the assertions.
    static func withEmptyDatabase(
        _ version: RedisProtocolVersion = .resp3,
        _ body: (_ app: RedisConnection, _ raw: RedisConnection) async throws -> Void
    ) async throws {
        let app = try await RedisConnection.connect(configuration(version))
        let raw = try await RedisConnection.connect(configuration(.resp2))
        do {
            _ = try await raw.send("FLUSHDB")
            try await body(app, raw)
        } catch {
            await app.close()
            await raw.close()
            throw error
        }
        await app.close()
        await raw.close()
    }
}

/// Forwards every pipeline to a real connection and counts the commands, to show that a refused value
/// sends nothing at all.
actor CountingClient: RedisClientProtocol {
    let base: RedisConnection
    private(set) var commandsSent = 0

    init(_ base: RedisConnection) {
        self.base = base
    }

    func pipeline(_ commands: [RedisCommand]) async throws -> [RESPValue] {
        commandsSent += commands.count
        return try await base.pipeline(commands)
    }
}

extension RedisConnection {
    /// Sends a raw command; error replies are thrown.
    @discardableResult
    func raw(_ name: String, _ arguments: any RedisArgumentConvertible...) async throws -> RESPValue {
        try await send(RedisCommand(name, arguments: arguments))
    }

    /// The reply to a raw command as text; `nil` for a null reply.
    func text(_ name: String, _ arguments: any RedisArgumentConvertible...) async throws -> String? {
        let reply = try await send(RedisCommand(name, arguments: arguments))
        return reply.isNull ? nil : reply.string
    }

    /// The reply to a raw command as an integer.
    func integer(_ name: String, _ arguments: any RedisArgumentConvertible...) async throws -> Int64? {
        try await send(RedisCommand(name, arguments: arguments)).int
    }

    /// The reply to a raw command as a flat list of texts.
    func texts(_ name: String, _ arguments: any RedisArgumentConvertible...) async throws -> [String] {
        try await send(RedisCommand(name, arguments: arguments)).array?.map { $0.string ?? "<\($0)>" } ?? []
    }
}
