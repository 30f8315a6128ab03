import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import RedisSchema

/// A fixed number of ``RedisConnection``s shared by many tasks, where blocking commands never stall the rest.
///
/// Each pipeline goes to the least busy connection (fewest pipelines in flight). A pipeline with a blocking
/// command (`BLPOP`, `BRPOP`, `BLMOVE`, `BZPOPMIN`, `XREAD`/`XREADGROUP` with `BLOCK`, `WAIT`, ...) gets a
/// connection to itself, and other pipelines are not sent there until it replies. At most `size - 1`
/// blocking pipelines run at once, so at least one connection always serves the others; further blocking
/// pipelines wait for a connection in arrival order, and their server-side timeout starts when they are sent.
///
/// Every connection reconnects on its own (see ``RedisConnectionConfiguration/reconnection``).
public final class RedisConnectionPool: RedisClientProtocol, Sendable {
    private struct State {
        var inFlight: [Int]
        var blocked: [Bool]
        var blockedCount = 0
        /// Blocking pipelines waiting for a connection, oldest first.
        var waiting: [CheckedContinuation<Int, Never>] = []
        /// Where the search for the least busy connection starts, so ties rotate (round-robin when idle).
        var nextStart = 0
    }

    /// The pool's connections, in a fixed order.
    public let connections: [RedisConnection]
    private let state: NIOLockedValueBox<State>

    private init(connections: [RedisConnection]) {
        self.connections = connections
        self.state = NIOLockedValueBox(
            State(
                inFlight: Array(repeating: 0, count: connections.count),
                blocked: Array(repeating: false, count: connections.count)))
    }

    /// Opens `size` connections with the same configuration.
    ///
    /// - Parameters:
    ///   - configuration: where and how to connect; each connection reconnects as it says.
    ///   - size: the number of connections, at least 2 (one always stays free of blocking commands).
    ///   - eventLoopGroup: the group whose event loops serve the connections.
    ///   - logger: receives connection events at debug level.
    /// - Throws: ``RedisConnectionError`` from the first connection that fails; those already open are closed.
    public static func connect(
        _ configuration: RedisConnectionConfiguration,
        size: Int = 4,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "redis-schema.client")
    ) async throws(RedisConnectionError) -> RedisConnectionPool {
        precondition(size >= 2, "a RedisConnectionPool needs at least 2 connections, one for non-blocking commands")
        var connections: [RedisConnection] = []
        do {
            for _ in 0..<size {
                connections.append(
                    try await RedisConnection.connect(configuration, eventLoopGroup: eventLoopGroup, logger: logger))
            }
        } catch {
            for connection in connections { await connection.close() }
            throw error
        }
        return RedisConnectionPool(connections: connections)
    }

    /// Sends `commands` as one pipeline on one of the pool's connections and returns their replies in order.
    ///
    /// A server error reply is returned as `.error`, not thrown. Blocking commands carry their own timeout,
    /// which the reply deadline allows for (see ``RedisConnection/pipeline(_:)``).
    /// - Throws: ``RedisConnectionError`` as ``RedisConnection/pipeline(_:)`` does.
    public func pipeline(_ commands: [RedisCommand]) async throws -> [RESPValue] {
        guard !commands.isEmpty else { return [] }
        let blocks = BlockingWait.anyBlocks(commands)
        let index = blocks ? await self.acquireForBlocking() : self.acquire()
        defer { self.release(index, blocked: blocks) }
        return try await self.connections[index].pipeline(commands)
    }

    /// Sends the commands of `perKey` as one pipeline on the least busy connection, encoded straight from
    /// its keys (see ``RedisConnection/pipeline(_:)-(RedisPerKeyPipeline)``).
    public func pipeline(_ perKey: RedisPerKeyPipeline) async throws -> [RESPValue] {
        guard perKey.count > 0 else { return [] }
        let index = self.acquire()
        defer { self.release(index, blocked: false) }
        return try await self.connections[index].pipeline(perKey)
    }

    /// Closes every connection; pipelines in flight or waiting fail with
    /// ``RedisConnectionError/connectionClosedByClient(endpoint:)``.
    public func close() async {
        for connection in self.connections {
            await connection.close()
        }
    }

    /// How many blocking pipelines are running now (at most `connections.count - 1`).
    public var blockingInFlight: Int {
        self.state.withLockedValue { $0.blockedCount }
    }

    private func acquire() -> Int {
        self.state.withLockedValue { state in
            let index = Self.leastBusy(state)
            state.inFlight[index] += 1
            state.nextStart = (index + 1) % state.inFlight.count
            return index
        }
    }

    private func acquireForBlocking() async -> Int {
        await withCheckedContinuation { continuation in
            let index: Int? = self.state.withLockedValue { state in
                guard state.blockedCount < state.inFlight.count - 1 else {
                    state.waiting.append(continuation)
                    return nil
                }
                let index = Self.leastBusy(state)
                state.blocked[index] = true
                state.blockedCount += 1
                state.inFlight[index] += 1
                return index
            }
            if let index {
                continuation.resume(returning: index)
            }
        }
    }

    private func release(_ index: Int, blocked: Bool) {
        let handOver: CheckedContinuation<Int, Never>? = self.state.withLockedValue { state in
            state.inFlight[index] -= 1
            guard blocked else { return nil }
            if !state.waiting.isEmpty {
                // The connection stays reserved for blocking use and passes straight to the oldest waiter.
                state.inFlight[index] += 1
                return state.waiting.removeFirst()
            }
            state.blocked[index] = false
            state.blockedCount -= 1
            return nil
        }
        handOver?.resume(returning: index)
    }

    /// The connection not reserved by a blocking pipeline with the fewest pipelines in flight; one always
    /// exists since at most `size - 1` are reserved.
    private static func leastBusy(_ state: State) -> Int {
        let count = state.inFlight.count
        var best: Int?
        for offset in 0..<count {
            let index = (state.nextStart + offset) % count
            guard !state.blocked[index] else { continue }
            if best.map({ state.inFlight[index] < state.inFlight[$0] }) ?? true {
                best = index
            }
        }
        return best ?? state.nextStart
    }
}
