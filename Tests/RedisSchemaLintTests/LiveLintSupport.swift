import Foundation
import Logging
import RedisSchema
import RedisSchemaClient
import RedisSchemaCore
import RedisSchemaLint
import Testing

/// The real redis-server that `scripts/test` starts; lint tests each scan a database of their own
/// (41–50 of the server's 64; other suites use lower numbers), since a scan sees every key of its
/// database.
enum LiveServer {
    static let environment = ProcessInfo.processInfo.environment
    static let port = environment["REDIS_SCHEMA_TEST_PORT"].flatMap(Int.init)
    static let isAvailable = port != nil
    static let skipMessage: Comment = "set REDIS_SCHEMA_TEST_PORT (run scripts/test) to lint a real redis-server"

    static func url(database: Int) -> String { "redis://127.0.0.1:\(port ?? 6379)/\(database)" }

    /// A connection to `database`, emptied first.
    static func freshDatabase(_ database: Int) async throws -> RedisConnection {
        let connection = try await RedisConnection.connect(
            try RedisConnectionConfiguration(url: url(database: database)), logger: Logger(label: "test"))
        _ = try await connection.send(RedisCommand("FLUSHDB"))
        return connection
    }
}

extension RedisConnection {
    /// Runs raw commands (each an array of arguments) in one pipeline and fails on any error reply.
    func run(_ commands: [[any RedisArgumentConvertible]]) async throws {
        var batch: [RedisCommand] = []
        for arguments in commands {
            batch.append(RedisCommand(arguments: arguments.map(\.redisArgument)))
        }
        for reply in try await pipeline(batch) {
            if let error = reply.serverError { throw error }
        }
    }
}

/// Loads a schema for tests from text.
func testSchema(_ text: String) throws -> Schema {
    let result = SchemaLoader.load(text, file: "schema.yaml")
    return try #require(result.schema, "\(result.diagnostics)")
}

/// A small schema exercising every rule.
let lintTestSchema = """
    version: 1
    keys:
      session:
        pattern: session:<sid>
        type: hash
        ttl: 1 hour
      user:
        pattern: user:<id:int>
        type: string
        ttl: 10 min
      feed:
        pattern: feed:<name>
        type: list
        ttl: none
      blob:
        pattern: blob:<id>
        type: string
        ttl: none
    ignore:
      - "bull:*"
    """

/// Runs the linter over `connection`'s database.
func lint(
    _ schema: Schema, on connection: RedisConnection, configure: (inout KeyspaceLinter.Configuration) -> Void = { _ in }
) async throws -> KeyspaceLinter.Outcome {
    var configuration = KeyspaceLinter.Configuration()
    configure(&configuration)
    return try await KeyspaceLinter(schema: schema, configuration: configuration)
        .run(scanClient: connection, checkClients: [connection], server: "test")
}

extension LintReport {
    func pattern(_ name: String) -> PatternReport? { patterns.first { $0.key == name } }
}
