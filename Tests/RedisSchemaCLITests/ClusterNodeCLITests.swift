import Foundation
import Testing

/// A Redis Cluster node holds only its slots' keys: until validate scans whole clusters, a report
/// from one node must say so and fail as incomplete, never look like a full scan.
@Suite(.enabled(if: TestRedis.port != nil, "set REDIS_SCHEMA_TEST_PORT (run scripts/test)"))
struct ClusterNodeCLITests {
    let live = ValidateCLITests()

    @Test func aClusterNodeIsReportedAsPartialAndExits4() throws {
        let server = try ThrowawayRedis(["--cluster-enabled", "yes"])
        defer { server.stop() }
        let port = server.port
        try live.redisCLI(0, ["CLUSTER", "ADDSLOTSRANGE", "0", "16383"], port: port)
        for _ in 0..<50 {
            if try live.redisCLI(0, ["CLUSTER", "INFO"], port: port).contains("cluster_state:ok") { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        try live.redisCLI(0, ["SET", "exp_score:1", "78", "EX", "1800"], port: port)
        let url = "redis://127.0.0.1:\(port)/0"
        let json = try live.cli.run(["validate", "--url", url, "--format", "json"])
        #expect(json.status == 4, "\(json.stderr)")
        #expect(json.stderr.contains("Redis Cluster node"), "\(json.stderr)")
        let summary = try #require(try live.json(json.stdout)["summary"] as? [String: Any])
        #expect(summary["complete"] as? Bool == false)
        #expect((summary["partialReasons"] as? [String]) == ["cluster-node"])
        let text = try live.cli.run(["validate", "--url", url])
        #expect(text.status == 4)
        #expect(text.stdout.contains("only this node's keys were scanned"))
        let github = try live.cli.run(["validate", "--url", url, "--format", "github"])
        #expect(github.stdout.contains("::error title=redis-schema partial run (cluster-node)::"))
        let sarif = try live.cli.run(["validate", "--url", url, "--format", "sarif"])
        let run = try #require((try live.json(sarif.stdout)["runs"] as? [[String: Any]])?.first)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
    }
}
