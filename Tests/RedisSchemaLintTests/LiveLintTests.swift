import Foundation
import RedisSchema
import RedisSchemaClient
import RedisSchemaCore
import RedisSchemaLint
import Synchronization
import Testing

/// The linter against a real redis-server: every rule, and everything that can happen mid-scan.
@Suite(.enabled(if: LiveServer.isAvailable, LiveServer.skipMessage))
struct LiveLintTests {
    @Test func reportsEveryRule() async throws {
        let redis = try await LiveServer.freshDatabase(41)
        try await redis.run([
            ["HSET", "session:ok", "userId", "u1"], ["EXPIRE", "session:ok", 3600],
            ["SET", "session:str", "x", "EX", 3600],  // wrong-type
            ["HSET", "session:forever", "a", "b"],  // missing-ttl
            ["HSET", "session:long", "a", "b"], ["EXPIRE", "session:long", 7200],  // ttl-exceeds
            ["SET", "user:42", "x", "EX", 600],
            ["SET", "user:abc", "x", "EX", 600],  // bad-param
            ["RPUSH", "feed:home", "1"],
            ["RPUSH", "feed:expiring", "1"], ["EXPIRE", "feed:expiring", 100],  // unexpected-ttl
            ["SET", "tmp:foo:1", "x"], ["SET", "tmp:foo:2", "x"], ["SET", "other", "x"],  // unknown-key
            ["SET", "bull:queue:1", "x"],  // ignored
        ])
        let report = try await lint(try testSchema(lintTestSchema), on: redis).report
        #expect(report.summary.keysScanned == 12)
        #expect(report.summary.keysChecked == 12)
        #expect(report.summary.keysIgnored == 1)
        #expect(report.summary.keysUnknown == 3)
        #expect(report.summary.complete)
        #expect(report.summary.resumeCursor == nil)
        #expect(report.summary.confidence == nil)
        #expect(
            report.summary.violationsByRule == [
                .wrongType: 1, .missingTTL: 1, .ttlExceeds: 1, .badParam: 1, .unexpectedTTL: 1,
                .unknownKey: 3,
            ])
        #expect(report.summary.errors == 7)
        #expect(report.summary.warnings == 1, "unexpected-ttl is a warning by default")
        let session = try #require(report.pattern("session"))
        #expect(session.keys == 4)
        #expect(session.violations == [.wrongType: 1, .missingTTL: 1, .ttlExceeds: 1])
        let wrongType = try #require(session.examples.first { $0.rule == .wrongType })
        #expect(wrongType.key == "session:str")
        #expect(wrongType.message == "is a string but `session` keys are hashes")
        #expect(session.remainingTTL?.count == 3)
        #expect((session.remainingTTL?.max ?? 0) > 3600)
        let badParam = try #require(report.pattern("user")?.examples.first)
        #expect(badParam.rule == .badParam)
        #expect(badParam.message == "`<id>` is `abc`, which is not an integer (pattern `user:<id:int>`)")
        #expect(report.unknownKeys.shapes.map(\.shape) == ["tmp:foo:<n>", "other"])
        #expect(report.unknownKeys.shapes.map(\.count) == [2, 1])
        await redis.close()
    }

    @Test func severityOverridesChangeTheOutcome() async throws {
        let redis = try await LiveServer.freshDatabase(42)
        try await redis.run([["RPUSH", "feed:a", "1"], ["EXPIRE", "feed:a", 100], ["SET", "stray", "x"]])
        let schema = try testSchema(lintTestSchema)
        let report = try await lint(schema, on: redis) { configuration in
            configuration.policy.set(.unexpectedTTL, to: .error)
            configuration.policy.set(.unknownKey, to: .ignore)
        }.report
        #expect(report.summary.errors == 1)
        #expect(report.summary.warnings == 0)
        #expect(report.summary.violationsByRule == [.unexpectedTTL: 1])
        #expect(report.unknownKeys.examples.isEmpty)
        await redis.close()
    }

    @Test func binaryAndNonUTF8KeysAreMatchedAndShownEscaped() async throws {
        let redis = try await LiveServer.freshDatabase(43)
        let blob: [UInt8] = Array("blob:".utf8) + [0xFF, 0x00, 0xFE]
        let stray: [UInt8] = [0xC3, 0x28, 0x0A, 0x5C]
        try await redis.run([["SET", blob, "x"], ["SET", stray, "x"]])
        let report = try await lint(try testSchema(lintTestSchema), on: redis).report
        #expect(report.pattern("blob")?.keys == 1)
        #expect(report.unknownKeys.examples.map(\.key) == [#"\xc3(\x0a\\"#])
        await redis.close()
    }

    @Test func keysThatVanishMidScanCountAsExpiredNotAsViolations() async throws {
        let redis = try await LiveServer.freshDatabase(44)
        try await redis.run((0..<200).map { ["SET", "user:\($0)", "x", "EX", 600] })
        // Between each SCAN and its TYPE/PTTL batch, another client deletes half the keys it returned.
        let deleter = try await LiveServer.freshDatabaseConnection(44)
        let client = DeletingBetweenScanAndCheck(connection: redis, deleter: deleter)
        var configuration = KeyspaceLinter.Configuration()
        configuration.scan.pacing = .max
        configuration.scan.count = 50
        configuration.scan.batchesInFlight = 1
        let report = try await KeyspaceLinter(schema: try testSchema(lintTestSchema), configuration: configuration)
            .run(scanClient: client, checkClients: [client], server: "test").report
        let deleted = client.deleted.withLock { $0 }
        #expect(report.summary.keysScanned == 200)
        #expect(deleted >= 90)
        #expect(report.summary.keysExpired == deleted)
        #expect(report.pattern("user")?.keys == 200 - deleted)
        #expect(report.summary.errors == 0)
        #expect(report.summary.warnings == 0)
        await redis.close()
        await deleter.close()
    }

    @Test func baselineRoundTrip() async throws {
        let redis = try await LiveServer.freshDatabase(45)
        try await redis.run([["SET", "session:a", "x"], ["SET", "tmp:1", "x"], ["SET", "tmp:2", "x"]])
        let schema = try testSchema(lintTestSchema)
        let first = try await lint(schema, on: redis)
        #expect(first.report.summary.errors == 4)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).json")
        try first.baseline.encoded().write(to: file)
        let baseline = try Baseline.load(from: file.path)
        #expect(
            baseline.entries.map { "\($0.rule.id) \($0.pattern ?? $0.shape ?? "")" } == [
                "missing-ttl session", "unknown-key tmp:<n>", "wrong-type session",
            ])

        // The same violations again, and more of a known kind: accepted.
        try await redis.run([["SET", "tmp:3", "x"]])
        let second = try await lint(schema, on: redis) { $0.baseline = baseline }.report
        #expect(second.summary.errors == 0)
        #expect(second.summary.baselined == 5)
        #expect(second.pattern("session")?.examples.allSatisfy(\.baselined) == true)

        // A new kind of violation: reported.
        try await redis.run([["SET", "cache:x", "y"], ["RPUSH", "user:7", "x"], ["EXPIRE", "user:7", 60]])
        let third = try await lint(schema, on: redis) { $0.baseline = baseline }.report
        #expect(third.summary.errors == 2)
        #expect(third.summary.baselined == 5)
        await redis.close()
    }

    @Test func matchLimitsTheScan() async throws {
        let redis = try await LiveServer.freshDatabase(46)
        try await redis.run((0..<30).map { ["SET", "user:\($0)", "x", "EX", 600] } + [["SET", "stray", "x"]])
        let report = try await lint(try testSchema(lintTestSchema), on: redis) { $0.scan.match = "user:1*" }.report
        #expect(report.summary.keysScanned == 11)
        #expect(report.summary.keysUnknown == 0)
        await redis.close()
    }

    @Test func maxKeysStopsEarlyAndCursorResumes() async throws {
        let redis = try await LiveServer.freshDatabase(47)
        try await redis.run((0..<3000).map { ["SET", "user:\($0)", "x", "EX", 600] })
        let schema = try testSchema(lintTestSchema)
        let first = try await lint(schema, on: redis) {
            $0.scan.pacing = .max
            $0.scan.count = 100
            $0.scan.maxKeys = 500
        }.report
        #expect(first.summary.keysScanned >= 500)
        #expect(first.summary.keysScanned < 500 + 300, "stops within a few SCAN batches of the limit")
        #expect(!first.summary.complete)
        let cursor = try #require(first.summary.resumeCursor)
        #expect(
            first.summary.confidence?.hasPrefix(
                "0 violations in \(HumanUnits.grouped(first.summary.keysChecked)) checked keys: under")
                == true)
        let rest = try await lint(schema, on: redis) {
            $0.scan.count = 100
            $0.scan.cursor = cursor
        }.report
        // The resumed run reached the end, but on its own it covered only part of the keyspace.
        #expect(rest.summary.resumeCursor == nil)
        #expect(!rest.summary.complete)
        #expect(rest.summary.partialReasons == [.resumed])
        #expect(rest.summary.startCursor == cursor)
        #expect(first.summary.partialReasons == [.maxKeys])
        // SCAN may return a key twice, never skip one that existed throughout.
        #expect(first.summary.keysScanned + rest.summary.keysScanned >= 3000)
        await redis.close()
    }

    @Test func samplingChecksAFractionAndStatesTheBound() async throws {
        let redis = try await LiveServer.freshDatabase(48)
        try await redis.run((0..<4000).map { ["SET", "user:\($0)", "x", "EX", 600] })
        let report = try await lint(try testSchema(lintTestSchema), on: redis) { $0.scan.sampleRate = 0.1 }.report
        #expect(report.summary.keysScanned == 4000)
        #expect((300...500).contains(report.summary.keysChecked))
        #expect(report.summary.sampleRate == 0.1)
        #expect(report.summary.confidence?.contains("sampled keys: under") == true)
        await redis.close()
    }

    @Test func rateLimitSlowsTheScanDown() async throws {
        let redis = try await LiveServer.freshDatabase(49)
        try await redis.run((0..<2000).map { ["SET", "user:\($0)", "x", "EX", 600] })
        let report = try await lint(try testSchema(lintTestSchema), on: redis) {
            $0.scan.count = 100
            $0.scan.pacing = .fixed(keysPerSecond: 5000)
        }.report
        // A lower bound only: 2,000 keys at 5,000 keys/s cannot take less than 0.38 s (the first
        // batch goes at once).
        #expect(report.summary.durationSeconds >= 0.3)
        #expect(report.summary.keysScanned == 2000)
        await redis.close()
    }

    /// Keys whose counts are computed here, independently of the linter, and compared.
    @Test func hundredThousandKeysCountedIndependently() async throws {
        let redis = try await LiveServer.freshDatabase(50)
        var expected = (session: 0, user: 0, feed: 0, wrongType: 0, missingTTL: 0, badParam: 0, unknown: 0, ignored: 0)
        var commands: [[any RedisArgumentConvertible]] = []
        for index in 0..<100_000 {
            switch index % 20 {
            case 0..<8:
                commands.append(["HSET", "session:\(index)", "f", "v"])
                commands.append(["EXPIRE", "session:\(index)", 3600])
                expected.session += 1
            case 8..<14:
                commands.append(["SET", "user:\(index)", "x", "EX", 600])
                expected.user += 1
            case 14..<17:
                commands.append(["RPUSH", "feed:\(index)", "x"])
                expected.feed += 1
            case 17:
                commands.append(["SET", "session:s\(index)", "x"])  // wrong type and no TTL
                expected.session += 1
                expected.wrongType += 1
                expected.missingTTL += 1
            case 18:
                commands.append(["SET", "user:u\(index)", "x", "EX", 60])  // bad param
                expected.user += 1
                expected.badParam += 1
            default:
                commands.append(index % 40 == 19 ? ["SET", "bull:\(index)", "x"] : ["SET", "junk:\(index)", "x"])
                if index % 40 == 19 { expected.ignored += 1 } else { expected.unknown += 1 }
            }
            if commands.count >= 10_000 {
                try await redis.run(commands)
                commands.removeAll()
            }
        }
        try await redis.run(commands)
        let report = try await lint(try testSchema(lintTestSchema), on: redis).report
        #expect(report.summary.keysScanned == 100_000)
        #expect(report.summary.keysChecked == 100_000)
        #expect(report.pattern("session")?.keys == expected.session)
        #expect(report.pattern("user")?.keys == expected.user)
        #expect(report.pattern("feed")?.keys == expected.feed)
        #expect(report.summary.keysIgnored == expected.ignored)
        #expect(report.summary.keysUnknown == expected.unknown)
        #expect(
            report.summary.violationsByRule == [
                .wrongType: expected.wrongType, .missingTTL: expected.missingTTL, .badParam: expected.badParam,
                .unknownKey: expected.unknown,
            ])
        #expect(report.pattern("session")?.examples.count == 10, "5 examples for each of 2 rules, no more")
        #expect(
            report.unknownKeys.shapes == [
                UnknownShape(
                    shape: "junk:<n>", count: expected.unknown, example: report.unknownKeys.shapes.first?.example ?? "")
            ])
        await redis.close()
    }
}

extension LiveServer {
    static func freshDatabaseConnection(_ database: Int) async throws -> RedisConnection {
        try await RedisConnection.connect(try RedisConnectionConfiguration(url: url(database: database)))
    }
}

/// A real connection that, after every SCAN reply, deletes every other key it returned through a
/// second real connection: the keys vanish between SCAN and TYPE exactly as expiring keys do.
final class DeletingBetweenScanAndCheck: RedisClientProtocol {
    let connection: RedisConnection
    let deleter: RedisConnection
    let deleted = Mutex(0)

    init(connection: RedisConnection, deleter: RedisConnection) {
        self.connection = connection
        self.deleter = deleter
    }

    func pipeline(_ commands: [RedisCommand]) async throws -> [RESPValue] {
        let replies = try await connection.pipeline(commands)
        if commands.first?.name == "SCAN", let keys = replies.first?.array?.last?.array {
            let doomed = keys.enumerated().filter { $0.offset % 2 == 0 }.compactMap(\.element.bytes)
            if !doomed.isEmpty {
                let reply = try await deleter.pipeline([RedisCommand(arguments: [Array("DEL".utf8)] + doomed)])
                deleted.withLock { $0 += Int(reply.first?.int ?? 0) }
            }
        }
        return replies
    }
}
