import Logging
import NIOCore
import NIOPosix
import NIOSSL
import RedisSchema

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One connection to a Redis server, safe to share between tasks.
///
/// Concurrent ``pipeline(_:)`` calls are written in call order and each call's commands stay contiguous, so
/// many pipelines can be in flight on one connection; replies are matched to calls in FIFO order.
///
/// When the connection drops (server restart, `CLIENT KILL`, network error), the pipelines in flight fail
/// with a ``RedisConnectionError`` and, unless ``RedisConnectionConfiguration/reconnection`` is
/// ``RedisReconnection/never``, the connection reconnects in the background with the full handshake;
/// pipelines sent meanwhile wait for the next attempt. Blocking commands (`BLPOP`, `BLMOVE`,
/// `XREAD BLOCK`, ...) get their own timeout added to the reply deadline.
public final class RedisConnection: RedisClientProtocol, Sendable {
    /// The configuration the connection was opened with.
    public let configuration: RedisConnectionConfiguration

    private let supervisor: ConnectionSupervisor

    private init(configuration: RedisConnectionConfiguration, supervisor: ConnectionSupervisor) {
        self.configuration = configuration
        self.supervisor = supervisor
    }

    deinit {
        // A connection nobody can reach any more must not keep its socket or its reconnection loop alive.
        self.supervisor.shutdown()?.close(promise: nil)
    }

    /// The negotiated RESP version: 3 after a successful `HELLO 3`, otherwise 2; renegotiated on reconnection.
    public var protocolVersion: Int {
        self.supervisor.latest.session.protocolVersion
    }

