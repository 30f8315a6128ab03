import Foundation
import Logging
import RedisSchema
import RedisSchemaClient
import RedisSchemaCore
import Testing

@testable import RedisSchemaLint

/// `--deep` against a real redis-server: each deep rule fires on a bad value and stays silent on a
/// good one, reads stay bounded on big values, and keys that vanish or change type are skipped.
/// Databases 57–61 are this suite's.
@Suite(.enabled(if: LiveServer.isAvailable, LiveServer.skipMessage))
struct DeepLintTests {
    static let schemaText = """
        version: 1
        keys:
          session:
            pattern: session:<sid>
            type: hash
            ttl: none
            fields:
              userId: string
              visits: int
              device?: string
              "cell:<x:int>": int
          latency:
            pattern: latency:<name>
            type: list
            ttl: none
            element: float
            maxLength: 5
          events:
            pattern: events:<sid>
            type: stream
            ttl: none
            maxLength: 3
            trim: exact
            fields:
              kind: string
              at: timestamp
          loose:
            pattern: loose:<sid>
            type: stream
            ttl: none
            maxLength: 10
          team:
            pattern: team:<name>
            type: set
            ttl: none
            member: user:<id:int>
          board:
            pattern: board:<name>
            type: zset
            ttl: none
            member: uuid
            score: int
          hits:
            pattern: hits:<page>
            type: string
            ttl: none
            value: counter
        """

    static let uuid = "0b9c2e4a-6f1d-4c8e-9a3b-2d5e7f901234"

    /// Good keys of every type, and one bad key per rule.
    static let keys: [[any RedisArgumentConvertible]] = [
        ["HSET", "session:good", "userId", "u1", "visits", "3", "cell:4", "9"],
        ["HSET", "session:extra", "userId", "u1", "visits", "3", "colour", "red"],  // undeclared-field
        ["HSET", "session:lacking", "userId", "u1"],  // missing-field
        ["HSET", "session:badint", "userId", "u1", "visits", "many"],  // bad-value
        ["HSET", "session:badcell", "userId", "u1", "visits", "1", "cell:2", "x"],  // bad-value (field pattern)
        ["RPUSH", "latency:good", "1.5", "2", "3e2"],
        ["RPUSH", "latency:long", "1", "2", "3", "4", "5", "6"],  // too-long
        ["RPUSH", "latency:bad", "1", "fast"],  // bad-value
        ["XADD", "events:good", "*", "kind", "click", "at", "1700000000"],
        ["XADD", "events:bad", "*", "kind", "click", "at", "yesterday"],  // bad-value
        ["XADD", "events:odd", "*", "kind", "click", "at", "1", "extra", "1"],  // undeclared-field
        ["XADD", "events:short", "*", "kind", "click"],  // missing-field
        ["SADD", "team:good", "user:1", "user:2"],
        ["SADD", "team:bad", "user:1", "admin"],  // bad-value
        ["ZADD", "board:good", "3", uuid],
        ["ZADD", "board:badmember", "3", "nobody"],  // bad-value
        ["ZADD", "board:badscore", "2.5", uuid],  // bad-value
        ["SET", "hits:good", "42"],
        ["SET", "hits:bad", "forty-two"],  // bad-value
    ]

    func deepLint(
        _ redis: RedisConnection, sample: Double = 1, maxKeyBytes: Int? = nil, checksValues: Bool = true
    ) async throws -> LintReport {
        try await lint(try testSchema(Self.schemaText), on: redis) { configuration in
            var deep = DeepOptions()
            deep.sampleRate = sample
            deep.maxKeyBytes = maxKeyBytes
            deep.checksValues = checksValues
            configuration.deep = deep
        }.report
    }

