import Foundation
import Testing

/// The keys every read-only cluster test scans, planted once on the shared cluster: seed-shaped keys
/// across all slots, each written to the primary that owns it, plus known violations.
struct SeededCluster: Sendable {
    static let goodStrings = 20_000
    static let goodHashes = 2_000
    static let unknown = 40
    static let missingTTL = 25
    static let wrongType = 15
    static let total = goodStrings + goodHashes + unknown + missingTTL + wrongType

    let cluster: TestCluster

    static let shared: Result<SeededCluster, any Error> = Result {
        let cluster = try TestCluster.shared.get()
        try cluster.load(commands())
        try cluster.waitForReplicas()
        return SeededCluster(cluster: cluster)
    }

    static func commands() -> [[String]] {
        var commands: [[String]] = []
        for index in 0..<goodStrings { commands.append(["SET", "exp_score:\(index)", "78", "EX", "1800"]) }
        for index in 0..<goodHashes { commands.append(["HSET", "heatmap:screen\(index)", "x", "1"]) }
        for index in 0..<unknown { commands.append(["SET", "tmp:foo:\(index)", "x"]) }
        for index in 0..<missingTTL { commands.append(["SET", "rage:s\(index):btn", "3"]) }
        for index in 0..<wrongType { commands.append(["SET", "session:s\(index)", "x", "EX", "600"]) }
        return commands
    }
}

/// `validate` pointed at any node of a real 3-primary, 3-replica cluster scans every shard.
@Suite(.enabled(if: TestRedis.port != nil, "set REDIS_SCHEMA_TEST_PORT (run scripts/test)"))
struct ClusterValidateCLITests {
    let live = ValidateCLITests()

    func report(_ arguments: [String]) throws -> (run: CLITests.Run, json: [String: Any]) {
        let run = try live.cli.run(["validate", "--format", "json", "--no-progress"] + arguments)
        return (run, try live.json(run.stdout))
    }

