import Foundation
import RedisSchema
import RedisSchemaClient
import RedisSchemaCore
import RedisSchemaLint

extension ValidateCommand {
    /// Scans every shard of the cluster `seedClient` belongs to: the primaries, or with `--replicas`
    /// one healthy replica per shard (its primary when it has none, which the node list says).
    func scanCluster(
        _ schema: Schema, _ configuration: KeyspaceLinter.Configuration, topology: RedisClusterTopology,
        seed: RedisConnectionConfiguration
    ) async throws -> (KeyspaceLinter.Outcome, InterruptHandler.StopSignal?) {
        let slots = topology.shards.map(\.slotsDescription)
        var entries: [ClusterResumeToken.Shard?] = slots.map { _ in nil }
        if ClusterResumeToken.looksLikeToken(cursor) {
            do {
                entries = try ClusterResumeToken(parsing: cursor).entries(for: slots)
            } catch {
                throw CommandFailure(.usage, message: "--cursor: \(error)")
            }
        } else if cursor != "0" {
            throw CommandFailure(
                .usage,
                message: "--cursor \(cursor) is a single server's SCAN cursor, but \(seed.endpoint) is a Redis Cluster "
                    + "node: pass the `slots:…` token a cluster run printed")
        }
        let connections = ClusterConnections(seed: seed)
        var targets: [ClusterScanTarget] = []
        for (index, shard) in topology.shards.enumerated() {
            var note: String?
            var node = shard.primary
            if replicas {
                if let replica = shard.replicas.first(where: { $0.health == .online || $0.health == .unknown }) {
                    node = replica
                } else {
                    note = "no healthy replica: read on its primary"
                }
            }
            let slotsText = shard.slotsDescription
            guard let node else {
                targets.append(
                    ClusterScanTarget(
                        address: "?", id: "", role: .primary, slots: slotsText, clients: [],
                        connectError: "the cluster names no primary for these slots"))
                continue
            }
            var start: String? = "0"
            if let entry = entries[index] {
                start = entry.cursor
                if let cursor = entry.cursor, !node.id.hasPrefix(entry.nodeID) {
                    start = "0"
                    note = [
                        note,
                        "the token's cursor \(cursor) was for node \(entry.nodeID), not this one: scanned from the start",
                    ]
                    .compactMap { $0 }.joined(separator: "; ")
                }
            }
            let role: NodeRole = node.role == .primary ? .primary : .replica
            do {
                let clients = try await connections.connect(node, count: self.connections)
                targets.append(
                    ClusterScanTarget(
                        address: node.endpoint, id: node.id, role: role, slots: slotsText, clients: clients,
                        note: note, cursor: start, reconnections: { clients.reduce(0) { $0 + $1.reconnections } }))
            } catch {
                targets.append(
                    ClusterScanTarget(
                        address: node.endpoint, id: node.id, role: role, slots: slotsText, clients: [],
                        connectError: Self.connectMessage(for: error, tls: seed.tls != nil)
                            ?? CommandFailure.message(for: error),
                        note: note, cursor: start))
            }
        }
        let linter = KeyspaceLinter(schema: schema, configuration: configuration)
        let progress = ProgressLine(enabled: !noProgress && FileHandleOutput.standardError.isTerminal)
        let server = seed.redactedURL
        let finalTargets = targets
        let task = Task {
            await linter.runCluster(
                targets: finalTargets, directory: connections, server: server,
                progress: { update in progress.show(update) })
        }
        let interrupt = Self.finishOnSignal { task.cancel() }
        defer { interrupt.stop() }
        let outcome = await task.value
        progress.clear()
        await connections.closeAll()
        return (outcome, interrupt.received)
    }
}
