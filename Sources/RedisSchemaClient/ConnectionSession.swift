import Logging
import NIOCore
import NIOPosix
import NIOSSL
import RedisSchema

/// One established channel of a ``RedisConnection``: replaced by a new session on each reconnection.
struct ConnectionSession: Sendable {
    let channel: any Channel
    /// Why this channel became unusable, once it has.
    let failure: ConnectionFailure
    /// The RESP version the handshake negotiated.
    let protocolVersion: Int
}

/// Opens sessions: TCP (and TLS), then the handshake. Used for the first connection and every reconnection,
/// so both run exactly the same steps.
struct SessionOpener: Sendable {
    let configuration: RedisConnectionConfiguration
    let eventLoopGroup: any EventLoopGroup
    let logger: Logger
    let pushHandler: (@Sendable (RESPValue) -> Void)?

    func open() async throws(RedisConnectionError) -> ConnectionSession {
        let configuration = self.configuration
        let endpoint = configuration.endpoint
        let sslContext = try configuration.tls?.makeContext()
        let serverHostname = configuration.tls?.serverHostname(for: configuration.host)
        let commandTimeout = configuration.commandTimeout
        let handlerLogger = self.logger
        let pushHandler = self.pushHandler
        let failure = ConnectionFailure()

        let bootstrap = ClientBootstrap(group: self.eventLoopGroup)
            .connectTimeout(RedisConnection.timeAmount(configuration.connectTimeout))
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

        self.logger.debug("connecting to Redis")
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: configuration.host, port: configuration.port).get()
        } catch {
            throw RedisConnection.mapConnectError(error, configuration: configuration)
        }

        let handshake = Handshake(configuration: configuration, channel: channel, failure: failure)
        do {
            let version = try await handshake.run()
            self.logger.debug("connected to Redis", metadata: ["redis.protocol": "\(version)"])
            return ConnectionSession(channel: channel, failure: failure, protocolVersion: version)
        } catch {
            self.logger.debug("Redis handshake failed", metadata: ["redis.error": "\(error)"])
            try? await channel.close()
            throw error
        }
    }
}
