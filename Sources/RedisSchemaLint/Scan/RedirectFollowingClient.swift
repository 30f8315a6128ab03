import RedisSchema

/// A node's TYPE/PTTL connection that follows cluster redirects: a key can move between SCAN and
/// TYPE during a reshard, and the node then answers `MOVED slot host:port` (the slot has a new
/// owner) or `ASK slot host:port` (the slot is being migrated and this key has gone already).
///
/// Each redirected command is sent again to the node named (after `ASKING` for `ASK`, which lets an
/// importing node answer for a slot it does not own yet), up to ``maxHops`` times, and its reply takes
/// the place of the redirect: the key is counted once, under the node whose SCAN returned it, and a
/// redirect is never a violation or an error.
struct RedirectFollowingClient: RedisClientProtocol {
    let base: any RedisClientProtocol
    let directory: any ClusterDirectory
    /// Redirects followed for one command before its last reply is kept (and refused by the scanner).
    static let maxHops = 4

    func pipeline(_ commands: [RedisCommand]) async throws -> [RESPValue] {
        try await following(base.pipeline(commands)) { commands[$0] }
    }

    /// The scan's TYPE/PTTL batches keep the base client's fast path; a redirected command is rebuilt
    /// from its key only when a redirect comes back, which is rare.
    func pipeline(_ perKey: RedisPerKeyPipeline) async throws -> [RESPValue] {
        try await following(base.pipeline(perKey)) { index in
            RedisCommand(arguments: [perKey.names[index % perKey.names.count], perKey.keys[index / perKey.names.count]])
        }
    }

    /// `replies` with every redirect replaced by the reply of the node it names to `command(index)`.
    ///
    /// A reshard moves whole slots, so the redirects of one batch mostly name the same node: they are
    /// grouped by node and sent as one pipeline per node and hop (`ASKING` before each asked command),
    /// not one round trip per key.
    private func following(
        _ replies: [RESPValue], command: (Int) -> RedisCommand
    ) async throws -> [RESPValue] {
        var replies = replies
        var pending = replies.indices.filter { Redirect(replies[$0]) != nil }
        var hops = 0
        while !pending.isEmpty, hops < Self.maxHops {
            hops += 1
            var byNode: [NodeAddress: [Int]] = [:]
            var order: [NodeAddress] = []
            for index in pending {
                guard let redirect = Redirect(replies[index]) else { continue }
                let node = NodeAddress(host: redirect.host, port: redirect.port)
                if byNode[node] == nil { order.append(node) }
                byNode[node, default: []].append(index)
            }
            for node in order {
                let indices = byNode[node] ?? []
                let target = try await directory.client(host: node.host, port: node.port)
                var commands: [RedisCommand] = []
                var replyPositions: [Int] = []
                for index in indices {
                    if Redirect(replies[index])?.asking == true { commands.append(RedisCommand("ASKING")) }
                    replyPositions.append(commands.count)
                    commands.append(command(index))
                }
                let answers = try await target.pipeline(commands)
                for (index, position) in zip(indices, replyPositions) {
                    replies[index] = position < answers.count ? answers[position] : .null
                }
            }
            pending = pending.filter { Redirect(replies[$0]) != nil }
        }
        return replies
    }

    /// A node a redirect names.
    private struct NodeAddress: Hashable {
        var host: String
        var port: Int
    }
}

/// A `MOVED` or `ASK` error reply: `MOVED 3999 127.0.0.1:6381`.
struct Redirect: Equatable {
    var asking: Bool
    var host: String
    var port: Int

    init(asking: Bool, host: String, port: Int) {
        self.asking = asking
        self.host = host
        self.port = port
    }

    /// The redirect an error reply carries; `nil` for any other reply.
    init?(_ reply: RESPValue) {
        guard let error = reply.serverError, error.code == "MOVED" || error.code == "ASK" else { return nil }
        let parts = error.message.split(separator: " ")
        guard parts.count >= 3, let colon = parts[2].lastIndex(of: ":"),
            let port = Int(parts[2][parts[2].index(after: colon)...])
        else { return nil }
        var host = String(parts[2][..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        self.asking = error.code == "ASK"
        self.host = host
        self.port = port
    }
}

/// A replica's connection: every pipeline starts with `READONLY`, so that the replica answers reads
/// for its primary's slots instead of redirecting them; sent each time, since a reconnect starts a
/// fresh connection without it.
struct ReplicaReadClient: RedisClientProtocol {
    let base: any RedisClientProtocol

    func pipeline(_ commands: [RedisCommand]) async throws -> [RESPValue] {
        let replies = try await base.pipeline([RedisCommand("READONLY")] + commands)
        if let error = replies.first?.serverError { return commands.map { _ in .error(error) } }
        return Array(replies.dropFirst())
    }
}