    static func dbsize(_ port: Int) throws -> Int {
        Int(try TestCluster.redisCLI(["-p", "\(port)", "DBSIZE"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    static func commandCalls(_ command: String, port: Int) throws -> Int {
        let stats = try TestCluster.redisCLI(["-p", "\(port)", "INFO", "commandstats"])
        guard let line = stats.split(whereSeparator: \.isNewline).first(where: { $0.hasPrefix("cmdstat_\(command):") }),
            let calls = line.split(separator: "=").dropFirst().first?.split(separator: ",").first
        else { return 0 }
        return Int(calls) ?? 0
    }

    @Test func everyNodeAsSeedGivesTheClustersExactCounts() throws {
        let cluster = try SeededCluster.shared.get().cluster
        let primaries = try cluster.primaries()
        let independent = try cluster.keyCount()
        #expect(independent == SeededCluster.total)
        for port in cluster.ports {
            let (run, json) = try report(["--url", "redis://127.0.0.1:\(port)/0"])
            #expect(run.status == 1, "seed \(port): \(run.stderr)")
            let summary = try #require(json["summary"] as? [String: Any])
            #expect(summary["keysScanned"] as? Int == independent, "seed \(port)")
            #expect(summary["keysChecked"] as? Int == independent)
            #expect(summary["complete"] as? Bool == true)
            #expect((summary["partialReasons"] as? [String]) == [])
            #expect(summary["databaseSize"] as? Int == independent)
            let byRule = try #require(summary["violationsByRule"] as? [String: Int])
            #expect(byRule["unknown-key"] == SeededCluster.unknown)
            #expect(byRule["missing-ttl"] == SeededCluster.missingTTL)
            #expect(byRule["wrong-type"] == SeededCluster.wrongType)
            let nodes = try #require(json["nodes"] as? [[String: Any]])
            #expect(nodes.map { $0["address"] as? String } == primaries.map { "127.0.0.1:\($0.port)" })
            for (node, primary) in zip(nodes, primaries) {
                #expect(node["role"] as? String == "primary")
                #expect(node["status"] as? String == "complete")
                #expect(node["id"] as? String == primary.id)
                #expect(node["keysScanned"] as? Int == (try Self.dbsize(primary.port)))
            }
            #expect(nodes.map { $0["slots"] as? String } == ["0-5460", "5461-10922", "10923-16383"])
        }
    }

    @Test func replicasAreScannedInsteadOfPrimaries() throws {
        let cluster = try SeededCluster.shared.get().cluster
        let primaries = try cluster.primaries()
        let replicas = try cluster.replicas()
        let scansBefore = try primaries.map { try Self.commandCalls("scan", port: $0.port) }
        let (run, json) = try report(["--url", "redis://127.0.0.1:\(primaries[0].port)/0", "--replicas"])
        #expect(run.status == 1, "\(run.stderr)")
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["keysScanned"] as? Int == SeededCluster.total)
        #expect(summary["complete"] as? Bool == true)
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        #expect(nodes.count == 3)
        for (node, primary) in zip(nodes, primaries) {
            #expect(node["role"] as? String == "replica")
            let replica = try #require(replicas.first { $0.primaryID == primary.id })
            #expect(node["address"] as? String == "127.0.0.1:\(replica.port)")
            #expect(node["keysScanned"] as? Int == (try Self.dbsize(primary.port)))
            #expect(try Self.commandCalls("readonly", port: replica.port) > 0)
        }
        // Other tests may scan the primaries at the same time; this one's SCANs must not be among them
        // unless they did, so only a run alone would show zero. What must hold: the replicas answered.
        let scansAfter = try primaries.map { try Self.commandCalls("scan", port: $0.port) }
        #expect(zip(scansBefore, scansAfter).allSatisfy { $0 <= $1 })
    }

    @Test func everyFormatListsTheNodes() throws {
        let cluster = try SeededCluster.shared.get().cluster
        let url = "redis://127.0.0.1:\(cluster.ports[1])/0"
        let addresses = try cluster.primaries().map { "127.0.0.1:\($0.port)" }
        let text = try live.cli.run(["validate", "--url", url, "--no-progress"])
        #expect(text.status == 1)
        #expect(text.stdout.contains("Cluster nodes"))
        for address in addresses { #expect(text.stdout.contains(address)) }
        #expect(text.stdout.contains("complete"))
        let github = try live.cli.run(["validate", "--url", url, "--format", "github", "--no-progress"])
        #expect(github.stdout.contains("; cluster: \(addresses[0]) primary 0-5460 complete"), "\(github.stdout)")
        let sarif = try live.cli.run(["validate", "--url", url, "--format", "sarif", "--no-progress"])
        let run = try #require((try live.json(sarif.stdout)["runs"] as? [[String: Any]])?.first)
        let properties = try #require(run["properties"] as? [String: Any])
        let nodes = try #require(properties["nodes"] as? [[String: Any]])
        #expect(nodes.map { $0["address"] as? String } == addresses)
        #expect(properties["keysScanned"] as? Int == SeededCluster.total)
    }

    @Test func aNodeThatRefusesIsNamedAndTheOthersGoOn() throws {
        let cluster = try SeededCluster.shared.get().cluster
        let primaries = try cluster.primaries()
        let user = "lint\(Int.random(in: 1000..<9999))"
        for port in cluster.ports {
            try TestCluster.redisCLI(["-p", "\(port)", "ACL", "SETUSER", user, "on", ">pw", "~*", "&*", "+@all"])
        }
        // The second primary refuses SCAN to this user.
        try TestCluster.redisCLI(["-p", "\(primaries[1].port)", "ACL", "SETUSER", user, "-scan"])
        defer {
            for port in cluster.ports { _ = try? TestCluster.redisCLI(["-p", "\(port)", "ACL", "DELUSER", user]) }
        }
        let (run, json) = try report(["--url", "redis://\(user):pw@127.0.0.1:\(primaries[0].port)/0"])
        #expect(run.status == 4, "\(run.stderr)")
        #expect(run.stderr.contains("127.0.0.1:\(primaries[1].port) (slots 5461-10922)"), "\(run.stderr)")
        #expect(run.stderr.contains("resume with: --cursor slots:0-5460=done,5461-10922=0@"))
        let summary = try #require(json["summary"] as? [String: Any])
        #expect((summary["partialReasons"] as? [String]) == ["node-failed"])
        #expect(summary["complete"] as? Bool == false)
        let refused = try Self.dbsize(primaries[1].port)
        #expect(summary["keysScanned"] as? Int == SeededCluster.total - refused)
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        #expect(nodes.map { $0["status"] as? String } == ["complete", "failed", "complete"])
        #expect((nodes[1]["error"] as? String)?.contains("SCAN") == true, "\(nodes[1])")
        #expect(nodes[1]["keysScanned"] as? Int == 0)
    }

    /// What docs/validate.md tells users to add on every node of a cluster.
    static let clusterACL = ["+cluster|shards", "+cluster|slots", "+readonly", "+asking"]

    @Test func aUserLimitedToTheDocumentedClusterACLCanValidate() throws {
        let cluster = try SeededCluster.shared.get().cluster
        let user = "lint-\(UUID().uuidString.prefix(8))"
        for port in cluster.ports {
            try TestCluster.redisCLI(
                ["-p", "\(port)", "ACL", "SETUSER", user, "reset", "on", ">pw", "~*"] + ValidateCLITests.documentedACL
                    + Self.clusterACL)
        }
        defer {
            for port in cluster.ports { _ = try? TestCluster.redisCLI(["-p", "\(port)", "ACL", "DELUSER", user]) }
        }
        for replicas in [false, true] {
            let (run, json) = try report(
                ["--url", "redis://\(user):pw@127.0.0.1:\(cluster.ports[3])/0"] + (replicas ? ["--replicas"] : []))
            #expect(run.status == 1, "violations, not a permission error: \(run.stderr)")
            let summary = try #require(json["summary"] as? [String: Any])
            #expect(summary["keysScanned"] as? Int == SeededCluster.total)
            #expect(summary["complete"] as? Bool == true)
        }
    }

    @Test func noReachableNodeExits3() throws {
        let cluster = try SeededCluster.shared.get().cluster
        let user = "nobody\(Int.random(in: 1000..<9999))"
        for port in cluster.ports {
            try TestCluster.redisCLI([
                "-p", "\(port)", "ACL", "SETUSER", user, "on", ">pw", "~*", "&*", "+@all", "-scan",
            ])
        }
        defer {
            for port in cluster.ports { _ = try? TestCluster.redisCLI(["-p", "\(port)", "ACL", "DELUSER", user]) }
        }
        let run = try live.cli.run(["validate", "--url", "redis://\(user):pw@127.0.0.1:\(cluster.ports[0])/0"])
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr.contains("no cluster node could be scanned"), "\(run.stderr)")
    }

    @Test func maxKeysPrintsATokenThatResumesExactlyTheRest() throws {
        let cluster = try SeededCluster.shared.get().cluster
        let url = "redis://127.0.0.1:\(cluster.ports[2])/0"
        let (first, firstJSON) = try report(["--url", url, "--max-keys", "2000"])
        #expect([0, 1].contains(first.status), "\(first.stderr)")
        let summary = try #require(firstJSON["summary"] as? [String: Any])
        #expect((summary["partialReasons"] as? [String]) == ["max-keys"])
        let token = try #require(summary["resumeCursor"] as? String)
        #expect(token.hasPrefix("slots:0-5460="))
        let nodes = try #require(firstJSON["nodes"] as? [[String: Any]])
        #expect(nodes.allSatisfy { $0["status"] as? String == "stopped" })
        let (second, secondJSON) = try report(["--url", url, "--cursor", token])
        #expect(second.status == 1, "\(second.stderr)")
        let rest = try #require(secondJSON["summary"] as? [String: Any])
        #expect((rest["partialReasons"] as? [String]) == ["resumed"])
        let scanned = (summary["keysScanned"] as? Int ?? 0) + (rest["keysScanned"] as? Int ?? 0)
        #expect(scanned == SeededCluster.total)
    }

    @Test func cursorsThatDoNotFitTheClusterAreUsageErrors() throws {
        let cluster = try SeededCluster.shared.get().cluster
        let url = "redis://127.0.0.1:\(cluster.ports[0])/0"
        let numeric = try live.cli.run(["validate", "--url", url, "--cursor", "17"])
        #expect(numeric.status == 2)
        #expect(numeric.stderr.contains("is a Redis Cluster node: pass the `slots:…` token"), "\(numeric.stderr)")
        let resharded = try live.cli.run(["validate", "--url", url, "--cursor", "slots:0-16383=5@abcdef12"])
        #expect(resharded.status == 2)
        #expect(resharded.stderr.contains("resharded since"), "\(resharded.stderr)")
        let malformed = try live.cli.run(["validate", "--url", url, "--cursor", "slots:0-5460"])
        #expect(malformed.status == 2)
        #expect(malformed.stderr.contains("is not a cluster resume token"), "\(malformed.stderr)")
        // A token means nothing to a single server.
        let single = try live.cli.run(["validate", "--url", ValidateCLITests.url(24), "--cursor", "slots:0-16383=done"])
        #expect(single.status == 2)
        #expect(single.stderr.contains("not a cluster"), "\(single.stderr)")
    }
}

extension ClusterValidateCLITests {
    @Test func deepReadsGoToTheNodeHoldingTheKey() throws {
        let cluster = try SeededCluster.shared.get().cluster
        let (run, json) = try report([
            "--url", "redis://127.0.0.1:\(cluster.ports[0])/0", "--deep", "--deep-sample", "1",
        ])
        #expect([0, 1].contains(run.status), "\(run.stderr)")
        let summary = try #require(json["summary"] as? [String: Any])
        // Every key of its declared type is read: the good strings and hashes, and the strings without a TTL.
        let read = (summary["keysDeepChecked"] as? Int ?? 0) + (summary["keysDeepSkipped"] as? Int ?? 0)
        #expect(read == SeededCluster.goodStrings + SeededCluster.goodHashes + SeededCluster.missingTTL)
        #expect(summary["keysDeepSkipped"] as? Int == 0)
    }

    @Test func ctrlCStopsEveryNodeAndTheTokenResumesTheRest() throws {
        let cluster = try SeededCluster.shared.get().cluster
        let url = "redis://127.0.0.1:\(cluster.ports[4])/0"
        let run = try BackgroundRun(["validate", "--url", url, "--format", "json", "--no-progress", "--rate", "2000"])
            .interrupt(after: 1.5)
        #expect(run.status == 130, "\(run.stderr)")
        let json = try live.json(run.stdout)
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["interrupted"] as? Bool == true)
        #expect((summary["partialReasons"] as? [String]) == ["interrupted"])
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        #expect(nodes.allSatisfy { $0["status"] as? String == "stopped" }, "\(nodes)")
        let token = try #require(summary["resumeCursor"] as? String)
        #expect(run.stderr.contains("resume with: --cursor \(token)"))
        let (rest, restJSON) = try report(["--url", url, "--cursor", token])
        #expect([0, 1].contains(rest.status), "\(rest.stderr)")
        let restSummary = try #require(restJSON["summary"] as? [String: Any])
        let scanned = (summary["keysScanned"] as? Int ?? 0) + (restSummary["keysScanned"] as? Int ?? 0)
        #expect(scanned == SeededCluster.total)
    }

    @Test func clusterSlotsIsTheFallbackWhenShardsIsRefused() throws {
        let cluster = try SeededCluster.shared.get().cluster
        let user = "slots\(Int.random(in: 1000..<9999))"
        for port in cluster.ports {
            try TestCluster.redisCLI(
                ["-p", "\(port)", "ACL", "SETUSER", user, "on", ">pw", "~*", "&*", "+@all", "-cluster|shards"])
        }
        defer {
            for port in cluster.ports { _ = try? TestCluster.redisCLI(["-p", "\(port)", "ACL", "DELUSER", user]) }
        }
        let (run, json) = try report(["--url", "redis://\(user):pw@127.0.0.1:\(cluster.ports[0])/0", "--replicas"])
        #expect(run.status == 1, "\(run.stderr)")
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["keysScanned"] as? Int == SeededCluster.total)
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        #expect(nodes.map { $0["slots"] as? String } == ["0-5460", "5461-10922", "10923-16383"])
        #expect(nodes.allSatisfy { $0["role"] as? String == "replica" })
    }
}
