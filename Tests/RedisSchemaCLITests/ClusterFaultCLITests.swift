import Foundation
import RedisSchema
import Testing

/// Cluster scans while the cluster changes under them: a slot mid-migration, a primary killed
/// mid-scan. Each test starts a cluster of its own, since it changes it.
@Suite(.enabled(if: TestRedis.port != nil, "set REDIS_SCHEMA_TEST_PORT (run scripts/test)"))
struct ClusterFaultCLITests {
    let live = ValidateCLITests()

    static func goodKeys(_ count: Int) -> [[String]] {
        (0..<count).map { ["SET", "exp_score:\($0)", "78", "EX", "1800"] }
    }

    /// Keys in one slot that `exp_score:<n>` keys land in, beside the keyspace `goodKeys` fills.
    static func keys(inSlot slot: Int, count: Int) -> [String] {
        var keys: [String] = []
        var index = 1_000_000
        while keys.count < count {
            let key = "exp_score:\(index)"
            if RedisHashSlot.slot(of: key) == slot { keys.append(key) }
            index += 1
        }
        return keys
    }

    @Test func keysMidMigrationAreFollowedThroughMovedAndAskAndCountedOnce() throws {
        let cluster = try TestCluster.start()
        defer { cluster.stop() }
        let primaries = try cluster.primaries()
        let (source, target) = (primaries[0], primaries[1])
        let slot = 1234
        #expect(source.slots.contains { $0.contains(slot) })
        let moving = Self.keys(inSlot: slot, count: 60)
        try cluster.load(Self.goodKeys(9_000) + moving.map { ["SET", $0, "78", "EX", "1800"] })
        let total = try cluster.keyCount()
        // The slot is being migrated from `source` to `target`, and half its keys have gone: `target`
        // lists them in SCAN but answers TYPE with MOVED (it does not own the slot yet), and `source`
        // then answers ASK (they have left it).
        try TestCluster.redisCLI(["-p", "\(target.port)", "CLUSTER", "SETSLOT", "\(slot)", "IMPORTING", source.id])
        try TestCluster.redisCLI(["-p", "\(source.port)", "CLUSTER", "SETSLOT", "\(slot)", "MIGRATING", target.id])
        let migrated = Array(moving.prefix(30))
        let reply = try TestCluster.redisCLI(
            ["-p", "\(source.port)", "MIGRATE", "127.0.0.1", "\(target.port)", "", "0", "5000", "KEYS"] + migrated)
        #expect(reply.contains("OK"), "\(reply)")
        #expect(try TestCluster.redisCLI(["-p", "\(target.port)", "TYPE", migrated[0]]).hasPrefix("MOVED"))
        #expect(try TestCluster.redisCLI(["-p", "\(source.port)", "TYPE", migrated[0]]).hasPrefix("ASK"))
        #expect(try cluster.keyCount() == total)
        let askingBefore = try ClusterValidateCLITests.commandCalls("asking", port: target.port)
        for replicas in [false, true] {
            let run = try live.cli.run(
                ["validate", "--url", "redis://127.0.0.1:\(source.port)/0", "--format", "json", "--no-progress"]
                    + (replicas ? ["--replicas"] : []))
            #expect(run.status == 0, "\(run.stderr)")
            let summary = try #require(try live.json(run.stdout)["summary"] as? [String: Any])
            #expect(summary["keysScanned"] as? Int == total)
            #expect(summary["keysChecked"] as? Int == total)
            #expect(summary["keysExpired"] as? Int == 0)
            #expect(summary["errors"] as? Int == 0)
            #expect(summary["complete"] as? Bool == true)
        }
        // TYPE and PTTL of each migrated key, retried after ASKING on the importing node, in both runs.
        let asking = try ClusterValidateCLITests.commandCalls("asking", port: target.port) - askingBefore
        #expect(asking == migrated.count * 2 * 2)
    }

    @Test func aPrimaryKilledMidScanIsNamedWithTheFailoverAndResumable() throws {
        let cluster = try TestCluster.start()
        defer { cluster.stop() }
        try cluster.load(Self.goodKeys(30_000))
        try cluster.waitForReplicas()
        let primaries = try cluster.primaries()
        let victim = primaries[2]
        let heir = try #require(try cluster.replicas().first { $0.primaryID == victim.id })
        let victimKeys = try ClusterValidateCLITests.dbsize(victim.port)
        // Slow enough (each node about 3 s) that the kill lands mid-scan; retrying long enough that
        // the replica has taken over when the scan gives up on the node.
        let background = try BackgroundRun([
            "validate", "--url", "redis://127.0.0.1:\(primaries[0].port)/0", "--format", "json", "--no-progress",
            "--rate", "3000", "--count", "100", "--retry-for", "6",
        ])
        Thread.sleep(forTimeInterval: 1.2)
        let server = try #require(cluster.servers.first { $0.port == victim.port })
        server.stop()
        let run = background.finish()
        #expect(run.status == 4, "\(run.stderr)")
        let json = try live.json(run.stdout)
        let summary = try #require(json["summary"] as? [String: Any])
        #expect((summary["partialReasons"] as? [String]) == ["node-failed"])
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        #expect(nodes.map { $0["status"] as? String } == ["complete", "complete", "failed"])
        let lost = nodes[2]
        let lostKeys = try #require(lost["keysScanned"] as? Int)
        #expect(lostKeys > 0 && lostKeys < victimKeys, "\(lost)")
        let note = try #require(lost["note"] as? String)
        #expect(note.contains("now served by 127.0.0.1:\(heir.port) (a failover)"), "\(note)")
        #expect(note.contains("lost at cursor \(lost["resumeCursor"] as? String ?? "?")"))
        let others = try primaries.prefix(2).map { try ClusterValidateCLITests.dbsize($0.port) }
        #expect(summary["keysScanned"] as? Int == others.reduce(0, +) + lostKeys)
        let token = try #require(summary["resumeCursor"] as? String)
        #expect(run.stderr.contains("resume with: --cursor \(token)"))
        #expect(token.hasPrefix("slots:0-5460=done,5461-10922=done,10923-16383="))

        // Resumed: the other shards are done; the lost one is read again from the start on its new
        // primary, since the old primary's cursor means nothing there.
        try cluster.waitUntilHealthy(nodeCount: 5, running: cluster.ports.filter { $0 != victim.port })
        let resumed = try live.cli.run(
            ["validate", "--url", "redis://127.0.0.1:\(primaries[0].port)/0", "--format", "json", "--cursor", token])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let again = try live.json(resumed.stdout)
        let againNodes = try #require(again["nodes"] as? [[String: Any]])
        #expect(againNodes.map { $0["status"] as? String } == ["skipped", "skipped", "complete"])
        #expect(againNodes[2]["address"] as? String == "127.0.0.1:\(heir.port)")
        #expect((againNodes[2]["note"] as? String)?.contains("scanned from the start") == true)
        let againSummary = try #require(again["summary"] as? [String: Any])
        #expect(againSummary["keysScanned"] as? Int == (try ClusterValidateCLITests.dbsize(heir.port)))
    }
}
