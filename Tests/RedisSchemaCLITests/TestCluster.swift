import Foundation
import RedisSchema

/// A real Redis Cluster on loopback for tests: 3 primaries and 3 replicas, each a ``ThrowawayRedis``
/// started with `--cluster-enabled yes`, joined by `redis-cli --cluster create … --cluster-replicas 1`.
///
/// Creating one takes seconds, so suites share ``shared`` (started once per test process, only read
/// from); a test that kills a node or moves slots starts its own with ``start()`` and stops it.
// `@unchecked`: the node processes are started in `start()` and only stopped after; nothing else mutates them.
final class TestCluster: @unchecked Sendable {
    /// A node as `CLUSTER NODES` lists it.
    struct Node: Sendable {
        var id: String
        var port: Int
        var isPrimary: Bool
        /// The primary's id, for a replica.
        var primaryID: String?
        var slots: [ClosedRange<Int>]
    }

    let servers: [ThrowawayRedis]

    /// The cluster every read-only test uses, created on first use.
    static let shared: Result<TestCluster, any Error> = Result { try TestCluster.start() }

    private init(servers: [ThrowawayRedis]) {
        self.servers = servers
    }

    /// Starts six nodes and makes a cluster of them; waits until every node says `cluster_state:ok`,
    /// knows all six nodes, and every replica has finished its first sync.
    static func start() throws -> TestCluster {
        var servers: [ThrowawayRedis] = []
        do {
            for _ in 0..<6 {
                // A short node timeout, so that a killed primary fails over within seconds.
                servers.append(try ThrowawayRedis(["--cluster-enabled", "yes", "--cluster-node-timeout", "1000"]))
            }
            let cluster = TestCluster(servers: servers)
            _ = try Self.redisCLI(
                ["--cluster", "create"] + servers.map { "127.0.0.1:\($0.port)" } + [
                    "--cluster-replicas", "1", "--cluster-yes",
                ])
            try cluster.waitUntilHealthy()
            return cluster
        } catch {
            for server in servers { server.stop() }
            throw error
        }
    }

    var ports: [Int] { servers.map(\.port) }

    /// Stops every node still running.
    func stop() {
        for server in servers { server.stop() }
    }

    /// The nodes as `port` (a running node) sees them.
    func nodes(askingPort port: Int? = nil) throws -> [Node] {
        let text = try Self.redisCLI(["-p", "\(port ?? ports[0])", "CLUSTER", "NODES"])
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count >= 8, let colon = fields[1].firstIndex(of: ":") else { return nil }
            let portText = fields[1][fields[1].index(after: colon)...].prefix { $0.isNumber }
            guard let nodePort = Int(portText) else { return nil }
            let flags = fields[2].split(separator: ",")
            guard !flags.contains("fail"), !flags.contains("noaddr") else { return nil }
            let slots: [ClosedRange<Int>] = fields.dropFirst(8).compactMap { range in
                guard !range.hasPrefix("[") else { return nil }
                let ends = range.split(separator: "-").compactMap { Int($0) }
                return ends.count == 2 ? ends[0]...ends[1] : ends.count == 1 ? ends[0]...ends[0] : nil
            }
            return Node(
                id: fields[0], port: nodePort, isPrimary: flags.contains("master"),
                primaryID: fields[3] == "-" ? nil : fields[3], slots: slots)
        }
    }

    /// The primaries, in slot order.
    func primaries(askingPort port: Int? = nil) throws -> [Node] {
        try nodes(askingPort: port).filter { $0.isPrimary && !$0.slots.isEmpty }
            .sorted { ($0.slots.first?.lowerBound ?? 0) < ($1.slots.first?.lowerBound ?? 0) }
    }

    /// The replicas.
    func replicas(askingPort port: Int? = nil) throws -> [Node] {
        try nodes(askingPort: port).filter { !$0.isPrimary }
    }

    /// Waits (up to 30 s) until every running node reports `cluster_state:ok` and six nodes, each
    /// primary has one replica, and every replica's link to its primary is up and synced.
    func waitUntilHealthy(nodeCount: Int = 6, running: [Int]? = nil) throws {
        let ports = running ?? self.ports
        for _ in 0..<300 {
            if try ports.allSatisfy(isSettled(_:)), try nodes(askingPort: ports[0]).count == nodeCount { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw ClusterSetupError(message: "the cluster did not settle within 30 s")
    }

    private func isSettled(_ port: Int) throws -> Bool {
        let info = try Self.redisCLI(["-p", "\(port)", "CLUSTER", "INFO"])
        guard info.contains("cluster_state:ok") else { return false }
        let replication = try Self.redisCLI(["-p", "\(port)", "INFO", "replication"])
        if replication.contains("role:slave") {
            return replication.contains("master_link_status:up") && replication.contains("master_sync_in_progress:0")
        }
        return true
    }

    /// Writes `commands` (each a list of arguments) to the primaries that own their keys (the first
    /// argument after the command name), with `redis-cli --pipe`; returns how many went to each port.
    @discardableResult
    func load(_ commands: [[String]]) throws -> [Int: Int] {
        let primaries = try primaries()
        var byPort: [Int: [UInt8]] = [:]
        var counts: [Int: Int] = [:]
        for command in commands {
            let slot = RedisHashSlot.slot(of: command[1])
            guard let owner = primaries.first(where: { node in node.slots.contains { $0.contains(slot) } }) else {
                throw ClusterSetupError(message: "no primary owns slot \(slot)")
            }
            var bytes = Array("*\(command.count)\r\n".utf8)
            for argument in command {
                bytes += Array("$\(argument.utf8.count)\r\n\(argument)\r\n".utf8)
            }
            byPort[owner.port, default: []] += bytes
            counts[owner.port, default: 0] += 1
        }
        for (port, bytes) in byPort {
            let output = try Self.redisCLI(["-p", "\(port)", "--pipe"], input: Data(bytes))
            guard output.contains("errors: 0") else { throw ClusterSetupError(message: "redis-cli --pipe: \(output)") }
        }
        return counts
    }

    /// The sum of `DBSIZE` over the primaries: the independent count of the cluster's keys.
    func keyCount() throws -> Int {
        try primaries().reduce(0) { total, node in
            total
                + (Int(
                    try Self.redisCLI(["-p", "\(node.port)", "DBSIZE"]).trimmingCharacters(in: .whitespacesAndNewlines))
                    ?? 0)
        }
    }

    /// Waits until every replica holds as many keys as its primary.
    func waitForReplicas() throws {
        for _ in 0..<100 {
            let all = try nodes()
            let synced = try all.filter { !$0.isPrimary }.allSatisfy { replica in
                guard let primary = all.first(where: { $0.id == replica.primaryID }) else { return false }
                return try Self.redisCLI(["-p", "\(replica.port)", "DBSIZE"])
                    == Self.redisCLI(["-p", "\(primary.port)", "DBSIZE"])
            }
            if synced { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw ClusterSetupError(message: "the replicas did not catch up within 10 s")
    }

    /// Runs redis-cli and returns its standard output.
    @discardableResult
    static func redisCLI(_ arguments: [String], input: Data? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["redis-cli"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        let inputPipe = input.map { _ in Pipe() }
        if let inputPipe { process.standardInput = inputPipe }
        try process.run()
        if let inputPipe, let input {
            inputPipe.fileHandleForWriting.write(input)
            try inputPipe.fileHandleForWriting.close()
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// A cluster that could not be set up for a test.
struct ClusterSetupError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
