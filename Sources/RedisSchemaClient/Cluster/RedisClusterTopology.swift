import RedisSchema

/// Which node of a Redis Cluster serves which hash slots: its shards, each with a primary and replicas.
///
/// Read from any node with ``read(from:seed:)``: `CLUSTER SHARDS` (Redis 7), falling back to
/// `CLUSTER SLOTS` when the server does not know that subcommand or refuses it. Both replies are
/// parsed here and nowhere else, in their RESP2 and RESP3 shapes.
public struct RedisClusterTopology: Sendable, Hashable {
    /// The shards that serve at least one slot, ordered by their first slot.
    public var shards: [RedisClusterShard]

    /// Creates a topology; `shards` are put in slot order.
    public init(shards: [RedisClusterShard]) {
        self.shards = shards.sorted { ($0.slots.first?.lowerBound ?? 0) < ($1.slots.first?.lowerBound ?? 0) }
    }

    /// Reads the topology through `client`, a connection to one node of the cluster.
    ///
    /// - Parameters:
    ///   - client: a connection to any node.
    ///   - seed: the configuration `client` was made with: a node whose address is unknown (`?`, empty)
    ///     is reached on the seed's host, and with TLS each node's `tls-port` is used.
    /// - Throws: ``RedisClusterTopologyError`` when neither command gives a topology; connection errors
    ///   as the client throws them.
    public static func read(
        from client: any RedisClientProtocol, seed: RedisConnectionConfiguration
    ) async throws -> RedisClusterTopology {
        let shards = try await client.pipeline([RedisCommand("CLUSTER", arguments: ["SHARDS"])]).first ?? .null
        if shards.serverError == nil {
            return try parseShards(shards, seedHost: seed.host, tls: seed.tls != nil)
        }
        // Redis 6 has no CLUSTER SHARDS; an ACL may allow only one of the two.
        let slots = try await client.pipeline([RedisCommand("CLUSTER", arguments: ["SLOTS"])]).first ?? .null
        if let error = slots.serverError {
            throw RedisClusterTopologyError.refused(shards: shards.serverError?.message ?? "", slots: error.message)
        }
        return try parseSlots(slots, seedHost: seed.host)
    }
}

/// One primary, its replicas and the slots they serve.
public struct RedisClusterShard: Sendable, Hashable {
    /// The slot ranges, in order.
    public var slots: [RedisSlotRange]
    /// The node that takes writes; `nil` when the reply named none (a shard mid-failover).
    public var primary: RedisClusterNode?
    /// Its replicas, in reply order.
    public var replicas: [RedisClusterNode]

    /// Creates a shard.
    public init(slots: [RedisSlotRange], primary: RedisClusterNode?, replicas: [RedisClusterNode]) {
        self.slots = slots.sorted { $0.lowerBound < $1.lowerBound }
        self.primary = primary
        self.replicas = replicas
    }

    /// `0-5460` or `0-100,200-300`: the slot ranges as people and resume tokens write them.
    public var slotsDescription: String {
        slots.map(\.description).joined(separator: ",")
    }
}

/// A contiguous run of hash slots, both ends included.
public struct RedisSlotRange: Sendable, Hashable, CustomStringConvertible {
    /// The first slot.
    public var lowerBound: Int
    /// The last slot.
    public var upperBound: Int

    /// Creates a range.
    public init(_ lowerBound: Int, _ upperBound: Int) {
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }

    /// Whether `slot` is in the range.
    public func contains(_ slot: Int) -> Bool { slot >= lowerBound && slot <= upperBound }

    /// `5461-10922`, or `7` for a single slot.
    public var description: String { lowerBound == upperBound ? "\(lowerBound)" : "\(lowerBound)-\(upperBound)" }
}

/// One node of a cluster as the topology names it.
public struct RedisClusterNode: Sendable, Hashable {
    /// Whether the node takes writes for its shard.
    public enum Role: String, Sendable, Hashable {
        case primary, replica
    }

    /// What the cluster says about the node's state (`CLUSTER SHARDS`' `health`).
    public enum Health: String, Sendable, Hashable {
        /// Serving.
        case online
        /// Marked failed by the cluster.
        case failed
        /// Loading its data (a replica still syncing).
        case loading
        /// `CLUSTER SLOTS` does not say.
        case unknown
    }

    /// The node id (40 hex digits).
    public var id: String
    /// The host to connect to (an IP address or a host name, IPv6 without brackets).
    public var host: String
    /// The port to connect to: the TLS port when the seed was reached over TLS and the node has one.
    public var port: Int
    /// Primary or replica.
    public var role: Role
    /// Its state.
    public var health: Health

    /// Creates a node.
    public init(id: String, host: String, port: Int, role: Role, health: Health) {
        self.id = id
        self.host = host
        self.port = port
        self.role = role
        self.health = health
    }

    /// `host:port`, with IPv6 hosts in brackets.
    public var endpoint: String { "\(RedisURL.bracketedHost(host)):\(port)" }
}

/// Why a cluster's topology could not be read.
public enum RedisClusterTopologyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Both `CLUSTER SHARDS` and `CLUSTER SLOTS` were refused (an ACL, a proxy).
    case refused(shards: String, slots: String)
    /// A reply did not have the documented shape.
    case malformed(command: String, detail: String)

    public var description: String {
        switch self {
        case .refused(let shards, let slots):
            return "the server refused CLUSTER SHARDS (\(shards)) and CLUSTER SLOTS (\(slots)); "
                + "grant +cluster|shards or +cluster|slots to read the cluster's topology"
        case .malformed(let command, let detail):
            return "unexpected reply to CLUSTER \(command): \(detail)"
        }
    }
}

extension RedisConnectionConfiguration {
    /// The configuration for another node of the seed's cluster: the same user, password, TLS
    /// settings (the TLS server name follows the node's host, as for any URL), timeouts, client name and
    /// reconnection; only host and port replaced, and database 0, the only one a cluster has.
    public func forClusterNode(host: String, port: Int) -> RedisConnectionConfiguration {
        var configuration = self
        configuration.host = host
        configuration.port = port
        configuration.database = 0
        return configuration
    }

    /// The configuration for `node`.
    public func forClusterNode(_ node: RedisClusterNode) -> RedisConnectionConfiguration {
        forClusterNode(host: node.host, port: node.port)
    }
}
