import Foundation
import Testing

/// `validate` runs that cover less than they seem to, keys that could blow up memory, and baselines
/// that must stay exact: end to end against the redis-servers scripts/test starts.
@Suite(.enabled(if: TestRedis.port != nil, "set REDIS_SCHEMA_TEST_PORT (run scripts/test)"))
struct PartialRunCLITests {
    let live = ValidateCLITests()
    var cli: CLITests { live.cli }

    func summary(_ text: String) throws -> [String: Any] {
        try #require(try live.json(text)["summary"] as? [String: Any])
    }

    /// `n` stray keys `prefix<i>x`, each its own shape (the trailing letter keeps `<n>` from merging them).
    func strayShapes(_ database: Int, _ n: Int, prefix: String) throws {
        try live.redisCLI(
            database,
            [
                "EVAL", "for i=1,tonumber(ARGV[1]) do redis.call('SET', ARGV[2]..i..'x', 'v') end", "0", "\(n)", prefix,
            ])
    }

    @Test func aSampleThatChecksNothingIsIncompleteAndStillCountsUnknownKeys() throws {
        try live.redisCLI(50, ["FLUSHDB"])
        try live.redisCLI(50, ["DEBUG", "POPULATE", "2000", "stray"])
        let result = try cli.run([
            "validate", "--url", ValidateCLITests.url(50), "--format", "json", "--sample", "0.0000001",
        ])
        #expect(result.status == 4, "\(result.stderr)")
        #expect(result.stderr.contains("no key had its TYPE and TTL checked"))
        let summary = try summary(result.stdout)
        #expect(summary["keysChecked"] as? Int == 0)
        #expect(summary["keysUnknown"] as? Int == 2000, "unknown-key needs only the name: every scanned key counts")
        #expect((summary["partialReasons"] as? [String]) == ["sampled", "nothing-checked"])
        for format in ["text", "github", "sarif"] {
            let other = try cli.run([
                "validate", "--url", ValidateCLITests.url(50), "--format", format, "--sample", "0.0000001",
            ])
            #expect(other.status == 4)
            #expect(
                other.stdout.contains("nothing-checked") || other.stdout.contains("no key had its TYPE"), "\(format)")
        }
    }

    @Test func aResumedRunIsNeverComplete() throws {
        try live.redisCLI(51, ["FLUSHDB"])
        try live.redisCLI(51, ["DEBUG", "POPULATE", "3000", "exp_score"])
        let reply = try live.redisCLI(51, ["SCAN", "0", "COUNT", "1000"])
        let cursor = try #require(reply.split(separator: "\n").first.map(String.init))
        #expect(cursor != "0")
        let result = try cli.run([
            "validate", "--url", ValidateCLITests.url(51), "--format", "json", "--cursor", cursor, "--warn",
            "missing-ttl",
        ])
        #expect(result.status == 0, "a resume covers what it claims: \(result.stderr)")
        let summary = try summary(result.stdout)
        #expect(summary["complete"] as? Bool == false)
        #expect(summary["startCursor"] as? String == cursor)
        #expect((summary["partialReasons"] as? [String]) == ["resumed"])
        #expect((summary["keysScanned"] as? Int ?? 0) < 3000)
        let text = try cli.run([
            "validate", "--url", ValidateCLITests.url(51), "--cursor", cursor, "--warn", "missing-ttl",
        ])
        #expect(text.stdout.contains("partial: resumed from a cursor"))
    }

    /// Keys of 200 KB: what the report keeps of each is a 256-byte excerpt and the length.
    @Test func hugeKeysAreStoredAsExcerpts() throws {
        try live.redisCLI(52, ["FLUSHDB"])
        try live.redisCLI(
            52,
            [
                "EVAL", "for i=1,40 do redis.call('SET', 'big'..i..'x:'..string.rep('y', 200000), 'v') end", "0",
            ])
        let result = try cli.run([
            "validate", "--url", ValidateCLITests.url(52), "--format", "json", "--examples", "40",
        ])
        #expect(result.status == 1)
        #expect(result.stdout.utf8.count < 100_000, "the report holds excerpts, not 8 MB of keys")
        let unknown = try #require(try live.json(result.stdout)["unknownKeys"] as? [String: Any])
        let shapes = try #require(unknown["shapes"] as? [[String: Any]])
        #expect(shapes.count == 40)
        for shape in shapes {
            let example = try #require(shape["example"] as? String)
            #expect(example.hasSuffix(" bytes)") && example.contains("…(2000"), "\(example.suffix(30))")
            #expect(example.utf8.count < 300)
        }
        let text = try cli.run(["validate", "--url", ValidateCLITests.url(52)])
        let longest = text.stdout.split(separator: "\n").map(\.count).max() ?? 0
        #expect(longest < 200, "the text report cuts long cells")
    }

    @Test func aBaselineRecordsEveryShapeAndAcceptsNoOtherKind() throws {
        try live.redisCLI(53, ["FLUSHDB"])
        try strayShapes(53, 1100, prefix: "stray")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).json").path
        #expect(try cli.run(["validate", "--url", ValidateCLITests.url(53), "--write-baseline", file]).status == 1)
        let written = try String(contentsOfFile: file, encoding: .utf8)
        #expect(!written.contains("<other shapes>"))
        #expect(written.components(separatedBy: "\"unknown-key\"").count - 1 == 1100)
        let same = try cli.run(["validate", "--url", ValidateCLITests.url(53), "--baseline", file])
        #expect(same.status == 0, "\(same.stdout.suffix(400))")
        try live.redisCLI(53, ["SET", "brandnew:kind", "v"])
        let drift = try cli.run(["validate", "--url", ValidateCLITests.url(53), "--baseline", file, "--format", "json"])
        #expect(drift.status == 1, "a new kind of stray key is not baselined")
        #expect(try summary(drift.stdout)["errors"] as? Int == 1)
    }

    @Test func anOldBaselineBucketAcceptsNothing() throws {
        try live.redisCLI(54, ["FLUSHDB"])
        try live.redisCLI(54, ["SET", "stray:kind", "v"])
        let file = try cli.temporaryFile(
            #"{"baselineVersion": 1, "schema": "schema.yaml", "entries": [{"rule": "unknown-key", "shape": "<other shapes>", "count": 9}]}"#,
            name: "baseline.json")
        let result = try cli.run(["validate", "--url", ValidateCLITests.url(54), "--baseline", file.path])
        #expect(result.status == 1)
    }

    @Test func tooManyShapesForAnExactBaselineIsRefused() throws {
        try live.redisCLI(55, ["FLUSHDB"])
        try strayShapes(55, 20_001, prefix: "s")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).json").path
        let result = try cli.run(["validate", "--url", ValidateCLITests.url(55), "--write-baseline", file])
        #expect(result.status == 2)
        #expect(result.stderr.contains("more than 20000 shapes"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: file))
        try live.redisCLI(55, ["FLUSHDB"])
    }

    @Test func aUserWithoutKeyPermissionIsToldItIsAKeyPermission() throws {
        let user = "keys-\(UUID().uuidString.prefix(8))"
        try live.redisCLI(
            0, ["ACL", "SETUSER", user, "reset", "on", ">pw", "~session:*"] + ValidateCLITests.documentedACL)
        defer { _ = try? live.redisCLI(0, ["ACL", "DELUSER", user]) }
        try live.redisCLI(56, ["FLUSHDB"])
        try live.redisCLI(56, ["SET", "other:1", "v"])
        let result = try cli.run(["validate", "--url", "redis://\(user):pw@127.0.0.1:\(TestRedis.port!)/56"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("key permission"), "\(result.stderr)")
        #expect(!result.stderr.contains("+type"), "\(result.stderr)")
    }
}
