import Logging
import NIOConcurrencyHelpers
import NIOCore

/// Keeps a ``RedisConnection`` connected: notices when its channel closes, and reconnects in the background
/// with the configured backoff until it succeeds or the connection is closed.
///
/// Requests that arrive while it reconnects wait for the next attempt and fail with that attempt's error, so
/// during an outage a caller waits at most one backoff delay plus one connection attempt.
final class ConnectionSupervisor: Sendable {
    private enum State {
        case connected(ConnectionSession)
        /// `previous` is the dropped session; `nextAttempt` completes with the outcome of the next attempt.
        case reconnecting(previous: ConnectionSession, nextAttempt: EventLoopPromise<ConnectionSession>)
        case closed(last: ConnectionSession)
    }

    private let opener: SessionOpener
    private let state: NIOLockedValueBox<State>
    private let loop = NIOLockedValueBox<Task<Void, Never>?>(nil)
    private let reconnectionCount = NIOLockedValueBox(0)

    init(opener: SessionOpener, session: ConnectionSession) {
        self.opener = opener
        self.state = NIOLockedValueBox(.connected(session))
        self.watch(session)
    }

    private var endpoint: String { self.opener.configuration.endpoint }

    /// The session to send on, waiting for the next reconnection attempt when the connection is down.
    func session() async throws(RedisConnectionError) -> ConnectionSession {
        let attempt: EventLoopFuture<ConnectionSession>
        switch self.state.withLockedValue({ $0 }) {
        case .connected(let session):
            if session.channel.isActive || self.opener.configuration.reconnection == .never {
                return session
            }
            // Dropped, but the close notification has not run yet: start reconnecting now rather than send
            // into a closed channel.
            self.dropped(session)
            return try await self.session()
        case .reconnecting(_, let nextAttempt):
            attempt = nextAttempt.futureResult
        case .closed:
            throw .connectionClosedByClient(endpoint: self.endpoint)
        }
        do {
            return try await attempt.get()
        } catch let error as RedisConnectionError {
            throw error
        } catch {
            throw .connectionFailed(endpoint: self.endpoint, reason: "\(error)")
        }
    }

    /// The current or last session, for its protocol version and liveness.
    var latest: (session: ConnectionSession, isConnected: Bool, isReconnecting: Bool) {
        switch self.state.withLockedValue({ $0 }) {
        case .connected(let session): return (session, true, false)
        case .reconnecting(let previous, _): return (previous, false, true)
        case .closed(let last): return (last, false, false)
        }
    }

    /// How many times the connection was re-established after dropping.
    var reconnections: Int {
        self.reconnectionCount.withLockedValue { $0 }
    }

    /// Closes the channel and stops reconnecting; later requests fail with `connectionClosedByClient`.
    func close() async {
        let channel = self.shutdown()
        do {
            try await channel?.close()
            self.opener.logger.debug("closed Redis connection")
        } catch ChannelError.alreadyClosed {
            return
        } catch {
            self.opener.logger.debug("Redis connection closed uncleanly", metadata: ["redis.error": "\(error)"])
        }
    }

    /// Marks the connection closed, stops the reconnection loop and fails requests waiting for it; returns the
    /// channel still to close, if any. Safe to call from `deinit`.
    @discardableResult
    func shutdown() -> (any Channel)? {
        let (channel, attempt): ((any Channel)?, EventLoopPromise<ConnectionSession>?) = self.state.withLockedValue {
            state in
            switch state {
            case .connected(let session):
                state = .closed(last: session)
                return (session.channel, nil)
            case .reconnecting(let previous, let nextAttempt):
                state = .closed(last: previous)
                return (nil, nextAttempt)
            case .closed:
                return (nil, nil)
            }
        }
        self.loop.withLockedValue { $0?.cancel() }
        attempt?.fail(RedisConnectionError.connectionClosedByClient(endpoint: self.endpoint))
        return channel
    }

    private func watch(_ session: ConnectionSession) {
        session.channel.closeFuture.whenComplete { [weak self] _ in
            self?.dropped(session)
        }
    }

    private func dropped(_ session: ConnectionSession) {
        guard self.opener.configuration.reconnection != .never else { return }
        let eventLoop = session.channel.eventLoop
        let starts = self.state.withLockedValue { state in
            // Only the live session's drop counts: not a close(), not an old session.
            guard case .connected(let current) = state, current.channel === session.channel else { return false }
            state = .reconnecting(previous: session, nextAttempt: eventLoop.makePromise())
            return true
        }
        guard starts else { return }
        self.opener.logger.debug(
            "Redis connection dropped; reconnecting",
            metadata: ["redis.error": "\(session.failure.error.map { "\($0)" } ?? "closed")"])
        self.loop.withLockedValue { loop in
            loop = Task { await self.reconnect() }
        }
    }

    /// Attempts until one succeeds or the connection is closed, waiting the policy's delay before each attempt.
    private func reconnect() async {
        var generator = SystemRandomNumberGenerator()
        var attempt = 1
        while true {
            guard let delay = self.opener.configuration.reconnection.delay(beforeAttempt: attempt, using: &generator)
            else { return }
            do {
                try await Task.sleep(for: delay)
            } catch {
                return  // cancelled by close()
            }
            guard self.latest.isReconnecting else { return }
            let outcome: Result<ConnectionSession, RedisConnectionError>
            do {
                outcome = .success(try await self.opener.open())
            } catch {
                outcome = .failure(error)
            }
            if self.finish(attempt: attempt, outcome) {
                return
            }
            attempt += 1
        }
    }

    /// Installs a successful attempt's session, or fails the requests that waited for a failed one; returns
    /// whether the loop is done.
    private func finish(attempt: Int, _ outcome: Result<ConnectionSession, RedisConnectionError>) -> Bool {
        enum Step {
            case installed(EventLoopPromise<ConnectionSession>, ConnectionSession)
            case failed(EventLoopPromise<ConnectionSession>, RedisConnectionError)
            case closedMeanwhile
        }
        let step: Step = self.state.withLockedValue { state in
            guard case .reconnecting(let previous, let waiting) = state else { return .closedMeanwhile }
            switch outcome {
            case .success(let session):
                state = .connected(session)
                self.reconnectionCount.withLockedValue { $0 += 1 }
                return .installed(waiting, session)
            case .failure(let error):
                state = .reconnecting(previous: previous, nextAttempt: previous.channel.eventLoop.makePromise())
                return .failed(waiting, error)
            }
        }
        switch step {
        case .installed(let waiting, let session):
            self.opener.logger.debug("reconnected to Redis", metadata: ["redis.attempt": "\(attempt)"])
            self.watch(session)
            waiting.succeed(session)
            return true
        case .failed(let waiting, let error):
            self.opener.logger.debug(
                "Redis reconnection attempt failed",
                metadata: ["redis.attempt": "\(attempt)", "redis.error": "\(error)"])
            waiting.fail(error)
            return false
        case .closedMeanwhile:
            // close() came first: the new session must not outlive it.
            if case .success(let session) = outcome {
                session.channel.close(promise: nil)
            }
            return true
        }
    }
}
