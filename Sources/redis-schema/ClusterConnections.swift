import Foundation
import RedisSchema
import RedisSchemaClient
import RedisSchemaLint

/// The connections of a cluster run: each node's, made from the seed's configuration with only the
/// host and port replaced, plus one per node a redirect names. Closes them all at the end.
actor ClusterConnections: ClusterDirectory {
    let seed: RedisConnectionConfiguration
    private var redirectClients: [String: RedisConnection] = [:]
    private var opened: [RedisConnection] = []
    /// Addresses that answered before, asked in turn for the topology after a node was lost.
    private var known: [(host: String, port: Int)] = []

    init(seed: RedisConnectionConfiguration) {
        self.seed = seed
        self.known = [(seed.host, seed.port)]
    }

    /// `count` connections to `node`.
    func connect(_ node: RedisClusterNode, count: Int) async throws -> [RedisConnection] {
        known.append((node.host, node.port))
        var clients: [RedisConnection] = []
        do {
            for _ in 0..<count {
                clients.append(try await RedisConnection.connect(seed.forClusterNode(node)))
            }
        } catch {
            for client in clients { await client.close() }
            throw error
        }
        opened += clients
        return clients
    }

    func client(host: String, port: Int) async throws -> any RedisClientProtocol {
        // An empty host in a redirect means "the address you reached me on": the seed's.
        let host = host.isEmpty ? seed.host : host
        let key = "\(host):\(port)"
        if let client = redirectClients[key] { return client }
        let client = try await RedisConnection.connect(seed.forClusterNode(host: host, port: port))
        if let raced = redirectClients[key] {
            await client.close()
            return raced
        }
        redirectClients[key] = client
        opened.append(client)
        return client
    }

    func currentPrimary(of slots: String) async -> (address: String, id: String)? {
        for (host, port) in known {
            var configuration = seed.forClusterNode(host: host, port: port)
            configuration.reconnection = .never
            configuration.connectTimeout = min(configuration.connectTimeout, .seconds(2))
            guard let client = try? await RedisConnection.connect(configuration) else { continue }
            let topology = try? await RedisClusterTopology.read(from: client, seed: seed)
            await client.close()
            guard let topology else { continue }
            guard let shard = topology.shards.first(where: { $0.slotsDescription == slots }),
                let primary = shard.primary, primary.health != .failed
            else { return nil }
            return (primary.endpoint, primary.id)
        }
        return nil
    }

    func closeAll() async {
        for client in opened { await client.close() }
        opened = []
        redirectClients = [:]
    }
}
