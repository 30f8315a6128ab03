import RedisSchema

extension KeyspaceLinter {
    /// Scans every shard of a Redis Cluster at once, each node on its own connections with its own
    /// ``KeyspaceScanner``, and merges them into one report.
    ///
    /// The nodes' batches go one at a time through one ``BatchHandler`` (a bounded hand-over: each
    /// node waits for its batch to be taken before handing over the next), so memory stays what one
    /// server's scan takes. A node that cannot be reached, refuses a command or is lost for longer than
    /// ``ScanOptions/retryFor`` is reported failed with its error while the others go on; the report
    /// is then partial (`node-failed`) and its resume token covers every shard. A key that moves
    /// between SCAN and TYPE (a reshard) is followed through `MOVED`/`ASK` and counted once.
    ///
    /// - Parameters:
    ///   - targets: one per shard, in slot order (``ClusterScanTarget``).
    ///   - directory: connections for redirects, and who serves a lost node's slots.
    ///   - server: how to name the cluster in the report.
    ///   - progress: called after each batch.
    public func runCluster(
        targets: [ClusterScanTarget], directory: any ClusterDirectory, server: String,
        progress: (@Sendable (ScanProgress) -> Void)? = nil
    ) async -> Outcome {
        let clock = ContinuousClock()
        let start = clock.now
        let (stream, continuation) = AsyncStream.makeStream(of: NodeBatch.self)
        let checkClients = targets.map { target in
            Self.connections(of: target, directory: directory).check
        }
        let schema = self.schema
        let configuration = self.configuration
        // The one consumer; unstructured so that Ctrl-C (which cancels the scans) never stops it while
        // nodes still finish their batches in flight.
        let consumer = Task { () -> (BatchHandler, [Int]) in
            var handler = BatchHandler(schema: schema, configuration: configuration)
            var perNode = [Int](repeating: 0, count: targets.count)
            for await item in stream {
                do throws(LintError) {
                    let commandsSent = try await handler.handle(item.batch, clients: checkClients[item.node])
                    perNode[item.node] += item.batch.keys.count
                    item.ack.resume(returning: .success(commandsSent))
                } catch {
                    item.ack.resume(returning: .failure(error))
                }
                progress?(
                    ScanProgress(
                        keysScanned: handler.accumulator.summary.keysScanned,
                        elapsedSeconds: (clock.now - start).seconds, databaseSize: nil))
            }
            return (handler, perNode)
        }
        let ends = await withTaskGroup(of: (Int, NodeEnd).self) { group in
            for (index, target) in targets.enumerated() {
                group.addTask {
                    (index, await self.scanNode(target, index: index, directory: directory, into: continuation))
                }
            }
            var ends = [NodeEnd?](repeating: nil, count: targets.count)
            for await (index, end) in group { ends[index] = end }
            return ends.map { $0! }
        }
        continuation.finish()
        let (handler, perNode) = await consumer.value
        var nodes: [NodeReport] = []
        for (index, target) in targets.enumerated() {
            var node = await describe(target, ends[index], directory: directory)
            node.keysScanned = perNode[index]
            nodes.append(node)
        }
        return finishCluster(
            handler, nodes: nodes, ends: ends, targets: targets, server: server,
            seconds: (clock.now - start).seconds)
    }

    /// How one node's scan ended.
    struct NodeEnd: Sendable {
        var end: KeyspaceScanner.End?
        var databaseSize: Int?
        /// A failure that stopped the node: connecting, a refused command, a lost connection.
        var failure: String?
        var reconnects: Int
    }

    /// A batch on its way from a node's scanner to the one handler, and how to tell the node it was
    /// taken: the commands the handler sent on the node's connections (its pacing counts them as its
    /// own), or why the handler refused it.
    struct NodeBatch: Sendable {
        var node: Int
        var batch: KeyspaceScanner.Batch
        var ack: CheckedContinuation<Result<Int, LintError>, Never>
    }

    /// A target's SCAN connection and TYPE/PTTL connections, with `READONLY` on a replica's and
    /// redirects followed on the TYPE/PTTL ones.
    static func connections(
        of target: ClusterScanTarget, directory: any ClusterDirectory
    ) -> (scan: (any RedisClientProtocol)?, check: [any RedisClientProtocol]) {
        let readable: [any RedisClientProtocol] =
            target.role == .replica ? target.clients.map { ReplicaReadClient(base: $0) } : target.clients
        guard let scan = readable.first else { return (nil, []) }
        let check = readable.count > 1 ? Array(readable.dropFirst()) : readable
        return (scan, check.map { RedirectFollowingClient(base: $0, directory: directory) })
    }

