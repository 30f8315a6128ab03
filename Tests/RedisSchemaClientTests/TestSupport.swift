import Foundation
import Logging
import NIOCore
import NIOPosix
import RedisSchema
import RedisSchemaClient
import Testing

/// Ports and files of the real redis-servers started by `scripts/test-client`.
enum TestServers {
    static let environment = ProcessInfo.processInfo.environment

    static let port = environment["REDIS_SCHEMA_TEST_PORT"].flatMap(Int.init)
    static let tlsPort = environment["REDIS_SCHEMA_TEST_TLS_PORT"].flatMap(Int.init)
    static let tlsDirectory = environment["REDIS_SCHEMA_TEST_TLS_DIR"]
    static let authPort = environment["REDIS_SCHEMA_TEST_AUTH_PORT"].flatMap(Int.init)
    static let legacyPort = environment["REDIS_SCHEMA_TEST_LEGACY_PORT"].flatMap(Int.init)
    static let password = environment["REDIS_SCHEMA_TEST_PASSWORD"]

    static let hasServer = port != nil
    static let hasTLS = tlsPort != nil && tlsDirectory != nil
    static let hasAuthServers = authPort != nil && legacyPort != nil && password != nil

    static let skipMessage: Comment =
        "set REDIS_SCHEMA_TEST_PORT (run scripts/test-client) to test against a real redis-server"
    static let skipTLSMessage: Comment =
        "set REDIS_SCHEMA_TEST_TLS_PORT and REDIS_SCHEMA_TEST_TLS_DIR (run scripts/test-client) to test TLS"
    static let skipAuthMessage: Comment =
        "set REDIS_SCHEMA_TEST_AUTH_PORT, _LEGACY_PORT and _PASSWORD (run scripts/test-client) to test authentication"

    static func configuration(
        port: Int? = TestServers.port,
        protocolVersion: RedisProtocolVersion = .resp3,
        commandTimeout: Duration? = .seconds(30)
    ) -> RedisConnectionConfiguration {
        RedisConnectionConfiguration(
            host: "127.0.0.1",
            port: port ?? 6379,
            commandTimeout: commandTimeout,
            protocolVersion: protocolVersion
        )
    }

    static func connect(_ configuration: RedisConnectionConfiguration = configuration()) async throws -> RedisConnection
    {
        try await RedisConnection.connect(configuration, logger: Logger(label: "test"))
    }

    /// A key no other test uses, so that tests can share one server and run in parallel.
    static func uniqueKey(_ name: String) -> String {
        "test:\(name):\(UUID().uuidString)"
    }
}

/// Runs `body`, expecting it to throw a ``RedisConnectionError``, and returns it.
func expectConnectionError(
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () async throws -> Void
) async -> RedisConnectionError? {
    do {
        try await body()
        Issue.record("expected a RedisConnectionError, but nothing was thrown", sourceLocation: sourceLocation)
        return nil
    } catch let error as RedisConnectionError {
        return error
    } catch {
        Issue.record(
            "expected a RedisConnectionError, got \(type(of: error)): \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// A real TCP server on the loopback interface that misbehaves in a chosen way.
final class MisbehavingServer: Sendable {
    enum Behavior: Sendable {
        /// Accepts and reads, but never answers.
        case silent
        /// Closes the connection as soon as it receives data.
        case closeOnRead
        /// Answers any data with these bytes.
        case reply([UInt8])
    }

    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let behavior: Behavior
        init(behavior: Behavior) { self.behavior = behavior }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch self.behavior {
            case .silent:
                break
            case .closeOnRead:
                context.close(promise: nil)
            case .reply(let bytes):
                context.writeAndFlush(self.wrapOutboundOut(ByteBuffer(bytes: bytes)), promise: nil)
            }
        }
    }

    let channel: any Channel
    let port: Int

    private init(channel: any Channel) {
        self.channel = channel
        self.port = channel.localAddress?.port ?? 0
    }

    static func start(_ behavior: Behavior) async throws -> MisbehavingServer {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Handler(behavior: behavior))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        return MisbehavingServer(channel: channel)
    }

    func stop() async {
        try? await self.channel.close()
    }
}

/// A listening socket that never accepts, with its accept queue filled, so the kernel drops further SYNs and
/// a new connection attempt hangs until the client's connect timeout: a real connect timeout on loopback.
final class FullBacklogListener {
    private var descriptors: [Int32] = []
    private(set) var port: Int = 0

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw POSIXError(.EIO) }
        self.descriptors.append(listener)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(listener, generic, length) == 0 && listen(listener, 0) == 0
                    && getsockname(listener, generic, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRINUSE) }
        self.port = Int(UInt16(bigEndian: address.sin_port))
        // Fill the accept queue; these connections are never accepted.
        for _ in 0..<3 {
            let filler = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard filler >= 0 else { continue }
            self.descriptors.append(filler)
            _ = fcntl(filler, F_SETFL, fcntl(filler, F_GETFL) | O_NONBLOCK)
            _ = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                    connect(filler, generic, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        usleep(100_000)
    }

    deinit {
        for descriptor in self.descriptors {
            close(descriptor)
        }
    }
}

/// A port on which nothing listens: bound and released again.
func freePort() async throws -> Int {
    let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .bind(host: "127.0.0.1", port: 0)
        .get()
    let port = channel.localAddress?.port ?? 0
    try await channel.close()
    return port
}
