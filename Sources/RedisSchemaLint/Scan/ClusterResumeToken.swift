/// Where a Redis Cluster run stopped on every shard, for `--cursor` to go on from: one SCAN cursor
/// means nothing for several nodes.
///
/// Written `slots:0-5460=1234@c8f2a21f,5461-10922=done,10923-16383=0@934bb856`: each shard by its slot
/// ranges (ranges of one shard joined with `+`), which survive a failover, then `done` or the cursor
/// on the node that was read, with the first 8 characters of that node's id. A cursor only means
/// something on the node that returned it, so a resumed run that reads another node for the shard
/// (a failover since, or `--replicas` changed) scans that shard from the start and says so.
public struct ClusterResumeToken: Sendable, Hashable, CustomStringConvertible {
    /// One shard's entry.
    public struct Shard: Sendable, Hashable {
        /// The shard's slot ranges as the node list writes them (`0-100,200-300`).
        public var slots: String
        /// The SCAN cursor to go on from; `nil` when the shard was done.
        public var cursor: String?
        /// The id (or its first characters) of the node the cursor belongs to.
        public var nodeID: String

        /// Creates an entry.
        public init(slots: String, cursor: String?, nodeID: String) {
            self.slots = slots
            self.cursor = cursor
            self.nodeID = nodeID
        }
    }

    /// What starts a token, telling it from a single server's numeric cursor.
    public static let prefix = "slots:"
    /// The entries, in slot order.
    public var shards: [Shard]

    /// Creates a token.
    public init(shards: [Shard]) {
        self.shards = shards
    }

    /// Whether `text` is meant as a cluster token rather than a single server's cursor.
    public static func looksLikeToken(_ text: String) -> Bool { text.hasPrefix(prefix) }

    /// Parses a token a previous run printed.
    public init(parsing text: String) throws(ClusterResumeTokenError) {
        guard text.hasPrefix(Self.prefix) else { throw .malformed(text) }
        var shards: [Shard] = []
        for entry in text.dropFirst(Self.prefix.count).split(separator: ",", omittingEmptySubsequences: false) {
            let parts = entry.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty,
                parts[0].allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "+") })
            else { throw .malformed(text) }
            let slots = parts[0].replacingOccurrences(of: "+", with: ",")
            if parts[1] == "done" {
                shards.append(Shard(slots: slots, cursor: nil, nodeID: ""))
                continue
            }
            let position = parts[1].split(separator: "@", omittingEmptySubsequences: false)
            guard position.count == 2, !position[0].isEmpty,
                position[0].utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                UInt64(position[0]) != nil, position[1].allSatisfy(\.isHexDigit)
            else { throw .malformed(text) }
            shards.append(Shard(slots: slots, cursor: String(position[0]), nodeID: String(position[1])))
        }
        self.shards = shards
    }

    public var description: String {
        Self.prefix
            + shards.map { shard in
                let slots = shard.slots.replacingOccurrences(of: ",", with: "+")
                guard let cursor = shard.cursor else { return "\(slots)=done" }
                return "\(slots)=\(cursor)@\(shard.nodeID.prefix(8))"
            }.joined(separator: ",")
    }

    /// The entry for each of `slots` (the cluster's shards now, in order): the token must name exactly
    /// those shards, or the cluster was resharded since and the cursors mean nothing.
    public func entries(for slots: [String]) throws(ClusterResumeTokenError) -> [Shard] {
        let bySlots = Dictionary(shards.map { ($0.slots, $0) }, uniquingKeysWith: { first, _ in first })
        guard bySlots.count == shards.count, Set(bySlots.keys) == Set(slots) else {
            throw .topologyChanged(token: shards.map(\.slots), cluster: slots)
        }
        return slots.map { bySlots[$0]! }
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}

extension Substring {
    fileprivate func replacingOccurrences(of target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}

/// Why a `--cursor` token cannot be used.
public enum ClusterResumeTokenError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not the shape a cluster run prints.
    case malformed(String)
    /// The cluster's shards are not the ones the token names.
    case topologyChanged(token: [String], cluster: [String])

    public var description: String {
        switch self {
        case .malformed(let text):
            return "`\(text)` is not a cluster resume token; pass the `slots:…` text a cluster run printed "
                + "after `resume with: --cursor`"
        case .topologyChanged(let token, let cluster):
            return "the resume token names the shards \(token.joined(separator: " ")) but the cluster's shards are "
                + "now \(cluster.joined(separator: " ")): it was resharded since, so the cursors mean nothing; "
                + "run again without --cursor"
        }
    }
}
