import Foundation
import RedisSchema
import RedisSchemaClient
import SessionAnalytics
import Testing

/// The keys the usage examples write, as the seed document describes them: type and TTL (`nil` for `none`).
private let seedKeys: [(key: String, type: String, ttl: Int64?)] = [
    ("session:12345", "hash", 3_600_000),
    ("session:live:12345", "stream", 86_400_000),
    ("active_users", "zset", nil),
    ("rage:12345:btn-login", "string", 300_000),
    ("heatmap:Home", "hash", nil),
    ("latency:/api/login", "list", 604_800_000),
    ("exp_score:12345", "string", 1_800_000),
    ("replay_queue", "list", nil),
]

/// The example's schema is the repository's seed schema, not a copy that drifted from it.
@Test func theExampleSchemaIsTheSeedSchema() throws {
    let seed = URL(fileURLWithPath: LiveServer.schemaPath).appendingPathComponent("../../../../../schema.yaml")
    #expect(try Data(contentsOf: URL(fileURLWithPath: LiveServer.schemaPath)) == Data(contentsOf: seed.standardized))
}

/// Runs the example's operations against a real redis-server and checks the keys with raw commands, then
/// checks them with `redis-schema validate`. One database, emptied by each test, so the tests run in turn.
@Suite(.serialized, .enabled(if: LiveServer.port != nil, LiveServer.skipMessage))
struct UsageExampleTests {
    let database = LiveServer.usageDatabase

    @Test func everyUsageExampleWritesItsKeyWithTheSchemasTypeAndTTL() async throws {
        try await LiveServer.withEmptyDatabase(database) { app, raw in
            let reports = try await SessionAnalytics(redis: app).runUsageExamples()
            #expect(reports.map(\.key) == seedKeys.map(\.key))

            for (key, type, ttl) in seedKeys {
                #expect(try await raw.text("TYPE", key) == type, "TYPE \(key)")
                let pttl = try #require(try await raw.integer("PTTL", key), "PTTL \(key)")
                if let ttl {
                    #expect(pttl > 0 && pttl <= ttl, "PTTL \(key) is \(pttl), expected 1...\(ttl)")
                } else {
                    #expect(pttl == -1, "PTTL \(key) is \(pttl), but the schema says ttl: none")
                }
            }
            #expect(try await raw.integer("DBSIZE") == Int64(seedKeys.count), "no key beyond the schema's")
        }
    }

    @Test func theKeysHoldTheSeedDocumentsValues() async throws {
        try await LiveServer.withEmptyDatabase(database) { app, raw in
            let analytics = SessionAnalytics(redis: app)
            _ = try await analytics.runUsageExamples()

            let session = try await raw.texts("HGETALL", "session:12345")
            var sessionFields: [String: String] = [:]
            for index in stride(from: 0, to: session.count - 1, by: 2) {
                sessionFields[session[index]] = session[index + 1]
            }
            #expect(sessionFields == ["userId": "uuid", "device": "Android", "startedAt": "2025-12-12T10:22:00Z"])

            let entries = try #require(try await raw.send(RedisCommand("XRANGE", "session:live:12345", "-", "+")).array)
            #expect(entries.count == 1)
            let fields = try #require(entries.first?.array?.last?.array).map { $0.string ?? "" }
            #expect(fields == ["type", "click", "x", "190", "y", "240", "ts", "1700000000"])

            #expect(
                try await raw.texts("ZRANGE", "active_users", 0, -1, "WITHSCORES") == ["user:uuid123", "1700000000"])
            #expect(try await raw.text("GET", "rage:12345:btn-login") == "1")
            #expect(try await raw.texts("HGETALL", "heatmap:Home") == ["120_330", "1"])
            #expect(try await raw.texts("LRANGE", "latency:/api/login", 0, -1) == ["320"])
            #expect(try await raw.text("GET", "exp_score:12345").flatMap(Double.init) == 78)
            #expect(try await raw.texts("LRANGE", "replay_queue", 0, -1) == ["chunk-1"])

            // The typed reads agree with the raw ones.
            let state = try #require(try await analytics.session("12345"))
            #expect(
                state
                    == SessionState(
                        userId: "uuid", device: "Android", startedAt: Date(timeIntervalSince1970: 1_765_534_920)))
            #expect(try await analytics.events("12345").map(\.timestamp) == [1_700_000_000])
            #expect(try await analytics.activeUsers(since: 0).map(\.userId) == ["uuid123"])
            #expect(try await analytics.experienceScore("12345") == 78)
            #expect(try await analytics.nextReplayChunk() == "chunk-1")
            #expect(try await analytics.nextReplayChunk() == nil)
        }
    }

    @Test func theLatencyListIsCappedAt100NewestFirst() async throws {
        try await LiveServer.withEmptyDatabase(database) { app, raw in
            let analytics = SessionAnalytics(redis: app)
            for milliseconds in 1...150 {
                try await analytics.recordLatency(api: "/api/login", milliseconds: milliseconds)
            }
            #expect(try await raw.integer("LLEN", "latency:/api/login") == 100)
            #expect(try await raw.text("LINDEX", "latency:/api/login", 0) == "150")
            #expect(try await raw.text("LINDEX", "latency:/api/login", -1) == "51")
            #expect(try await raw.integer("PTTL", "latency:/api/login") ?? 0 > 0)
            #expect(try await analytics.recentLatencies(api: "/api/login") == Array((51...150).reversed()))
        }
    }

    @Test func theRageCounterCountsAndKeepsItsWindow() async throws {
        try await LiveServer.withEmptyDatabase(database) { app, raw in
            let analytics = SessionAnalytics(redis: app)
            for expected in 1...3 {
                #expect(try await analytics.recordRageClick("12345", element: "btn-login") == expected)
            }
            // A write that lost the TTL (here by hand) gets it back on the next increment.
            _ = try await raw.send(RedisCommand("PERSIST", "rage:12345:btn-login"))
            #expect(try await raw.integer("PTTL", "rage:12345:btn-login") == -1)
            try await analytics.recordRageClick("12345", element: "btn-login")
            #expect(try await raw.integer("PTTL", "rage:12345:btn-login") ?? 0 > 0)
            #expect(try await analytics.rageClicks("12345", element: "btn-login") == 4)
        }
    }

    @Test func aValueThatWouldLeaveItsPatternIsRefusedBeforeAnythingIsSent() async throws {
        try await LiveServer.withEmptyDatabase(database) { app, raw in
            let analytics = SessionAnalytics(redis: app)
            // `live:1` would land in session:live:<sid>, the stream's keyspace.
            await #expect(throws: RedisSchemaError.self) {
                try await analytics.startSession("live:1", userId: "u", device: "d", startedAt: Date())
            }
            await #expect(throws: RedisSchemaError.self) { try await analytics.markActive(userId: "a:b", at: 1) }
            await #expect(throws: RedisSchemaError.self) { try await analytics.recordRageClick("", element: "x") }
            let keys = try await raw.integer("DBSIZE")
            #expect(keys == 0)
        }
    }
}

