import RedisSchemaClient
import Testing

/// `RedisClusterTopology.read` against the shared real cluster, in both protocols, checked against
/// what `CLUSTER NODES` says.
@Suite(.enabled(if: TestRedis.port != nil, "set REDIS_SCHEMA_TEST_PORT (run scripts/test)"))
struct ClusterTopologyLiveTests {
    @Test(arguments: [RedisProtocolVersion.resp2, .resp3])
    func theTopologyMatchesClusterNodes(protocolVersion: RedisProtocolVersion) async throws {
        let cluster = try TestCluster.shared.get()
        let primaries = try cluster.primaries()
        let replicas = try cluster.replicas()
        for port in [cluster.ports[0], replicas[0].port] {
            let seed = RedisConnectionConfiguration(port: port, protocolVersion: protocolVersion)
            let connection = try await RedisConnection.connect(seed)
            let topology = try await RedisClusterTopology.read(from: connection, seed: seed)
            await connection.close()
            #expect(topology.shards.map(\.slotsDescription) == ["0-5460", "5461-10922", "10923-16383"])
            for (shard, primary) in zip(topology.shards, primaries) {
                #expect(shard.primary?.id == primary.id)
                #expect(shard.primary?.endpoint == "127.0.0.1:\(primary.port)")
                #expect(shard.primary?.health == .online)
                let replica = try #require(replicas.first { $0.primaryID == primary.id })
                #expect(shard.replicas.map(\.id) == [replica.id])
                #expect(shard.replicas.map(\.port) == [replica.port])
            }
        }
    }
}
