import RedisSchema
import RedisSchemaClient
import Testing

private func bulk(_ text: String) -> RESPValue { .bulkString(Array(text.utf8)) }

/// A `CLUSTER SHARDS` node as Redis 7.0 sends it, as name/value pairs.
private func node(
    _ id: String, port: Int, role: String, health: String, endpoint: String = "127.0.0.1", tlsPort: Int? = nil
) -> [RESPValue] {
    var fields: [RESPValue] = [bulk("id"), bulk(id), bulk("port"), .integer(Int64(port))]
    if let tlsPort { fields += [bulk("tls-port"), .integer(Int64(tlsPort))] }
    fields += [
        bulk("ip"), bulk("10.0.0.9"), bulk("endpoint"), bulk(endpoint), bulk("role"), bulk(role),
        bulk("replication-offset"), .integer(0), bulk("health"), bulk(health),
    ]
    return fields
}

/// A shard: `slots` flattened start/end, then its nodes, each wrapped by `wrap` (a map for RESP3, an array for RESP2).
private func shard(_ slots: [Int], _ nodes: [[RESPValue]], wrap: ([RESPValue]) -> RESPValue) -> RESPValue {
    wrap([bulk("slots"), .array(slots.map { .integer(Int64($0)) }), bulk("nodes"), .array(nodes.map(wrap))])
}

/// Reply parsing of `CLUSTER SHARDS` and `CLUSTER SLOTS`, on literal replies shaped like Redis 7.0's.
@Suite struct ClusterTopologyTests {
    let primaryA = "c8f2a21fdb8233243df2f4f667e57335b71d4b4d"
    let replicaA = "5d202ba8cc2ade2b2c3030968614d56ee6ca369c"
    let primaryB = "bd4e11cf1a495392948e063c1f03ed8dfacac2aa"

    func shardsReply(wrap: ([RESPValue]) -> RESPValue) -> RESPValue {
        .array([
            shard(
                [5461, 10922, 12000, 12001],
                [node(primaryB, port: 7001, role: "master", health: "online", endpoint: "?", tlsPort: 8001)], wrap: wrap
            ),
            shard(
                [0, 5460],
                [
                    node(primaryA, port: 7000, role: "master", health: "online", tlsPort: 8000),
                    node(replicaA, port: 7003, role: "replica", health: "loading"),
                ], wrap: wrap),
            // A primary without slots holds no keys and is left out.
            shard([], [node("e0", port: 7009, role: "master", health: "online")], wrap: wrap),
        ])
    }

    @Test(arguments: ["RESP3 maps", "RESP2 arrays"])
    func shardsInEitherProtocol(shape: String) throws {
        let reply = shardsReply(wrap: shape == "RESP3 maps" ? RESPValue.map : RESPValue.array)
        let topology = try RedisClusterTopology.parseShards(reply, seedHost: "seed.example", tls: false)
        #expect(topology.shards.map(\.slotsDescription) == ["0-5460", "5461-10922,12000-12001"])
        let first = topology.shards[0]
        #expect(
            first.primary
                == RedisClusterNode(id: primaryA, host: "127.0.0.1", port: 7000, role: .primary, health: .online))
        #expect(
            first.replicas == [
                RedisClusterNode(id: replicaA, host: "127.0.0.1", port: 7003, role: .replica, health: .loading)
            ])
        // An unknown endpoint (`?`) is the address the seed was reached on.
        #expect(topology.shards[1].primary?.endpoint == "seed.example:7001")
    }

    @Test func tlsUsesEachNodesTLSPort() throws {
        let topology = try RedisClusterTopology.parseShards(shardsReply(wrap: RESPValue.map), seedHost: "s", tls: true)
        #expect(topology.shards.map { $0.primary?.port } == [8000, 8001])
        // A node that has no TLS port is reached on its port.
        #expect(topology.shards[0].replicas.first?.port == 7003)
    }

    @Test func aFailedOldPrimaryListedFirstIsNotThePrimary() throws {
        let reply = RESPValue.array([
            shard(
                [0, 16383],
                [
                    node(primaryA, port: 7000, role: "master", health: "failed"),
                    node(replicaA, port: 7003, role: "master", health: "online"),
                ], wrap: RESPValue.map)
        ])
        let shard = try #require(try RedisClusterTopology.parseShards(reply, seedHost: "s", tls: false).shards.first)
        #expect(shard.primary?.id == replicaA)
        #expect(shard.replicas.map(\.id) == [primaryA])
        #expect(shard.replicas.first?.health == .failed)
    }

    @Test func slotsRangesOfOnePrimaryFormOneShard() throws {
        func entry(_ lower: Int, _ upper: Int, _ nodes: [RESPValue]) -> RESPValue {
            .array([.integer(Int64(lower)), .integer(Int64(upper))] + nodes)
        }
        let a = RESPValue.array([bulk("127.0.0.1"), .integer(7000), bulk(primaryA), .map([])])
        let aReplica = RESPValue.array([bulk("127.0.0.1"), .integer(7003), bulk(replicaA), .map([])])
        // A null endpoint means the seed's host.
        let b = RESPValue.array([.null, .integer(7001), bulk(primaryB)])
        let reply = RESPValue.array([
            entry(0, 99, [a, aReplica]), entry(100, 16283, [b]), entry(16284, 16383, [a, aReplica]),
        ])
        let topology = try RedisClusterTopology.parseSlots(reply, seedHost: "seed")
        #expect(topology.shards.map(\.slotsDescription) == ["0-99,16284-16383", "100-16283"])
        #expect(topology.shards[0].replicas.map(\.port) == [7003])
        #expect(topology.shards[0].primary?.health == .unknown)
        #expect(topology.shards[1].primary?.endpoint == "seed:7001")
    }

    @Test func malformedRepliesAreNamed() {
        #expect(throws: RedisClusterTopologyError.self) {
            try RedisClusterTopology.parseShards(.integer(3), seedHost: "s", tls: false)
        }
        #expect(throws: RedisClusterTopologyError.self) {
            try RedisClusterTopology.parseShards(
                .array([.map([bulk("slots"), .array([.integer(1)])])]), seedHost: "s", tls: false)
        }
        #expect(throws: RedisClusterTopologyError.self) {
            try RedisClusterTopology.parseSlots(.array([.array([.integer(0)])]), seedHost: "s")
        }
    }

    @Test func aNodesConfigurationIsTheSeedsWithAnotherAddress() throws {
        var seed = try RedisConnectionConfiguration(url: "rediss://lint:pw@seed.example:7000/3")
        seed.connectTimeout = .seconds(2)
        seed.commandTimeout = .seconds(9)
        seed.tls?.caFile = "/ca.pem"
        let node = seed.forClusterNode(host: "10.0.0.2", port: 7002)
        #expect(node.host == "10.0.0.2")
        #expect(node.port == 7002)
        #expect(node.database == 0)
        #expect(node.username == "lint" && node.password == "pw")
        #expect(node.tls?.caFile == "/ca.pem")
        #expect(node.connectTimeout == .seconds(2) && node.commandTimeout == .seconds(9))
    }
}
