/// Why a run did not check every key of the keyspace the user pointed it at. A report lists every
/// reason that applies, so that no format can make a partial run look complete.
public enum PartialReason: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Ctrl-C or SIGTERM (or a cancelled task) stopped the scan.
    case interrupted
    /// The connection dropped and could not be re-established within `--retry-for`.
    case connectionLost = "connection-lost"
    /// The server came back from a drop as another process (a restart, a failover): SCAN's cursor
    /// no longer marks the same point, so keys may have been missed or counted twice.
    case serverRestarted = "server-restarted"
    /// `--max-keys` stopped the scan before the end of the keyspace.
    case maxKeys = "max-keys"
    /// The scan started from a `--cursor`, so keys before it were not scanned by this run.
    case resumed
    /// Only a sample of the scanned keys had their TYPE and TTL checked (`--sample`).
    case sampled
    /// Keys were scanned but none had its TYPE and TTL checked (a sample too small).
    case nothingChecked = "nothing-checked"
    /// The server is one node of a Redis Cluster whose topology could not be read: only the keys
    /// this node holds were scanned.
    case clusterNode = "cluster-node"
    /// A Redis Cluster run could not scan some node to the end (unreachable, refused, lost mid-scan):
    /// the report's node list names it, its error and the slots not covered.
    case nodeFailed = "node-failed"

    /// Whether the run failed to cover what it claims, so that it must not pass: a user asking for a
    /// sample, a resume or a limit gets what was asked; a cluster node, an empty sample or a lost
    /// connection, or a server restarted mid-scan does not.
    public var failsRun: Bool {
        switch self {
        case .nothingChecked, .clusterNode, .nodeFailed, .connectionLost, .serverRestarted: return true
        case .interrupted, .maxKeys, .resumed, .sampled: return false
        }
    }

    /// One sentence for people, as the text and GitHub formats print it.
    public var explanation: String {
        switch self {
        case .interrupted: return "interrupted before the end of the keyspace"
        case .connectionLost: return "the connection was lost and could not be re-established in time"
        case .serverRestarted:
            return "the server restarted mid-scan, which reorders SCAN: keys may have been missed or counted twice "
                + "(run again for an exact report)"
        case .maxKeys: return "stopped at --max-keys before the end of the keyspace"
        case .resumed: return "resumed from a cursor: keys before it were not scanned by this run"
        case .sampled: return "only a sample of the scanned keys had TYPE and TTL checked"
        case .nothingChecked: return "no key had its TYPE and TTL checked: the sample was too small"
        case .clusterNode:
            return "the server is a Redis Cluster node whose topology could not be read: only this node's keys "
                + "were scanned, not the cluster's"
        case .nodeFailed:
            return "some cluster nodes could not be scanned to the end: their slots' keys were not all read "
                + "(see the node list)"
        }
    }

    public static func < (lhs: PartialReason, rhs: PartialReason) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
