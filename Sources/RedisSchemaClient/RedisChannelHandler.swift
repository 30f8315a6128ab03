import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOSSL
import RedisSchema

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The first error that made a connection unusable, readable from any thread.
///
/// Requests written after the channel closed never reach the handler (the pipeline is torn down), so the
/// connection asks this box why it closed instead of reporting a generic channel error.
final class ConnectionFailure: Sendable {
    private let box = NIOLockedValueBox<RedisConnectionError?>(nil)

    /// The recorded error, if any.
    var error: RedisConnectionError? {
        self.box.withLockedValue { $0 }
    }

    /// Records `error` unless an earlier error was recorded; returns the error now in force.
    @discardableResult
    func record(_ error: RedisConnectionError) -> RedisConnectionError {
        self.box.withLockedValue { current in
            if let current {
                return current
            }
            current = error
            return error
        }
    }
}

/// One `pipeline` call travelling down the channel: its commands and where their replies go.
struct RedisRequest: Sendable {
    var commands: [RedisCommand]
    var promise: EventLoopPromise<[RESPValue]>
    /// How long the commands may wait on the server on purpose (blocking commands), added to the reply deadline.
    var blockingWait: TimeAmount = .zero
}

/// Writes pipelines and matches replies to them in FIFO order.
///
/// Redis answers the commands of one connection strictly in order, so a queue of pending pipelines is all the
/// bookkeeping needed. Each pipeline is encoded into one buffer and completes with one promise, which keeps
/// the per-reply cost to decoding and one array append. Any failure (timeout, malformed reply, TLS error,
/// closed socket) fails every pending pipeline and closes the channel: after it the reply stream can no
/// longer be matched to requests.
final class RedisChannelHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = RedisRequest
    typealias OutboundOut = ByteBuffer

    private struct Pending {
        var expectedReplies: Int
        var promise: EventLoopPromise<[RESPValue]>
        var timeout: Scheduled<Void>?
        var blockingWait: TimeAmount
    }

    private let endpoint: String
    private let sharedFailure: ConnectionFailure
    private let commandTimeout: TimeAmount?
    private let commandTimeoutDuration: Duration?
    private let pushHandler: (@Sendable (RESPValue) -> Void)?
    private let logger: Logger

    private var decoder: RESPDecoder
    private var pending = CircularBuffer<Pending>(initialCapacity: 16)
    /// Replies received so far for the pipeline at the head of `pending`.
    private var replies: [RESPValue] = []
    /// How many replies the pipeline at the head of `pending` expects; cached to keep the per-reply path lean.
    private var headExpectedReplies = 0
    /// Bytes of a reply that has not fully arrived yet.
    private var leftover: ByteBuffer?
    /// Set once the connection is unusable; later requests fail with it.
    private var failure: RedisConnectionError?
    /// The blocking waits of all pending pipelines: a pipeline queued behind a `BLPOP` gets its deadline moved
    /// by that wait too, since Redis answers it only after the `BLPOP`.
    private var pendingBlockingWait: TimeAmount = .zero

    init(
        endpoint: String,
        failure: ConnectionFailure,
        commandTimeout: Duration?,
        decodingLimits: RESPDecodingLimits = RESPDecodingLimits(),
        pushHandler: (@Sendable (RESPValue) -> Void)?,
        logger: Logger
    ) {
        self.endpoint = endpoint
        self.sharedFailure = failure
        self.commandTimeoutDuration = commandTimeout
        self.commandTimeout = commandTimeout.map { duration in
            let (seconds, attoseconds) = duration.components
            return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        }
        self.decoder = RESPDecoder(limits: decodingLimits)
        self.pushHandler = pushHandler
        self.logger = logger
    }

    // MARK: Outbound

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = self.unwrapOutboundIn(data)
        if let failure = self.failure {
            request.promise.fail(failure)
            promise?.fail(failure)
            return
        }
        guard !request.commands.isEmpty else {
            request.promise.succeed([])
            promise?.succeed()
            return
        }
        var buffer = context.channel.allocator.buffer(capacity: RESPEncoder.estimatedSize(of: request.commands))
        RESPEncoder.encode(request.commands, into: &buffer)

        var timeout: Scheduled<Void>?
        self.pendingBlockingWait = self.pendingBlockingWait + request.blockingWait
        if let commandTimeout = self.commandTimeout {
            timeout = context.eventLoop.assumeIsolated().scheduleTask(in: commandTimeout + self.pendingBlockingWait) {
                self.fail(
                    context: context, with: .commandTimeout(endpoint: self.endpoint, timeout: self.timeoutDuration))
            }
        }
        if self.pending.isEmpty {
            self.headExpectedReplies = request.commands.count
            self.replies.reserveCapacity(request.commands.count)
        }
        self.pending.append(
            Pending(
                expectedReplies: request.commands.count,
                promise: request.promise,
                timeout: timeout,
                blockingWait: request.blockingWait
            )
        )
        context.write(self.wrapOutboundOut(buffer), promise: promise)
    }

    func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        if mode == .all, self.failure == nil {
            let error = self.sharedFailure.record(.connectionClosedByClient(endpoint: self.endpoint))
            self.failure = error
            self.failPending(with: error)
        }
        context.close(mode: mode, promise: promise)
    }

    private var timeoutDuration: Duration {
        self.commandTimeoutDuration ?? .zero
    }

    // MARK: Inbound

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var incoming = self.unwrapInboundIn(data)
        guard var buffer = self.leftover else {
            self.process(context: context, buffer: &incoming)
            return
        }
        self.leftover = nil  // so that `buffer` is uniquely referenced and grows in place
        buffer.writeBuffer(&incoming)
        self.process(context: context, buffer: &buffer)
    }

    private func process(context: ChannelHandlerContext, buffer: inout ByteBuffer) {
        do {
            while let value = try self.decoder.decode(&buffer) {
                self.deliver(context: context, value)
                if self.failure != nil {
                    return
                }
            }
        } catch {
            self.fail(context: context, with: .protocolError(endpoint: self.endpoint, reason: error.description))
            return
        }
        if buffer.readableBytes > 0 {
            if buffer.readerIndex > 64 * 1024 {
                buffer.discardReadBytes()
            }
            self.leftover = buffer
        }
    }

    private func deliver(context: ChannelHandlerContext, _ value: RESPValue) {
        if case .push = value {
            // Out-of-band (invalidation, pub/sub): never an answer to a request.
            self.pushHandler?(value)
            return
        }
        guard !self.pending.isEmpty else {
            if case .error(let serverError) = value {
                // A server refusing the connection (`ERR max number of clients reached`) may answer before
                // the first request is registered: its words, not "invalid RESP", say what happened.
                self.fail(
                    context: context,
                    with: .handshakeFailed(endpoint: self.endpoint, serverMessage: serverError.message))
                return
            }
            self.fail(
                context: context,
                with: .protocolError(endpoint: self.endpoint, reason: "a reply arrived with no request pending")
            )
            return
        }
        self.replies.append(value)
        guard self.replies.count == self.headExpectedReplies else { return }
        let head = self.pending.removeFirst()
        head.timeout?.cancel()
        self.pendingBlockingWait = self.pendingBlockingWait - head.blockingWait
        let replies = self.replies
        self.replies = []
        if let next = self.pending.first {
            self.headExpectedReplies = next.expectedReplies
            self.replies.reserveCapacity(next.expectedReplies)
        }
        head.promise.succeed(replies)
    }

    func channelInactive(context: ChannelHandlerContext) {
        let error = self.failure ?? self.sharedFailure.record(.connectionClosed(endpoint: self.endpoint))
        self.failure = error
        self.failPending(with: error)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.fail(context: context, with: self.map(error))
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        // A server that closes its side mid-stream leaves the connection useless for requests.
        if let event = event as? ChannelEvent, event == .inputClosed {
            self.fail(context: context, with: .connectionClosed(endpoint: self.endpoint))
        }
        context.fireUserInboundEventTriggered(event)
    }

    // MARK: Failure

    private func fail(context: ChannelHandlerContext, with error: RedisConnectionError) {
        guard self.failure == nil else { return }
        self.failure = self.sharedFailure.record(error)
        self.logger.debug(
            "closing Redis connection",
            metadata: ["redis.endpoint": "\(self.endpoint)", "redis.error": "\(error)"]
        )
        self.failPending(with: error)
        context.close(promise: nil)
    }

    private func failPending(with error: RedisConnectionError) {
        self.replies = []
        self.leftover = nil
        self.pendingBlockingWait = .zero
        while let entry = self.pending.popFirst() {
            entry.timeout?.cancel()
            entry.promise.fail(error)
        }
    }

    private func map(_ error: any Error) -> RedisConnectionError {
        switch error {
        case let error as RedisConnectionError:
            return error
        case let error as NIOSSLError:
            return .tlsHandshakeFailed(endpoint: self.endpoint, reason: Self.describe(error))
        case let error as NIOSSLExtraError:
            return .tlsHandshakeFailed(endpoint: self.endpoint, reason: "\(error)")
        case let error as BoringSSLError:
            return .tlsHandshakeFailed(endpoint: self.endpoint, reason: "\(error)")
        case let error as IOError where error.errnoCode == ECONNRESET || error.errnoCode == EPIPE:
            return .connectionClosed(endpoint: self.endpoint)
        default:
            return .connectionFailed(endpoint: self.endpoint, reason: "\(error)")
        }
    }

    /// NIOSSL's descriptions bury the useful part ("certificate verify failed") in BoringSSL error stacks.
    private static func describe(_ error: NIOSSLError) -> String {
        let text = "\(error)"
        if text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("certificate verify failed") {
            return "the server certificate could not be verified (\(text))"
        }
        return text
    }
}