    private func scanNode(
        _ target: ClusterScanTarget, index: Int, directory: any ClusterDirectory,
        into channel: AsyncStream<NodeBatch>.Continuation
    ) async -> NodeEnd {
        if let error = target.connectError { return NodeEnd(failure: error, reconnects: 0) }
        guard let cursor = target.cursor else { return NodeEnd(reconnects: 0) }
        let (scanClient, checkClients) = Self.connections(of: target, directory: directory)
        guard let scanClient else { return NodeEnd(failure: "no connection", reconnects: 0) }
        let before = target.reconnections?() ?? 0
        var options = configuration.scan
        options.cursor = cursor
        let scanner = KeyspaceScanner(scanClient: scanClient, checkClients: checkClients, options: options)
        var databaseSize: Int?
        do throws(LintError) {
            databaseSize = try await Self.databaseSize(scanClient)
            let end = try await scanner.run { (batch) async throws(LintError) in
                let handled = await withCheckedContinuation { ack in
                    channel.yield(NodeBatch(node: index, batch: batch, ack: ack))
                }
                return try handled.get()
            }
            let reconnects = target.reconnections.map { $0() - before } ?? end.reconnects
            return NodeEnd(
                end: end, databaseSize: databaseSize, failure: end.connectionFailure.map { "\($0)" },
                reconnects: reconnects)
        } catch {
            return NodeEnd(
                databaseSize: databaseSize, failure: "\(error)",
                reconnects: target.reconnections.map { $0() - before } ?? 0)
        }
    }

    /// The node list entry for a target, saying what happened to it and, for a lost node, who serves
    /// its slots now.
    private func describe(
        _ target: ClusterScanTarget, _ end: NodeEnd, directory: any ClusterDirectory
    ) async -> NodeReport {
        var node = NodeReport(
            address: target.address, id: target.id, role: target.role, slots: target.slots, status: .complete)
        node.databaseSize = end.databaseSize
        node.reconnects = end.reconnects
        var notes = target.note.map { [$0] } ?? []
        if target.cursor == nil {
            node.status = .skipped
            notes.append("done in the run this one resumes")
        } else if let failure = end.failure {
            node.status = .failed
            node.error = failure
            let cursor = end.end?.resumeCursor ?? target.cursor ?? "0"
            node.resumeCursor = cursor
            if let now = await directory.currentPrimary(of: target.slots), now.id != target.id {
                // A new primary's SCAN cursor does not continue the old one's: what this run read of the
                // shard stands, and the rest is named, never guessed.
                notes.append(
                    "lost at cursor \(cursor); slots \(target.slots) are now served by \(now.address) (a failover): "
                        + "the keys this node had not returned by then were not read")
            } else {
                notes.append("lost at cursor \(cursor): the keys after it were not read")
            }
        } else if let end = end.end, end.resumeCursor != "0" {
            node.status = .stopped
            node.resumeCursor = end.resumeCursor
        }
        if end.end?.serverRestarted == true {
            notes.append(
                "the node restarted mid-scan: SCAN's order changed, keys may have been missed or counted twice")
        }
        node.note = notes.isEmpty ? nil : notes.joined(separator: "; ")
        return node
    }

    private func finishCluster(
        _ handler: BatchHandler, nodes: [NodeReport], ends: [NodeEnd], targets: [ClusterScanTarget], server: String,
        seconds: Double
    ) -> Outcome {
        let failed = nodes.contains { $0.status == .failed }
        let stopped = nodes.contains { $0.status == .stopped }
        let resumed = targets.contains { $0.cursor != "0" }
        let restarted = ends.contains { $0.end?.serverRestarted == true }
        let interrupted = Task.isCancelled && (stopped || failed)
        var reasons: [PartialReason] = []
        if interrupted { reasons.append(.interrupted) }
        if failed { reasons.append(.nodeFailed) }
        if restarted { reasons.append(.serverRestarted) }
        if stopped, !interrupted { reasons.append(.maxKeys) }
        if resumed { reasons.append(.resumed) }
        let token = ClusterResumeToken(
            shards: zip(targets, nodes).map { target, node in
                ClusterResumeToken.Shard(
                    slots: target.slots,
                    cursor: node.status == .complete || node.status == .skipped ? nil : node.resumeCursor ?? "0",
                    nodeID: target.id)
            })
        let sizes = ends.compactMap(\.databaseSize)
        let ending = RunEnding(
            seconds: seconds, databaseSize: sizes.count == ends.count ? sizes.reduce(0, +) : nil,
            complete: !failed && !stopped && !resumed && !restarted, interrupted: interrupted,
            resumeCursor: failed || stopped ? token.description : nil,
            reconnects: nodes.reduce(0) { $0 + $1.reconnects },
            connectionError: nil, startCursor: nil, reasons: reasons,
            pacing: ScanPacingSummary.combined(ends.compactMap(\.end?.pacing)))
        // Every node failing means nothing was reached: the caller treats that as a connection failure.
        let nothingReached = !nodes.isEmpty && nodes.allSatisfy { $0.status == .failed && $0.keysScanned == 0 }
        let failure: LintError? =
            nothingReached
            ? .connection(ClusterUnreachable(nodes: nodes.map { "\($0.address): \($0.error ?? "")" })) : nil
        return finish(handler, server: server, ending: ending, connectionFailure: failure, nodes: nodes)
    }
}

/// No node of a cluster could be scanned at all.
struct ClusterUnreachable: Error, CustomStringConvertible {
    var nodes: [String]
    var description: String { "no cluster node could be scanned (" + nodes.joined(separator: "; ") + ")" }
}
