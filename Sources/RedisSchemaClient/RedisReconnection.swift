/// What a ``RedisConnection`` does after its connection drops (server restart, `CLIENT KILL`, network error).
///
/// Requests in flight at the drop always fail with a connection error: whether the server ran them is unknown,
/// so only the caller can decide whether retrying is safe.
public enum RedisReconnection: Sendable, Hashable {
    /// The connection stays failed; every later request throws the error that ended it.
    case never
    /// Reconnects in the background, repeating the whole handshake (`HELLO`/protocol, `AUTH`, `CLIENT SETNAME`,
    /// `SELECT`). Attempt *n* waits `min(maximumDelay, initialDelay × 2ⁿ⁻¹)`, less up to half of it at random,
    /// so that many clients dropped at once by a restart do not reconnect in lockstep. Retries until it
    /// succeeds or ``RedisConnection/close()`` is called.
    case backoff(initialDelay: Duration, maximumDelay: Duration)

    /// Reconnects after 50–100 ms, then backs off up to 1–2 s between attempts.
    public static let `default` = RedisReconnection.backoff(initialDelay: .milliseconds(100), maximumDelay: .seconds(2))

    /// The wait before reconnection attempt `attempt` (1 for the first), or `nil` when the policy never reconnects.
    ///
    /// "Equal jitter": half the capped exponential delay is fixed, the other half random, so the wait is never
    /// zero (a server that accepts and drops connections at once is not hammered) and never above the cap.
    func delay(beforeAttempt attempt: Int, using generator: inout some RandomNumberGenerator) -> Duration? {
        guard case .backoff(let initialDelay, let maximumDelay) = self else { return nil }
        let initial = Self.nanoseconds(initialDelay)
        let maximum = max(Self.nanoseconds(maximumDelay), 0)
        let exponent = min(max(attempt - 1, 0), 32)
        let (scaled, overflow) = initial.multipliedReportingOverflow(by: Int64(1) << exponent)
        let capped = max(overflow ? maximum : min(scaled, maximum), 0)
        let half = capped / 2
        return .nanoseconds(capped - half + Int64.random(in: 0...half, using: &generator))
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? (seconds < 0 ? Int64.min / 2 : Int64.max / 2) : scaled + attoseconds / 1_000_000_000
    }
}
