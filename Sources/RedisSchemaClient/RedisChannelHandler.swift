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
    /// The commands of one pipeline, in the form the caller built them.
    enum Commands: Sendable {
        /// Commands one by one.
        case each([RedisCommand])
        /// The same one-key commands for each of many keys, encoded without a ``RedisCommand`` per command.
        case perKey(RedisPerKeyPipeline)

        /// How many commands, and so how many replies.
        var count: Int {
            switch self {
            case .each(let commands): return commands.count
            case .perKey(let pipeline): return pipeline.count
            }
        }

        /// The commands on the wire, in one buffer from `allocator` sized exactly.
        func encoded(allocator: ByteBufferAllocator) -> ByteBuffer {
            switch self {
            case .each(let commands):
                var buffer = allocator.buffer(capacity: RESPEncoder.encodedSize(of: commands))
                RESPEncoder.encode(commands, into: &buffer)
                return buffer
            case .perKey(let pipeline):
                var buffer = allocator.buffer(capacity: RESPEncoder.encodedSize(of: pipeline))
                RESPEncoder.encode(pipeline, into: &buffer)
                return buffer
            }
        }
    }

    var commands: Commands
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
        let count = request.commands.count
        guard count > 0 else {
            request.promise.succeed([])
            promise?.succeed()
            return
        }
        let buffer = request.commands.encoded(allocator: context.channel.allocator)

        var timeout: Scheduled<Void>?
        self.pendingBlockingWait = self.pendingBlockingWait + request.blockingWait
        if let commandTimeout = self.commandTimeout {
            timeout = context.eventLoop.assumeIsolated().scheduleTask(in: commandTimeout + self.pendingBlockingWait) {
                self.fail(
                    context: context, with: .commandTimeout(endpoint: self.endpoint, timeout: self.timeoutDuration))
            }
        }
        self.pending.append(
            Pending(
                expectedReplies: count,
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

    /// Decodes every complete reply in `buffer` and hands each pipeline its replies once all have arrived.
    ///
    /// Per reply it touches only locals: every access to a stored property of this class costs a dynamic
    /// exclusivity check (`swift_beginAccess`, a thread-local lookup), which per reply came to about a
    /// twentieth of the client's CPU in a keyspace scan. The decoder and the head pipeline's replies are
    /// moved out of the handler for the loop and back after it; the queue is read once per pipeline.
    private func process(context: ChannelHandlerContext, buffer: inout ByteBuffer) {
        var decoder = RESPDecoder(limits: self.decoder.limits)
        swap(&decoder, &self.decoder)
        var replies: [RESPValue] = []
        swap(&replies, &self.replies)
        defer {
            // After a failure the handler has dropped its replies and its stream position for good.
            if self.failure == nil {
                swap(&decoder, &self.decoder)
                swap(&replies, &self.replies)
            }
        }
        // Every pending pipeline expects at least one reply (empty ones are answered in `write`): 0 means none.
        var expected = self.pending.first?.expectedReplies ?? 0
        if replies.isEmpty, expected > 0 { replies.reserveCapacity(expected) }
        do {
            while let value = try decoder.decode(&buffer) {
                if case .push = value {
                    // Out-of-band (invalidation, pub/sub): never an answer to a request.
                    self.pushHandler?(value)
                    continue
                }
                if expected == 0 {
                    // A callback of the pipeline just completed may have written another one.
                    expected = self.pending.first?.expectedReplies ?? 0
                    guard expected > 0 else {
                        self.failUnrequested(context: context, value)
                        return
                    }
                    replies.reserveCapacity(expected)
                }
                replies.append(value)
                guard replies.count == expected else { continue }
                self.completeHead(with: replies)
                replies = []
                if self.failure != nil { return }
                expected = self.pending.first?.expectedReplies ?? 0
                if expected > 0 { replies.reserveCapacity(expected) }
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

    /// Hands the pipeline at the head of `pending` its replies.
    private func completeHead(with replies: [RESPValue]) {
        let head = self.pending.removeFirst()
        head.timeout?.cancel()
        self.pendingBlockingWait = self.pendingBlockingWait - head.blockingWait
        head.promise.succeed(replies)
    }

    /// A reply arrived with no request pending.
    private func failUnrequested(context: ChannelHandlerContext, _ value: RESPValue) {
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
