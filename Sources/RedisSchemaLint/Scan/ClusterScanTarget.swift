import RedisSchema

/// One shard of a Redis Cluster to scan, as the caller (which knows how to connect) prepared it:
/// the node chosen for it and its connections.
public struct ClusterScanTarget: Sendable {
    /// `host:port` of the node to read.
    public var address: String
    /// The cluster's node id.
    public var id: String
    /// Whether it is the shard's primary or a replica; replica connections get `READONLY`.
    public var role: NodeRole
    /// The shard's slot ranges, `0-5460` or `0-100,200-300`; the resume token's key.
    public var slots: String
    /// Something to say about the choice, e.g. that the shard had no healthy replica.
    public var note: String?
    /// Its connections: the first carries SCAN, the others (or the first, alone) TYPE/PTTL. Empty
    /// when connecting failed: ``connectError`` says why and the node is reported failed.
    public var clients: [any RedisClientProtocol]
    /// Why the node could not be connected to.
    public var connectError: String?
    /// Where to start: `"0"`, or the cursor a resume token gave for these slots; `nil` to skip the shard
    /// (the token says it was done).
    public var cursor: String?
    /// How many times its connections have re-established a dropped connection, when they can tell.
    public var reconnections: (@Sendable () -> Int)?

    /// Creates a target.
    public init(
        address: String, id: String, role: NodeRole, slots: String, clients: [any RedisClientProtocol],
        connectError: String? = nil, note: String? = nil, cursor: String? = "0",
        reconnections: (@Sendable () -> Int)? = nil
    ) {
        self.address = address
        self.id = id
        self.role = role
        self.slots = slots
        self.clients = clients
        self.connectError = connectError
        self.note = note
        self.cursor = cursor
        self.reconnections = reconnections
    }
}

/// What a cluster scan asks of the caller beyond the targets' connections: connections to the
/// nodes a redirect names, and who serves a shard after one of its nodes was lost.
public protocol ClusterDirectory: Sendable {
    /// A connection to the node at `host:port`, for following `MOVED` and `ASK` (the same one may be
    /// returned each time).
    func client(host: String, port: Int) async throws -> any RedisClientProtocol
    /// The `host:port` of the primary that now serves `slots` (as ``ClusterScanTarget/slots`` writes
    /// them), read from the topology of a reachable node; `nil` when no node answers or none serves them.
    func currentPrimary(of slots: String) async -> (address: String, id: String)?
}
