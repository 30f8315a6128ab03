import Foundation
import JobBoard
import RedisSchema
import RedisSchemaClient
import Testing

/// Part of ``RateLimiterTests``'s suite: its database, one test at a time.
extension RateLimiterTests {
    @Test func aResetLetsTheUserPostAgainAtOnce() async throws {
        try await LiveServer.withEmptyDatabase(.rateLimiter) { app, raw async throws in
            let limiter = RateLimiter(redis: app, postsPerWindow: 1)
            let now = Date(timeIntervalSince1970: 1_700_000_030)
            _ = try await limiter.attempt(userId: "alice", at: now)
            #expect(try await limiter.attempt(userId: "alice", at: now).isAllowed == false)
            #expect(try await limiter.reset(userId: "alice", at: now) == 2)
            #expect(try await raw.integer("EXISTS", "ratelimit:post:alice:28333333") == 0)
            #expect(try await limiter.attempt(userId: "alice", at: now) == .allowed(remaining: 0))
            #expect(try await limiter.reset(userId: "bob", at: now) == 0)
        }
    }
}
