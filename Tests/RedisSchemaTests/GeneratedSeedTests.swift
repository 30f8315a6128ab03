import Foundation
import RedisSchema
import Testing

/// The seed schema's generated code (from this target's redis-schema.yaml, via the build plugin) sends
/// exactly the commands the issue specifies, with TTLs and trims in the same round trip.
@Suite struct GeneratedSeedTests {
    @Test func sessionWritesTheHashAndItsTTLInOneGuardedCall() async throws {
        let redis = RecordingClient()
        let session = try UXKeys.Session(sid: "12345")
        #expect(session.key == "session:12345")
        try await session.set(
            .init(userId: "u-1", device: "Android", startedAt: Date(timeIntervalSince1970: 1_765_534_920)), on: redis)
        #expect(
            await redis.pipelines == [
                [
                    "guard hash on session:12345",
                    "HSET session:12345 userId u-1 device Android startedAt 2025-12-12T10:22:00Z",
                    "EXPIRE session:12345 3600",
                ]
            ])
    }

    @Test func sessionReadsTypedFields() async throws {
        let reply = RESPValue.array(
            ["userId", "u-1", "device", "Android", "startedAt", "2025-12-12T10:22:00Z"].map {
                .bulkString(Array($0.utf8))
            })
        let redis = RecordingClient(replies: [[reply], [.array([])]])
        let state = try await UXKeys.Session(sid: "12345").get(on: redis)
        #expect(state == .init(userId: "u-1", device: "Android", startedAt: Date(timeIntervalSince1970: 1_765_534_920)))
        #expect(try await UXKeys.Session(sid: "gone").get(on: redis) == nil)
    }

    @Test func aFieldOfTheWrongShapeNamesKeyFieldAndType() async throws {
        let reply = RESPValue.array(
            ["userId", "u-1", "device", "Android", "startedAt", "yesterday"].map { .bulkString(Array($0.utf8)) })
        let redis = RecordingClient(replies: [[reply]])
        await #expect(
            throws: RedisSchemaError.wrongValueType(
                key: "session:1", field: "startedAt", expected: "an ISO 8601 datetime", value: "yesterday")
        ) {
            try await UXKeys.Session(sid: "1").get(on: redis)
        }
    }

    @Test func injectionIsRefused() {
        #expect(throws: RedisSchemaError.self) { try UXKeys.Session(sid: "live:1") }
        #expect(throws: RedisSchemaError.self) { try UXKeys.Session(sid: "") }
        #expect(throws: RedisSchemaError.self) { try UXKeys.ActiveUsers.Member(userId: "a:b") }
    }

    @Test func everySeedOperationSendsItsCommands() async throws {
        let redis = RecordingClient()
        try await UXKeys.SessionLive(sid: "12345").add(
            .init(type: "click", x: 190, y: 240, ts: 1_700_000_000), on: redis)
        try await UXKeys.ActiveUsers().add(userId: "uuid123", score: 1_700_000_000, on: redis)
        try await UXKeys.Rage(sid: "12345", element: "btn-login").increment(on: redis)
        try await UXKeys.Heatmap(screen: "Home").increment(x: 120, y: 330, by: 1, on: redis)
        try await UXKeys.Latency(api: "/api/login").push(320, on: redis)
        try await UXKeys.ExpScore(sid: "12345").set(78, on: redis)
        try await UXKeys.ReplayQueue().push("chunk-1", on: redis)
        #expect(
            await redis.pipelines == [
                [
                    "guard stream on session:live:12345",
                    "XADD session:live:12345 * type click x 190 y 240 ts 1700000000", "EXPIRE session:live:12345 86400",
                ],
                ["guard zset on active_users", "ZADD active_users 1700000000 user:uuid123"],
                [
                    "guard string on rage:12345:btn-login", "INCRBY rage:12345:btn-login 1",
                    "EXPIRE rage:12345:btn-login 300",
                ],
                ["guard hash on heatmap:Home", "HINCRBY heatmap:Home 120_330 1"],
                [
                    "guard list on latency:/api/login", "LPUSH latency:/api/login 320", "LTRIM latency:/api/login 0 99",
                    "EXPIRE latency:/api/login 604800",
                ],
                ["guard string on exp_score:12345", "SET exp_score:12345 78.0 EX 1800"],
                ["guard list on replay_queue", "LPUSH replay_queue chunk-1"],
            ])
    }

    @Test func countersOnlyIncrement() async throws {
        let redis = RecordingClient()
        await #expect(throws: RedisSchemaError.self) {
            try await UXKeys.Rage(sid: "1", element: "b").increment(by: -1, on: redis)
        }
        #expect(await redis.pipelines.isEmpty)
    }

    @Test func sortedSetReadsDecodeMembersAndScores() async throws {
        let strings = { (values: [String]) in RESPValue.array(values.map { .bulkString(Array($0.utf8)) }) }
        let redis = RecordingClient(replies: [
            [strings(["user:a", "1700000000", "user:b", "1700000005"])],
            [.array([.array([.bulkString(Array("user:c".utf8)), .double(1_700_000_009)])])],
            [.bulkString(Array("1700000000".utf8))],
            [strings(["intruder"])],
        ])
        let users = UXKeys.ActiveUsers()
        let range = try await users.range(on: redis)
        #expect(range.map(\.member.userId) == ["a", "b"])
        #expect(range.map(\.score) == [1_700_000_000, 1_700_000_005])
        #expect(try await users.range(on: redis).map(\.member.userId) == ["c"])  // RESP3 pairs
        #expect(try await users.score(userId: "a", on: redis) == 1_700_000_000)
        await #expect(throws: RedisSchemaError.self) { try await users.members(on: redis) }
    }

    @Test func metadataAndEscapeHatch() async throws {
        #expect(UXKeys.Rage.pattern == "rage:<sid>:<element>")
        #expect(UXKeys.Rage.redisType == .string)
        #expect(UXKeys.Rage.ttl == .milliseconds(300_000))
        #expect(UXKeys.Heatmap.ttl == .none)
        let redis = RecordingClient()
        try await UXKeys.Session(sid: "1").send("HSTRLEN", "device", on: redis)
        #expect(await redis.pipelines == [["HSTRLEN session:1 device"]])
    }
}
