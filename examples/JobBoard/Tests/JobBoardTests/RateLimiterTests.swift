import Foundation
import JobBoard
import RedisSchema
import RedisSchemaClient
import Testing

/// 2023-11-14T22:13:50Z: 50 s into window 28,333,333 (Unix minutes), which ends 10 s later.
private let now = Date(timeIntervalSince1970: 1_700_000_030)
private let windowKey = "ratelimit:post:alice:28333333"

@Suite(.serialized, .enabled(if: LiveServer.port != nil, LiveServer.skipMessage))
struct RateLimiterTests {
    @Test func allowsTheLimitThenRefusesUntilTheWindowEnds() async throws {
        try await LiveServer.withEmptyDatabase(.rateLimiter) { app, raw async throws in
            let limiter = RateLimiter(redis: app, postsPerWindow: 5)
            var decisions: [RateLimitDecision] = []
            for _ in 1...7 {
                decisions.append(try await limiter.attempt(userId: "alice", at: now))
            }
            #expect(
                decisions == [
                    .allowed(remaining: 4), .allowed(remaining: 3), .allowed(remaining: 2), .allowed(remaining: 1),
                    .allowed(remaining: 0), .limited(retryAfter: .seconds(10)), .limited(retryAfter: .seconds(10)),
                ])
            // Refused attempts count too, so retrying does not help.
            #expect(try await raw.text("GET", windowKey) == "7")
            #expect(try await limiter.postsCounted(userId: "alice", at: now) == 7)
        }
    }

    @Test func eachWindowHasItsOwnCounterWhoseTTLOutlivesTheWindow() async throws {
        try await LiveServer.withEmptyDatabase(.rateLimiter) { app, raw async throws in
            let limiter = RateLimiter(redis: app, postsPerWindow: 2)
            for _ in 1...3 { _ = try await limiter.attempt(userId: "alice", at: now) }
            #expect(try await limiter.attempt(userId: "alice", at: now).isAllowed == false)
            // The next minute starts from zero, whatever happened in this one.
            let next = now.addingTimeInterval(10)
            #expect(try await limiter.attempt(userId: "alice", at: next) == .allowed(remaining: 1))
            #expect(try await raw.text("GET", "ratelimit:post:alice:28333334") == "1")
            // Other users have counters of their own.
            #expect(try await limiter.attempt(userId: "bob", at: now) == .allowed(remaining: 1))

            // INCRBY and EXPIRE ran together: the counter expires after its window, within the schema's 2 min.
            let pttl = try await raw.pttl(windowKey)
            #expect(pttl > 60_000 && pttl <= 120_000, "PTTL \(windowKey) is \(pttl)")
            #expect(try await raw.integer("DBSIZE") == 3)
        }
    }

    @Test func countingDoesNotCount() async throws {
        try await LiveServer.withEmptyDatabase(.rateLimiter) { app, raw async throws in
            let limiter = RateLimiter(redis: app)
            #expect(try await limiter.postsCounted(userId: "alice", at: now) == 0)
            _ = try await limiter.attempt(userId: "alice", at: now)
            #expect(try await limiter.postsCounted(userId: "alice", at: now) == 1)
            #expect(try await limiter.postsCounted(userId: "alice", at: now) == 1)
            #expect(try await raw.text("GET", windowKey) == "1")
        }
    }

    @Test func aUserIDThatCannotBePartOfTheKeyIsRefusedBeforeAnythingIsSent() async throws {
        try await LiveServer.withEmptyDatabase(.rateLimiter) { app, raw async throws in
            let limiter = RateLimiter(redis: app)
            // `a:b` would make the key `ratelimit:post:a:b:<window>`, which no pattern of the schema matches.
            await #expect(throws: RedisSchemaError.self) { try await limiter.attempt(userId: "a:b", at: now) }
            await #expect(throws: RedisSchemaError.self) { try await limiter.attempt(userId: "", at: now) }
            #expect(try await raw.integer("DBSIZE") == 0)
        }
    }

    @Test func theWindowIsOneMinute() {
        #expect(RateLimiter<RedisConnection>.window == .seconds(60))
    }
}
