import Foundation
import Testing

/// `validate --deep` end to end: the binary, as a user holding exactly the ACL docs/validate.md gives
/// for deep checks, against a real redis-server. Database 63 is this suite's.
@Suite(.enabled(if: TestRedis.port != nil, "set REDIS_SCHEMA_TEST_PORT (run scripts/test)"))
struct DeepCLITests {
    let cli = CLITests()
    let redis = ValidateCLITests()

    /// What docs/validate.md says `--deep` and `--max-key-bytes` add to the ACL.
    static let deepACL = [
        "+hscan", "+hmget", "+llen", "+lrange", "+xlen", "+xrevrange", "+sscan", "+zscan", "+strlen", "+getrange",
        "+memory|usage",
    ]

    static let schema = """
        version: 1
        keys:
          session:
            pattern: session:<sid>
            type: hash
            ttl: none
            fields:
              userId: string
              "cell:<x:int>": int
          latency:
            pattern: latency:<name>
            type: list
            ttl: none
            element: int
            maxLength: 100
          hits:
            pattern: hits:<page>
            type: string
            ttl: none
            value: counter
        """

    @Test func deepRulesReachEveryFormatAndTheBaseline() throws {
        let user = "deep-\(UUID().uuidString.prefix(8))"
        try redis.redisCLI(
            0, ["ACL", "SETUSER", user, "reset", "on", ">pw", "~*"] + ValidateCLITests.documentedACL + Self.deepACL)
        defer { _ = try? redis.redisCLI(0, ["ACL", "DELUSER", user]) }
        try redis.redisCLI(63, ["FLUSHDB"])
        // 100,000 elements each: a deep read that fetched them whole would be refused (HGETALL) or slow.
        let fill = "for i=1,100000 do redis.call('RPUSH', KEYS[1], i); redis.call('HSET', KEYS[2], 'cell:'..i, i) end"
        try redis.redisCLI(63, ["EVAL", fill, "2", "latency:huge", "session:huge"])
        try redis.redisCLI(63, ["HSET", "session:huge", "userId", "u"])
        try redis.redisCLI(63, ["SET", "hits:a", "1"])
        try redis.redisCLI(63, ["SET", "hits:b", "lots"])
        let schema = try cli.temporaryFile(Self.schema)
        let url = "redis://\(user):pw@127.0.0.1:\(ValidateCLITests.port!)/63"
        let base = ["validate", "--schema", schema.path, "--url", url, "--deep", "--deep-sample", "1"]

        let json = try cli.run(base + ["--max-key-bytes", "100000", "--format", "json"])
        #expect(json.status == 1, "\(json.stderr)")
        let report = try redis.json(json.stdout)
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["keysDeepChecked"] as? Int == 4)
        #expect(summary["deepSampleRate"] as? Double == 1)
        let byRule = try #require(summary["violationsByRule"] as? [String: Int])
        #expect(byRule == ["too-long": 1, "bad-value": 1, "big-key": 2])
        let rules = try #require(report["rules"] as? [[String: Any]])
        #expect(rules.first { $0["id"] as? String == "big-key" }?["severity"] as? String == "warning")

        let text = try cli.run(base)
        #expect(text.stdout.contains("too-long"), "\(text.stdout)")
        #expect(text.stdout.contains("holds 100000 elements, more than `latency`'s maxLength of 100"))
        let github = try cli.run(base + ["--format", "github"])
        #expect(github.stdout.contains("bad-value"), "\(github.stdout)")
        let sarif = try cli.run(base + ["--format", "sarif"])
        #expect(sarif.stdout.contains("\"ruleId\" : \"too-long\"") || sarif.stdout.contains("\"ruleId\":\"too-long\""))

        let baseline = FileManager.default.temporaryDirectory.appendingPathComponent("deep-\(user).json")
        defer { try? FileManager.default.removeItem(at: baseline) }
        let write = try cli.run(base + ["--write-baseline", baseline.path])
        #expect(write.status == 1, "\(write.stderr)")
        let recorded = try String(contentsOf: baseline, encoding: .utf8)
        #expect(recorded.contains("too-long") && recorded.contains("bad-value"))
        let accepted = try cli.run(base + ["--baseline", baseline.path])
        #expect(accepted.status == 0, "\(accepted.stdout)\(accepted.stderr)")
    }

    @Test func withoutDeepTheSameKeysPass() throws {
        try redis.redisCLI(62, ["FLUSHDB"])
        try redis.redisCLI(62, ["SET", "hits:b", "lots"])
        let schema = try cli.temporaryFile(Self.schema)
        let result = try cli.run(["validate", "--schema", schema.path, "--url", ValidateCLITests.url(62)])
        #expect(result.status == 0, "\(result.stdout)")
        let deep = try cli.run(["validate", "--schema", schema.path, "--url", ValidateCLITests.url(62), "--deep"])
        #expect(deep.status == 0, "1 key at the default 0.01 is not read: \(deep.stdout)")
        let all = try cli.run([
            "validate", "--schema", schema.path, "--url", ValidateCLITests.url(62), "--deep", "--deep-sample", "1",
        ])
        #expect(all.status == 1, "\(all.stdout)")
        #expect(all.stdout.contains("is `lots`, which is not an integer"), "\(all.stdout)")
    }
}
