import Foundation
import RedisSchema

/// Limits how many jobs one user may post per window: a fixed-window counter per user and window,
/// `ratelimit:post:<userId>:<window>`, incremented with `INCRBY` and given its TTL in the same atomic call.
///
/// Each window has a key of its own, so the window really is fixed. With one key per user, the `EXPIRE` that
/// every increment sends would push the key's end back on each attempt, and a user who keeps retrying would
/// stay limited for ever; here the TTL (2 min, longer than a window) only cleans up. Windows come from the
/// caller's clock: app servers whose clocks differ by a second disagree on a window's edge by that second,
/// which a rate limit can live with.
public struct RateLimiter<Client: RedisClientProtocol>: Sendable {
    /// The length of one window: the counter starts again from zero at each multiple of it since the Unix epoch.
    public static var window: Duration { .seconds(windowSeconds) }
    /// ``window`` in whole seconds: what window numbers are counted in.
    static var windowSeconds: Int { 60 }

    /// The connection every operation uses.
    public let redis: Client
    /// How many posts one user may make per window.
    public let limit: Int

    /// A limiter allowing `limit` posts per user and window; `limit` must be at least 1.
    public init(redis: Client, postsPerWindow limit: Int = 5) {
        precondition(limit >= 1, "a rate limit of \(limit) would refuse every post")
        self.redis = redis
        self.limit = limit
    }

    /// Counts one post by `userId` at `now` and says whether it may go ahead.
    ///
    /// The attempt is counted even when it is refused, so hammering does not get a user through sooner
    /// or later than anyone else: the next window starts on time either way.
    ///
    /// - Throws: `RedisSchemaError.invalidParam` for a `userId` that could not be part of the key (empty, or
    ///   containing `:`), before anything is sent.
    public func attempt(userId: String, at now: Date = Date()) async throws -> RateLimitDecision {
        let window = Self.windowNumber(containing: now)
        let count = try await JobKeys.PostRate(userId: userId, window: window).increment(on: redis)
        guard count > limit else { return .allowed(remaining: limit - count) }
        return .limited(retryAfter: Self.timeLeft(inWindowContaining: now))
    }

    /// The posts counted for `userId` in the window that contains `now` (`GET`), without counting one.
    public func postsCounted(userId: String, at now: Date = Date()) async throws -> Int {
        try await JobKeys.PostRate(userId: userId, window: Self.windowNumber(containing: now)).get(on: redis)
    }

    /// The number of the window that contains `date`: whole windows since the Unix epoch.
    static func windowNumber(containing date: Date) -> Int {
        Int((date.timeIntervalSince1970 / Double(windowSeconds)).rounded(.down))
    }

    /// How long until the window that contains `date` ends.
    static func timeLeft(inWindowContaining date: Date) -> Duration {
        let end = Double((windowNumber(containing: date) + 1) * windowSeconds)
        return .milliseconds(Int64(((end - date.timeIntervalSince1970) * 1000).rounded(.up)))
    }
}

/// What ``RateLimiter/attempt(userId:at:)`` decided.
public enum RateLimitDecision: Sendable, Hashable {
    /// The post may go ahead; `remaining` more fit in this window.
    case allowed(remaining: Int)
    /// The user has used up this window; the next one starts after `retryAfter`.
    case limited(retryAfter: Duration)

    /// Whether the post may go ahead.
    public var isAllowed: Bool {
        if case .allowed = self { return true }
        return false
    }
}