    @Test func everyDeepRuleFiresOnABadValueOnly() async throws {
        let redis = try await LiveServer.freshDatabase(57)
        try await redis.run(Self.keys)
        // Over its cap by exactly the slack approximate trimming allows: not reported.
        try await redis.run((0..<110).map { ["XADD", "loose:ok", "*", "n", "\($0)"] })
        let plain = try await lint(try testSchema(Self.schemaText), on: redis).report
        #expect(plain.summary.violationsByRule.isEmpty, "without deep checks no value is read")
        #expect(plain.summary.keysDeepChecked == nil)
        #expect(plain.summary.deepSampleRate == nil)
        let report = try await deepLint(redis)
        #expect(report.summary.keysDeepChecked == 20)
        #expect(report.summary.keysDeepSkipped == 0)
        #expect(report.summary.deepSampleRate == 1)
        #expect(
            report.summary.violationsByRule == [.undeclaredField: 2, .missingField: 2, .badValue: 8, .tooLong: 1])
        let flagged = Set(report.patterns.flatMap(\.examples).map(\.key))
        #expect(flagged.allSatisfy { !$0.hasSuffix(":good") && $0 != "loose:ok" }, "\(flagged)")
        #expect(flagged.count == 13)
        let session = try #require(report.pattern("session"))
        #expect(session.violations == [.undeclaredField: 1, .missingField: 1, .badValue: 2])
        #expect(
            session.examples.first { $0.rule == .undeclaredField }?.message
                == "has field `colour`, which `session` does not declare")
        #expect(session.examples.first { $0.rule == .missingField }?.message == "lacks required field `visits`")
        #expect(
            session.examples.contains { $0.message == "field `visits` is `many`, which is not an integer" })
        #expect(session.examples.contains { $0.message == "field `cell:2` is `x`, which is not an integer" })
        #expect(
            report.pattern("latency")?.examples.first { $0.rule == .tooLong }?.message
                == "holds 6 elements, more than `latency`'s maxLength of 5")
        #expect(
            report.pattern("latency")?.examples.first { $0.rule == .badValue }?.message
                == "element 1 is `fast`, which is not a number")
        #expect(report.pattern("events")?.violations == [.badValue: 1, .undeclaredField: 1, .missingField: 1])
        #expect(report.pattern("team")?.examples.first?.message == "member `admin` does not follow `user:<id:int>`")
        #expect(report.pattern("board")?.violations == [.badValue: 2])
        #expect(
            report.pattern("board")?.examples.contains {
                $0.message == "member `\(Self.uuid)` has score `2.5`, which is not an integer"
            } == true)
        #expect(report.pattern("hits")?.examples.first?.message == "is `forty-two`, which is not an integer")
        #expect(report.summary.errors == 11, "undeclared-field is a warning by default")
        #expect(report.summary.warnings == 2)
        await redis.close()
    }

    @Test func aFractionReadsAboutThatShareOfKeysRepeatably() async throws {
        let redis = try await LiveServer.freshDatabase(59)
        try await redis.run((0..<2000).map { ["SET", "hits:p\($0)", $0 % 10 == 0 ? "x" : "\($0)"] })
        let first = try await deepLint(redis, sample: 0.1)
        let second = try await deepLint(redis, sample: 0.1)
        let read = try #require(first.summary.keysDeepChecked)
        #expect(read > 120 && read < 280, "\(read) of 2000 at 0.1")
        #expect(second.summary.keysDeepChecked == read, "a fixed seed picks the same number of keys")
        let bad = first.summary.violationsByRule[.badValue] ?? 0
        #expect(bad > 0 && bad < read / 3, "about a tenth of the read keys are bad: \(bad) of \(read)")
        await redis.close()
    }

    @Test func bigKeysAreReportedOverTheLimit() async throws {
        let redis = try await LiveServer.freshDatabase(58)
        try await redis.run([
            ["SET", "hits:small", "1"], ["SET", "hits:big", String(repeating: "9", count: 20_000)],
        ])
        let report = try await deepLint(redis, maxKeyBytes: 10_000, checksValues: false)
        #expect(report.summary.violationsByRule == [.bigKey: 1], "the 20 kB counter is not type-checked either")
        let example = try #require(report.pattern("hits")?.examples.first)
        #expect(example.key == "hits:big")
        #expect(example.message.hasSuffix("more than the limit of 10000 bytes"))
        #expect(report.summary.warnings == 1)
        await redis.close()
    }

    @Test func bigValuesAreReadBoundedNeverWhole() async throws {
        let redis = try await LiveServer.freshDatabase(61)
        let elements = (0..<100_000).map { "\($0)" }
        for chunk in stride(from: 0, to: elements.count, by: 5000) {
            let slice = elements[chunk..<min(chunk + 5000, elements.count)]
            try await redis.run([
                ["RPUSH", "latency:huge"] + slice.map { $0 as any RedisArgumentConvertible },
                ["HSET", "session:huge"] + slice.flatMap { ["cell:\($0)", $0] as [any RedisArgumentConvertible] },
            ])
        }
        try await redis.run([["HSET", "session:huge", "userId", "u", "visits", "1"]])
        // A user that may send only what docs/validate.md grants: an HGETALL, HKEYS, SMEMBERS or ZRANGE
        // would be refused (NOPERM) and fail the run.
        let user = "deep-lint-\(UUID().uuidString.prefix(8))"
        try await redis.run([
            [
                "ACL", "SETUSER", user, "reset", "on", ">pw", "~*", "-@all", "+hello", "+auth", "+client|setname",
                "+select",
                "+ping", "+info", "+dbsize", "+scan", "+type", "+pttl", "+hscan", "+hmget", "+llen", "+lrange", "+xlen",
                "+xrevrange", "+sscan", "+zscan", "+strlen", "+getrange", "+memory|usage",
            ]
        ])
        let restricted = try await RedisConnection.connect(
            try RedisConnectionConfiguration(url: "redis://\(user):pw@127.0.0.1:\(LiveServer.port ?? 6379)/61"),
            logger: Logger(label: "test"))
        let clock = ContinuousClock()
        let start = clock.now
        let report = try await deepLint(restricted, maxKeyBytes: 1 << 40)
        #expect(clock.now - start < .seconds(5))
        #expect(report.summary.keysDeepChecked == 2)
        #expect(report.summary.violationsByRule == [.tooLong: 1])
        await restricted.close()
        try await redis.run([["ACL", "DELUSER", user]])
        await redis.close()
    }

    @Test func keysDeletedOrRetypedBeforeTheReadAreSkipped() async throws {
        let redis = try await LiveServer.freshDatabase(60)
        try await redis.run([["SET", "session:now-a-string", "x"]])
        let schema = try testSchema(Self.schemaText)
        let options = DeepOptions()
        let session = try #require(schema.keys.firstIndex { $0.name == "session" })
        let reads = ["session:gone", "session:now-a-string"].map { key in
            DeepRead(key: Array(key.utf8), pattern: session, spec: schema.keys[session], options: options)
        }
        #expect(try await DeepReader.run(reads, on: redis) == [.skipped, .skipped])
        await redis.close()
    }
}
