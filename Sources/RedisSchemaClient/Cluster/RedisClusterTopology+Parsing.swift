import RedisSchema

extension RedisClusterTopology {
    /// Parses a `CLUSTER SHARDS` reply: an array of shards, each a map (RESP3) or an array of
    /// alternating names and values (RESP2) with `slots` (start, end, start, end, …) and `nodes` (each
    /// a map of `id`, `endpoint`, `ip`, `hostname`, `port`, `tls-port`, `role`, `health`).
    ///
    /// Shards serving no slot are left out: they hold no keys. A node is reached at its `endpoint`
    /// (else its `ip`); an unknown endpoint (`?`, empty) means the seed's host, as Redis documents.
    public static func parseShards(
        _ reply: RESPValue, seedHost: String, tls: Bool
    ) throws(RedisClusterTopologyError) -> RedisClusterTopology {
        guard let shardReplies = reply.array else { throw .malformed(command: "SHARDS", detail: "\(reply)") }
        var shards: [RedisClusterShard] = []
        for shardReply in shardReplies {
            guard let fields = Self.fields(shardReply), let slotValues = fields["slots"]?.array,
                let nodeReplies = fields["nodes"]?.array, slotValues.count % 2 == 0
            else {
                throw .malformed(command: "SHARDS", detail: "\(shardReply)")
            }
            var slots: [RedisSlotRange] = []
            var index = 0
            while index < slotValues.count {
                guard let lower = slotValues[index].int, let upper = slotValues[index + 1].int else {
                    throw .malformed(command: "SHARDS", detail: "slots \(slotValues)")
                }
                slots.append(RedisSlotRange(Int(lower), Int(upper)))
                index += 2
            }
            guard !slots.isEmpty else { continue }
            var nodes: [RedisClusterNode] = []
            for nodeReply in nodeReplies {
                nodes.append(try Self.shardNode(nodeReply, seedHost: seedHost, tls: tls))
            }
            // Just after a failover the old primary may still be listed as one, marked failed.
            let primary =
                nodes.first { $0.role == .primary && $0.health != .failed } ?? nodes.first { $0.role == .primary }
            let replicas = nodes.filter { $0 != primary }.map { node in
                RedisClusterNode(id: node.id, host: node.host, port: node.port, role: .replica, health: node.health)
            }
            shards.append(RedisClusterShard(slots: slots, primary: primary, replicas: replicas))
        }
        return RedisClusterTopology(shards: shards)
    }

    /// Parses a `CLUSTER SLOTS` reply: one entry per slot range, `[start, end, primary, replica…]`,
    /// each node `[endpoint, port, id, {hostname…}]`. Ranges with the same primary form one shard.
    /// With TLS the server already reports the TLS port. It says nothing about health: `unknown`.
    public static func parseSlots(
        _ reply: RESPValue, seedHost: String
    ) throws(RedisClusterTopologyError) -> RedisClusterTopology {
        guard let ranges = reply.array else { throw .malformed(command: "SLOTS", detail: "\(reply)") }
        var shards: [RedisClusterShard] = []
        for range in ranges {
            guard let parts = range.array, parts.count >= 3, let lower = parts[0].int, let upper = parts[1].int else {
                throw .malformed(command: "SLOTS", detail: "\(range)")
            }
            var nodes: [RedisClusterNode] = []
            for (position, nodeReply) in parts.dropFirst(2).enumerated() {
                guard let fields = nodeReply.array, fields.count >= 2, let port = fields[1].int else {
                    throw .malformed(command: "SLOTS", detail: "\(nodeReply)")
                }
                let id = fields.count > 2 ? fields[2].string ?? "" : ""
                nodes.append(
                    RedisClusterNode(
                        id: id, host: Self.host(fields[0].string, seedHost: seedHost), port: Int(port),
                        role: position == 0 ? .primary : .replica, health: .unknown))
            }
            let slots = RedisSlotRange(Int(lower), Int(upper))
            if let existing = shards.firstIndex(where: { $0.primary == nodes.first }) {
                shards[existing].slots.append(slots)
                shards[existing].slots.sort { $0.lowerBound < $1.lowerBound }
            } else {
                shards.append(
                    RedisClusterShard(slots: [slots], primary: nodes.first, replicas: Array(nodes.dropFirst())))
            }
        }
        return RedisClusterTopology(shards: shards)
    }

    private static func shardNode(
        _ reply: RESPValue, seedHost: String, tls: Bool
    ) throws(RedisClusterTopologyError) -> RedisClusterNode {
        guard let fields = Self.fields(reply), let id = fields["id"]?.string else {
            throw .malformed(command: "SHARDS", detail: "\(reply)")
        }
        let plainPort = fields["port"]?.int
        let tlsPort = fields["tls-port"]?.int
        guard let port = tls ? (tlsPort ?? plainPort) : (plainPort ?? tlsPort) else {
            throw .malformed(command: "SHARDS", detail: "node \(id) has no port")
        }
        // `endpoint` is the address the cluster wants clients to use (`?` when it does not know one);
        // servers that do not send it are reached on their `ip`.
        let host = Self.host(fields["endpoint"]?.string ?? fields["ip"]?.string, seedHost: seedHost)
        let role: RedisClusterNode.Role = fields["role"]?.string == "master" ? .primary : .replica
        let health = fields["health"]?.string.flatMap(RedisClusterNode.Health.init(rawValue:)) ?? .unknown
        return RedisClusterNode(id: id, host: host, port: Int(port), role: role, health: health)
    }

    /// A node's host as the cluster names it; `?`, empty or absent means "the address you reached me on".
    private static func host(_ advertised: String?, seedHost: String) -> String {
        guard let advertised, !advertised.isEmpty, advertised != "?" else { return seedHost }
        return advertised
    }

    /// A map or RESP2 name/value array as a dictionary keyed by name.
    private static func fields(_ value: RESPValue) -> [String: RESPValue]? {
        guard let pairs = value.pairs else { return nil }
        var fields: [String: RESPValue] = [:]
        for (key, value) in pairs {
            guard let name = key.string else { return nil }
            fields[name] = value
        }
        return fields
    }
}
