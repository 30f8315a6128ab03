import Foundation
import RedisSchema
import RedisSchemaClient
import Testing

/// The real redis-server that `scripts/test` starts, and the `redis-schema` binary it built.
enum LiveServer {
    static let environment = ProcessInfo.processInfo.environment
    static let port = environment["REDIS_SCHEMA_TEST_PORT"].flatMap(Int.init)
    static let validator = environment["REDIS_SCHEMA_BIN"].flatMap { $0.isEmpty ? nil : $0 }

    /// The databases these tests own and empty, one per suite since suites run in parallel. The main package's
    /// tests and SessionAnalytics's (10 and 11) use others on the same server, which `scripts/test` starts with
    /// 64 databases.
    enum Database: Int {
        case rateLimiter = 40
        case jobLock
        case leaderboard
        case jobQueue
        case eventLog
        case featureFlags
        case jobBoard
        case validate
    }

    static func url(_ database: Database) -> String { "redis://127.0.0.1:\(port ?? 6379)/\(database.rawValue)" }

    static let skipMessage: Comment =
        "set REDIS_SCHEMA_TEST_PORT to the port of a redis-server these tests may write to (scripts/test does)"
    static let skipValidatorMessage: Comment =
        "set REDIS_SCHEMA_TEST_PORT and REDIS_SCHEMA_BIN (the built redis-schema binary; scripts/test does)"

    /// The schema the build plugin generated the accessors from.
    static let schemaPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("../../Sources/JobBoard/redis-schema.yaml")
        .standardized.path

    /// Runs `body` with two connections to `database`, emptied: `app` for the components (RESP3, as an
    /// application would connect) and `raw` for the assertions (RESP2, whose replies are flat arrays).
    static func withEmptyDatabase(
        _ database: Database, _ body: (_ app: RedisConnection, _ raw: RedisConnection) async throws -> Void
    ) async throws {
        let app = try await RedisConnection.connect(RedisConnectionConfiguration(url: url(database)))
        var rawConfiguration = try RedisConnectionConfiguration(url: url(database))
        rawConfiguration.protocolVersion = .resp2
        let raw = try await RedisConnection.connect(rawConfiguration)
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

extension RedisConnection {
    /// The reply to a raw command as text; `nil` for a null reply.
    func text(_ name: String, _ arguments: any RedisArgumentConvertible...) async throws -> String? {
        let reply = try await send(RedisCommand(name, arguments: arguments))
        return reply.isNull ? nil : reply.string
    }

    /// The reply to a raw command as an integer.
    func integer(_ name: String, _ arguments: any RedisArgumentConvertible...) async throws -> Int64? {
        try await send(RedisCommand(name, arguments: arguments)).int
    }

    /// The reply to a raw command as a flat list of texts (RESP2 arrays).
    func texts(_ name: String, _ arguments: any RedisArgumentConvertible...) async throws -> [String] {
        try await send(RedisCommand(name, arguments: arguments)).array?.map { $0.string ?? "<\($0)>" } ?? []
    }

    /// `PTTL key` in milliseconds: -2 when the key is missing, -1 when it never expires.
    func pttl(_ key: String) async throws -> Int64 {
        try #require(try await integer("PTTL", key), "PTTL \(key)")
    }
}

/// What the tests read from `redis-schema validate --format json`.
struct ValidateReport: Decodable {
    struct Summary: Decodable {
        var keysScanned: Int
        var keysChecked: Int
        var keysUnknown: Int
        var errors: Int
        var warnings: Int
        var complete: Bool
    }
    struct Pattern: Decodable {
        var key: String
        var pattern: String
        var keys: Int
        var violations: [String: Int]
    }
    var database: Int
    var summary: Summary
    var patterns: [Pattern]
}

/// Runs `redis-schema validate` on `database`; returns its exit status and decoded report.
func runValidate(
    _ executable: String, database: LiveServer.Database
) throws -> (status: Int32, report: ValidateReport, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = [
        "validate", "--schema", LiveServer.schemaPath, "--url", LiveServer.url(database), "--format", "json",
        "--no-progress",
    ]
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let text = String(decoding: output, as: UTF8.self)
    do {
        let report = try JSONDecoder().decode(ValidateReport.self, from: output)
        return (process.terminationStatus, report, text)
    } catch {
        Issue.record("validate exited \(process.terminationStatus) without a JSON report: \(text)\n\(errors)")
        throw error
    }
}