    /// Connects, negotiates the protocol, authenticates, names the client and selects the database.
    ///
    /// The first connection is not retried: an error here is usually a wrong URL or password, which waiting
    /// would not fix. Reconnection applies only once this connection has been established.
    ///
    /// - Parameters:
    ///   - configuration: where and how to connect.
    ///   - eventLoopGroup: the group whose event loop serves the connection.
    ///   - logger: receives connection events at debug level; messages name the redacted URL only.
    ///   - pushHandler: receives RESP3 push messages (e.g. client-side caching invalidations), which are
    ///     never replies to requests; they are dropped when `nil`. Called on the event loop: must not block.
    /// - Throws: ``RedisConnectionError``.
    public static func connect(
        _ configuration: RedisConnectionConfiguration,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "redis-schema.client"),
        pushHandler: (@Sendable (RESPValue) -> Void)? = nil
    ) async throws(RedisConnectionError) -> RedisConnection {
        var logger = logger
        logger[metadataKey: "redis.url"] = "\(configuration.redactedURL)"
        let opener = SessionOpener(
            configuration: configuration, eventLoopGroup: eventLoopGroup, logger: logger, pushHandler: pushHandler)
        let session = try await opener.open()
        return RedisConnection(
            configuration: configuration,
            supervisor: ConnectionSupervisor(opener: opener, session: session)
        )
    }

    /// Sends `commands` as one pipeline (one write, one round trip) and returns their replies in order.
    ///
    /// A server error reply is returned as `.error`, not thrown. The replies must arrive within the command
    /// timeout plus the timeouts of the blocking commands in the pipeline (a blocking command with timeout 0,
    /// which waits forever, adds nothing: the command timeout still detects a dead server under it).
    /// - Throws: ``RedisConnectionError`` if the connection fails or drops with the pipeline in flight, is
    ///   closed, or the replies do not arrive in time (which also drops the connection); while reconnecting,
    ///   the error of the next attempt if it fails.
    public func pipeline(_ commands: [RedisCommand]) async throws -> [RESPValue] {
        guard !commands.isEmpty else { return [] }
        let session = try await self.supervisor.session()
        return try await Self.pipeline(
            commands,
            on: session.channel,
            failure: session.failure,
            endpoint: self.configuration.endpoint,
            blockingWait: BlockingWait.finiteTotal(of: commands)
        )
    }

    /// Sends the commands of `perKey` as one pipeline, encoded straight from its keys, and returns their
    /// replies in order; errors and timeouts as ``pipeline(_:)-([RedisCommand])``.
    public func pipeline(_ perKey: RedisPerKeyPipeline) async throws -> [RESPValue] {
        guard perKey.count > 0 else { return [] }
        let session = try await self.supervisor.session()
        // One-key commands never block: a blocking command takes a timeout after its keys.
        return try await Self.send(
            .perKey(perKey), on: session.channel, failure: session.failure, endpoint: self.configuration.endpoint)
    }

    /// Closes the connection for good: pending pipelines fail with
    /// ``RedisConnectionError/connectionClosedByClient(endpoint:)``, and it never reconnects.
    ///
    /// Never throws: a failed close (e.g. a TLS peer that skips `close_notify`) leaves nothing to act on.
    public func close() async {
        await self.supervisor.close()
    }

    /// How many times the connection was re-established after dropping (server restart, `CLIENT KILL`, a reply
    /// timeout), including drops no request noticed; failed attempts do not count.
    public var reconnections: Int {
        self.supervisor.reconnections
    }

    /// Whether the connection can carry requests now (`false` while it reconnects, and after ``close()``).
    public var isActive: Bool {
        let latest = self.supervisor.latest
        return latest.isConnected && latest.session.channel.isActive
    }

    static func pipeline(
        _ commands: [RedisCommand],
        on channel: any Channel,
        failure: ConnectionFailure,
        endpoint: String,
        blockingWait: Duration = .zero
    ) async throws(RedisConnectionError) -> [RESPValue] {
        try await self.send(
            .each(commands), on: channel, failure: failure, endpoint: endpoint, blockingWait: blockingWait)
    }

    private static func send(
        _ commands: RedisRequest.Commands,
        on channel: any Channel,
        failure: ConnectionFailure,
        endpoint: String,
        blockingWait: Duration = .zero
    ) async throws(RedisConnectionError) -> [RESPValue] {
        guard commands.count > 0 else { return [] }
        let promise = channel.eventLoop.makePromise(of: [RESPValue].self)
        let writePromise = channel.eventLoop.makePromise(of: Void.self)
        // If the write never reaches the handler (channel already torn down), fail the request here.
        writePromise.futureResult.whenFailure { error in
            promise.fail(error)
        }
        let request = RedisRequest(commands: commands, promise: promise, blockingWait: Self.timeAmount(blockingWait))
        channel.writeAndFlush(request, promise: writePromise)
        do {
            return try await promise.futureResult.get()
        } catch let error as RedisConnectionError {
            throw error
        } catch {
            // The write failed before reaching the handler: the channel had already closed, for the reason
            // the handler recorded.
            throw failure.error ?? .connectionClosed(endpoint: endpoint)
        }
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    static func mapConnectError(_ error: any Error, configuration: RedisConnectionConfiguration)
        -> RedisConnectionError
    {
        let endpoint = configuration.endpoint
        switch error {
        case let error as RedisConnectionError:
            return error
        case ChannelError.connectTimeout:
            return .connectTimeout(endpoint: endpoint, timeout: configuration.connectTimeout)
        case let error as NIOConnectionError:
            if error.connectionErrors.isEmpty, error.dnsAError != nil || error.dnsAAAAError != nil {
                return .hostNotFound(host: configuration.host)
            }
            if let first = error.connectionErrors.first {
                return self.mapConnectError(first.error, configuration: configuration)
            }
            return .connectionFailed(endpoint: endpoint, reason: "\(error)")
        case let error as IOError where error.errnoCode == ECONNREFUSED:
            return .connectionRefused(endpoint: endpoint)
        case let error as IOError where error.errnoCode == ETIMEDOUT:
            return .connectTimeout(endpoint: endpoint, timeout: configuration.connectTimeout)
        case let error as IOError where error.errnoCode == ENETUNREACH || error.errnoCode == EHOSTUNREACH:
            return .connectionFailed(endpoint: endpoint, reason: "the network or host is unreachable")
        case is SocketAddressError:
            return .hostNotFound(host: configuration.host)
        default:
            return .connectionFailed(endpoint: endpoint, reason: "\(error)")
        }
    }
}
