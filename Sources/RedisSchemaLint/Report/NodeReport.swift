/// One node of a Redis Cluster scan: which node was read for which slots, and how its scan ended.
///
/// A cluster run's report lists one per shard (``LintReport/nodes``); a single server's report has none.
public struct NodeReport: Sendable, Hashable, Codable {
    /// `host:port` as the run connected to it.
    public var address: String
    /// The cluster's id for the node (40 hex digits; empty when the topology did not say).
    public var id: String
    /// Whether the node read was the shard's primary or a replica (`--replicas`).
    public var role: NodeRole
    /// The hash slots the shard serves: `0-5460`, or several ranges joined with `,`.
    public var slots: String
    /// Keys this node's SCAN returned and the run counted.
    public var keysScanned = 0
    /// `DBSIZE` on the node when its scan started, when known.
    public var databaseSize: Int?
    /// How its scan ended.
    public var status: NodeStatus
    /// Why it failed or stopped, for people: the error still failing, or what was found after it.
    public var error: String?
    /// What else a person should know about this node: a replica-less shard read on its primary, a
    /// failover after the node was lost.
    public var note: String?
    /// Times a connection to it dropped and was re-established; the scan went on from its last counted batch.
    public var reconnects = 0
    /// The SCAN cursor on this node where its scan stopped; `nil` when it went all the way round.
    public var resumeCursor: String?

    /// Creates an entry.
    public init(address: String, id: String, role: NodeRole, slots: String, status: NodeStatus) {
        self.address = address
        self.id = id
        self.role = role
        self.slots = slots
        self.status = status
    }
}

/// Which kind of node a cluster run read.
public enum NodeRole: String, Sendable, Hashable, Codable {
    case primary, replica
}

/// How one node's scan ended.
public enum NodeStatus: String, Sendable, Hashable, Codable {
    /// SCAN went all the way round the node.
    case complete
    /// The node could not be reached, refused a command, or was lost mid-scan: see ``NodeReport/error``.
    case failed
    /// Stopped early by Ctrl-C, SIGTERM or `--max-keys`; ``NodeReport/resumeCursor`` says where.
    case stopped
    /// Not scanned by this run: a resumed run's token said the shard was done.
    case skipped
}
