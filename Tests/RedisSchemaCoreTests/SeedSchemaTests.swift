import RedisSchema
import Testing

@testable import RedisSchemaCore

/// The repository's `schema.yaml` is the seed keyspace; these pin it to the design note.
@Suite struct SeedSchemaTests {
    @Test func loadsWithoutDiagnostics() throws {
        let result = try SchemaLoader.load(contentsOf: TestFiles.seedSchema)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.schema != nil)
    }

    @Test func declaresTheEightSeedKeys() throws {
        let schema = try #require(try SchemaLoader.load(contentsOf: TestFiles.seedSchema).schema)
        let expected: [(String, String, RedisKeyType, String)] = [
            ("session", "session:<sid>", .hash, "1 hour"),
            ("sessionLive", "session:live:<sid>", .stream, "24 hours"),
            ("activeUsers", "active_users", .zset, "none"),
            ("rage", "rage:<sid>:<element>", .string, "5 min"),
            ("heatmap", "heatmap:<screen>", .hash, "none"),
            ("latency", "latency:<api>", .list, "7 days"),
            ("expScore", "exp_score:<sid>", .string, "30 min"),
            ("replayQueue", "replay_queue", .list, "none"),
        ]
        #expect(schema.keys.map(\.name) == expected.map(\.0))
        for (key, (_, pattern, type, ttl)) in zip(schema.keys, expected) {
            #expect(key.pattern.source == pattern)
            #expect(key.type == type)
            #expect(key.ttlText == ttl)
        }
        #expect(schema.namespace == "UXKeys")
        #expect(schema.key(named: "session")?.ttl.seconds == 3600)
        #expect(schema.key(named: "sessionLive")?.ttl.seconds == 86_400)
        #expect(schema.key(named: "rage")?.ttl.seconds == 300)
        #expect(schema.key(named: "latency")?.value == .list(ListSpec(element: .int, maxLength: 100)))
        #expect(schema.key(named: "rage")?.value == .string(.counter))
    }

    /// Every key the design note's usage examples write belongs to the intended spec.
    @Test func matchesTheUsageExampleKeys() throws {
        let schema = try #require(try SchemaLoader.load(contentsOf: TestFiles.seedSchema).schema)
        let matcher = schema.makeMatcher()
        let examples = [
            ("session:12345", "session"), ("session:live:12345", "sessionLive"), ("active_users", "activeUsers"),
            ("rage:12345:btn-login", "rage"), ("heatmap:Home", "heatmap"), ("latency:/api/login", "latency"),
            ("exp_score:12345", "expScore"), ("replay_queue", "replayQueue"),
        ]
        for (key, name) in examples {
            guard case .matched(let index) = matcher.match(Array(key.utf8)) else {
                Issue.record("`\(key)` matched nothing")
                continue
            }
            #expect(schema.keys[index].name == name, "`\(key)`")
        }
        let heatmap = try #require(schema.key(named: "heatmap"))
        guard case .hash(let heatmapHash) = heatmap.value, case .pattern(let field) = heatmapHash.fields.first?.name
        else {
            Issue.record("heatmap has no field pattern")
            return
        }
        #expect(field.matches("120_330"))
        #expect(!field.matches("120_x"))
        guard case .zset(let activeUsers)? = schema.key(named: "activeUsers")?.value,
            case .pattern(let member) = activeUsers.member
        else {
            Issue.record("activeUsers has no member pattern")
            return
        }
        #expect(try member.render(["uuid123"]) == "user:uuid123")
    }
}
