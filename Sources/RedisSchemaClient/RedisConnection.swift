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
public final class RedisConnection: RedisClientProtocol, Sendable {
    /// The negotiated RESP version: 3 after a successful `HELLO 3`, otherwise 2.
    public let protocolVersion: Int
    /// The configuration the connection was opened with.
    public let configuration: RedisConnectionConfiguration

    private let channel: any Channel
    private let failure: ConnectionFailure
    private let logger: Logger

    private init(
        channel: any Channel,
        failure: ConnectionFailure,
        protocolVersion: Int,
        configuration: RedisConnectionConfiguration,
        logger: Logger
    ) {
        self.channel = channel
        self.failure = failure
        self.protocolVersion = protocolVersion
        self.configuration = configuration
        self.logger = logger
    }

    /// Connects, negotiates the protocol, authenticates, names the client and selects the database.
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
        let endpoint = configuration.endpoint

        let sslContext = try configuration.tls?.makeContext()
        let serverHostname = configuration.tls?.serverHostname(for: configuration.host)
        let commandTimeout = configuration.commandTimeout
        let handlerLogger = logger
        let failure = ConnectionFailure()

        let bootstrap = ClientBootstrap(group: eventLoopGroup)
            .connectTimeout(Self.timeAmount(configuration.connectTimeout))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                do {
                    if let sslContext {
                        let tlsHandler = try NIOSSLClientHandler(context: sslContext, serverHostname: serverHostname)
                        try channel.pipeline.syncOperations.addHandler(tlsHandler)
                    }
                    try channel.pipeline.syncOperations.addHandler(
                        RedisChannelHandler(
                            endpoint: endpoint,
                            failure: failure,
                            commandTimeout: commandTimeout,
                            pushHandler: pushHandler,
                            logger: handlerLogger
                        )
                    )
                    return channel.eventLoop.makeSucceededVoidFuture()
                } catch {
                    return channel.eventLoop.makeFailedFuture(error)
                }
            }

        logger.debug("connecting to Redis")
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: configuration.host, port: configuration.port).get()
        } catch {
            throw Self.mapConnectError(error, configuration: configuration)
        }

        let handshake = Handshake(configuration: configuration, channel: channel, failure: failure)
        do {
            let version = try await handshake.run()
            logger.debug("connected to Redis", metadata: ["redis.protocol": "\(version)"])
            return RedisConnection(
                channel: channel,
                failure: failure,
                protocolVersion: version,
                configuration: configuration,
                logger: logger
            )
        } catch {
            logger.debug("Redis handshake failed", metadata: ["redis.error": "\(error)"])
            try? await channel.close()
            throw error
        }
    }

    /// Sends `commands` as one pipeline (one write, one round trip) and returns their replies in order.
    ///
    /// A server error reply is returned as `.error`, not thrown.
    /// - Throws: ``RedisConnectionError`` if the connection fails, is closed, or the replies do not arrive
    ///   within the command timeout (which also closes the connection).
    public func pipeline(_ commands: [RedisCommand]) async throws -> [RESPValue] {
        try await Self.pipeline(
            commands, on: self.channel, failure: self.failure, endpoint: self.configuration.endpoint)
    }

    /// Closes the connection; pending pipelines fail with
    /// ``RedisConnectionError/connectionClosedByClient(endpoint:)``.
    ///
    /// Never throws: a failed close (e.g. a TLS peer that skips `close_notify`) leaves nothing to act on.
    public func close() async {
        do {
            try await self.channel.close()
            self.logger.debug("closed Redis connection")
        } catch ChannelError.alreadyClosed {
            return
        } catch {
            self.logger.debug("Redis connection closed uncleanly", metadata: ["redis.error": "\(error)"])
        }
    }

    /// Whether the connection can still carry requests.
    public var isActive: Bool {
        self.channel.isActive
    }

    static func pipeline(
        _ commands: [RedisCommand],
        on channel: any Channel,
        failure: ConnectionFailure,
        endpoint: String
    ) async throws(RedisConnectionError) -> [RESPValue] {
        guard !commands.isEmpty else { return [] }
        let promise = channel.eventLoop.makePromise(of: [RESPValue].self)
        let writePromise = channel.eventLoop.makePromise(of: Void.self)
        // If the write never reaches the handler (channel already torn down), fail the request here.
        writePromise.futureResult.whenFailure { error in
            promise.fail(error)
        }
        channel.writeAndFlush(RedisRequest(commands: commands, promise: promise), promise: writePromise)
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
