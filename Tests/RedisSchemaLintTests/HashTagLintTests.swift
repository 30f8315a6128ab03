import RedisSchema
import RedisSchemaCore
import RedisSchemaLint
import Testing

/// `validate` on keys of a hash-tagged pattern: a key whose placeholder value moves the tag, so that Redis
/// hashes other bytes than the pattern's tag, is a `bad-param` that says why.
@Suite(.enabled(if: LiveServer.isAvailable, LiveServer.skipMessage))
struct HashTagLintTests {
    @Test func aKeyWhoseValueMovesTheHashTagIsABadParam() async throws {
        let redis = try await LiveServer.freshDatabase(56)
        try await redis.run([
            ["SET", "session:{s1}:events", "x"], ["SET", "session:{a}b}:events", "x"],
            ["SET", "session:{a{b}:events", "x"],
        ])
        let schema = try testSchema(
            """
            version: 1
            keys:
              events:
                pattern: "session:{<sid>}:events"
                type: string
                ttl: none
            """)
        let report = try await lint(schema, on: redis).report
        let events = try #require(report.pattern("events"))
        #expect(events.keys == 3)
        #expect(events.violations[.badParam] == 1)
        #expect(
            events.examples.map(\.message) == [
                "`<sid>` is `a}b`, which contains `}`: it would close the hash tag `{<sid>}` early, so Redis Cluster "
                    + "would hash other bytes (pattern `session:{<sid>}:events`)"
            ])
        await redis.close()
    }
}