/// `redis-schema validate` agrees that the example's keys follow the schema, and would say so if not.
@Suite(
    .serialized, .enabled(if: LiveServer.port != nil && LiveServer.validator != nil, LiveServer.skipValidatorMessage))
struct ValidateExampleKeysTests {
    let database = LiveServer.validateDatabase

    @Test func validateFindsNoViolationInTheKeysTheExampleWrites() async throws {
        let validator = try #require(LiveServer.validator)
        try await LiveServer.withEmptyDatabase(database) { app, raw in
            let analytics = SessionAnalytics(redis: app)
            _ = try await analytics.runUsageExamples()
            _ = try await analytics.runUsageExamples(sid: "67890")
            for milliseconds in 1...150 {
                try await analytics.recordLatency(api: "/api/checkout", milliseconds: milliseconds)
            }
            let keys = try #require(try await raw.integer("DBSIZE"))

            let (status, report, output) = try runValidate(validator, database: database)
            #expect(status == 0, "validate exited \(status):\n\(output)")
            #expect(report.database == database, "the report names the database scanned")
            #expect(report.summary.complete)
            #expect(report.summary.keysScanned == Int(keys))
            #expect(report.summary.keysChecked == Int(keys))
            #expect(report.summary.keysUnknown == 0)
            #expect(report.summary.errors == 0)
            #expect(report.summary.warnings == 0)
            #expect(report.patterns.count == seedKeys.count)
            for pattern in report.patterns {
                #expect(pattern.violations.isEmpty, "\(pattern.pattern): \(pattern.violations)")
                #expect(pattern.keys > 0, "validate saw no key of \(pattern.pattern)")
            }
        }
    }

    /// The check above can fail: keys written around the schema are reported.
    @Test func validateReportsKeysWrittenAroundTheSchema() async throws {
        let validator = try #require(LiveServer.validator)
        try await LiveServer.withEmptyDatabase(database) { app, raw in
            _ = try await SessionAnalytics(redis: app).runUsageExamples()
            _ = try await raw.send(RedisCommand("SET", "rage:12345:btn-signup", "1"))  // INCR without its EXPIRE
            _ = try await raw.send(RedisCommand("SET", "sesion:12345", "typo"))  // a prefix nobody declared

            let (status, report, output) = try runValidate(validator, database: database)
            #expect(status == 1, "validate exited \(status):\n\(output)")
            #expect(report.summary.errors >= 2)
            #expect(report.summary.keysUnknown == 1)
            let rage = try #require(report.patterns.first { $0.key == "rage" })
            #expect(rage.violations["missing-ttl"] == 1)
        }
    }
}
