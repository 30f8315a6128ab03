import Foundation
import Testing

/// A seed that is a Redis Cluster node leads to a scan of the whole cluster; only when the topology
/// cannot be read is the node scanned alone, and then the report says so and fails as incomplete.
@Suite(.enabled(if: TestRedis.port != nil, "set REDIS_SCHEMA_TEST_PORT (run scripts/test)"))
struct ClusterNodeCLITests {
    let live = ValidateCLITests()

    /// A one-node cluster serving every slot, with one good key.
    func oneNodeCluster() throws -> ThrowawayRedis {
        let server = try ThrowawayRedis(["--cluster-enabled", "yes"])
        let port = server.port
        try live.redisCLI(0, ["CLUSTER", "ADDSLOTSRANGE", "0", "16383"], port: port)
        for _ in 0..<50 {
            if try live.redisCLI(0, ["CLUSTER", "INFO"], port: port).contains("cluster_state:ok") { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        try live.redisCLI(0, ["SET", "exp_score:1", "78", "EX", "1800"], port: port)
        return server
    }

    @Test func aClusterNodeSeedScansTheCluster() throws {
        let server = try oneNodeCluster()
        defer { server.stop() }
        let json = try live.cli.run(["validate", "--url", "redis://127.0.0.1:\(server.port)/0", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let report = try live.json(json.stdout)
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["complete"] as? Bool == true)
        #expect(summary["keysScanned"] as? Int == 1)
        let nodes = try #require(report["nodes"] as? [[String: Any]])
        #expect(nodes.map { $0["slots"] as? String } == ["0-16383"])
        #expect(nodes.first?["address"] as? String == "127.0.0.1:\(server.port)")
    }

    @Test func aClusterNodeWhoseTopologyCannotBeReadIsReportedAsPartialAndExits4() throws {
        let server = try oneNodeCluster()
        defer { server.stop() }
        let port = server.port
        // The user may read keys but not CLUSTER SHARDS or CLUSTER SLOTS.
        try live.redisCLI(0, ["ACL", "SETUSER", "lint", "on", ">pw", "~*", "+@all", "-cluster"], port: port)
        let url = "redis://lint:pw@127.0.0.1:\(port)/0"
        let json = try live.cli.run(["validate", "--url", url, "--format", "json"])
        #expect(json.status == 4, "\(json.stderr)")
        #expect(json.stderr.contains("is a Redis Cluster node but its topology could not be read"), "\(json.stderr)")
        #expect(json.stderr.contains("grant +cluster|shards or +cluster|slots"), "\(json.stderr)")
        let report = try live.json(json.stdout)
        #expect(report["nodes"] == nil)
        let summary = try #require(report["summary"] as? [String: Any])
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
