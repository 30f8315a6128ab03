import Foundation
import Testing

/// `validate --memory` end to end: the binary, as a user holding exactly the ACL docs/validate.md
/// gives for it, against a real redis-server, in every output format. Databases 34 and 38 are this suite's.
@Suite(.enabled(if: TestRedis.port != nil, "set REDIS_SCHEMA_TEST_PORT (run scripts/test)"))
struct MemoryCLITests {
    let cli = CLITests()
    let redis = ValidateCLITests()

    /// What docs/validate.md says `--memory` adds to the ACL.
    static let memoryACL = ["+memory|usage"]

    static let schema = """
        version: 1
        keys:
          hits:
            pattern: hits:<page>
            type: string
            ttl: none
        """

    /// 20 small declared keys and 10 unknown `tmp:<n>` keys of 5 KiB: the unknown shape holds most memory.
    func fill(_ database: Int) throws {
        try redis.redisCLI(database, ["FLUSHDB"])
        let fill = """
            for i=1,20 do redis.call('SET', 'hits:'..i, i) end
            for i=1,10 do redis.call('SET', 'tmp:'..i, string.rep('x', 5120)) end
            """
        try redis.redisCLI(database, ["EVAL", fill, "0"])
    }

    func user(_ permissions: [String]) throws -> String {
        let user = "memory-\(UUID().uuidString.prefix(8))"
        try redis.redisCLI(0, ["ACL", "SETUSER", user, "reset", "on", ">pw", "~*"] + permissions)
        return user
    }

    @Test func memoryReachesEveryFormat() throws {
        try fill(38)
        let user = try user(ValidateCLITests.documentedACL + Self.memoryACL)
        defer { _ = try? redis.redisCLI(0, ["ACL", "DELUSER", user]) }
        let schema = try cli.temporaryFile(Self.schema)
        let url = "redis://\(user):pw@127.0.0.1:\(ValidateCLITests.port!)/38"
        let base = ["validate", "--schema", schema.path, "--url", url, "--memory", "--memory-sample", "1"]
        // The unknown keys are errors (exit 1); --memory changes nothing about the verdict.
        let json = try cli.run(base + ["--format", "json"])
        #expect(json.status == 1, "\(json.stderr)")
        let memory = try #require(try redis.json(json.stdout)["memory"] as? [String: Any])
        #expect(memory["sampleRate"] as? Double == 1)
        #expect(memory["keysSampled"] as? Int == 30)
        #expect(memory["samples"] as? Int == 5)
        let groups = try #require(memory["groups"] as? [[String: Any]])
        #expect(groups.map { $0["name"] as? String } == ["tmp:<n>", "hits"])
        #expect(groups.first?["kind"] as? String == "unknown")
        #expect(groups.first?["exact"] as? Bool == true)
        #expect(groups.first?["keysSeen"] as? Int == 10)
        #expect(((groups.first?["share"] as? Double) ?? 0) > 0.8)
        let largest = try #require(groups.first?["largestKeys"] as? [[String: Any]])
        #expect(largest.count == 5)
        #expect(largest.allSatisfy { ($0["bytes"] as? Int ?? 0) > 5120 })

        let text = try cli.run(base)
        #expect(text.stdout.contains("Memory  ~"), "\(text.stdout)")
        #expect(text.stdout.contains("tmp:<n>") && text.stdout.contains("exact"), "\(text.stdout)")
        #expect(text.stdout.contains("largest keys measured:"), "\(text.stdout)")
        let github = try cli.run(base + ["--format", "github"])
        let notice = github.stdout.split(separator: "\n").first { $0.hasPrefix("::notice title=redis-schema memory::") }
        #expect(notice?.contains("unknown tmp:<n>") == true, "\(github.stdout)")
        let sarif = try cli.run(base + ["--format", "sarif"])
        let log = try redis.json(sarif.stdout)
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let properties = try #require(run["properties"] as? [String: Any])
        #expect((properties["memory"] as? [String: Any])?["keysSampled"] as? Int == 30, "\(sarif.stdout)")
    }

    @Test func withoutTheMemoryPermissionTheMessageNamesIt() throws {
        try fill(34)
        let user = try user(ValidateCLITests.documentedACL)
        defer { _ = try? redis.redisCLI(0, ["ACL", "DELUSER", user]) }
        let schema = try cli.temporaryFile(Self.schema)
        let url = "redis://\(user):pw@127.0.0.1:\(ValidateCLITests.port!)/34"
        let result = try cli.run([
            "validate", "--schema", schema.path, "--url", url, "--memory", "--memory-sample", "1",
        ])
        #expect(result.status == 3, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("+memory|usage"), "\(result.stderr)")
        #expect(result.stderr.contains("MEMORY USAGE"), "\(result.stderr)")
        // The same user without --memory gets the report (exit 1: the unknown keys): the base ACL is enough.
        let plain = try cli.run(["validate", "--schema", schema.path, "--url", url])
        #expect(plain.status == 1, "\(plain.stderr)")
        #expect(plain.stdout.contains("tmp:<n>"), "\(plain.stdout)")
    }

    @Test(arguments: ["nan", "0", "1.5", "-0.1", "inf"])
    func badSampleRatesExit2(rate: String) throws {
        let result = try cli.run(["validate", "--url", "redis://127.0.0.1:1", "--memory", "--memory-sample", rate])
        #expect(result.status == 2, "\(rate): \(result.status) \(result.stderr)")
        #expect(result.stderr.contains("--memory-sample must be in (0, 1]"), "\(rate): \(result.stderr)")
    }
}
