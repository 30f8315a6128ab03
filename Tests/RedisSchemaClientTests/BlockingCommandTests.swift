import Foundation
import RedisSchema
import Testing

@testable import RedisSchemaClient

@Suite("Blocking commands: their own timeout, not the reply timeout")
struct BlockingWaitTests {
    @Test("reads the wait from each blocking command's own timeout argument")
    func parsesWaits() {
        #expect(BlockingWait(RedisCommand("BLPOP", "a", "b", 5)) == .upTo(.seconds(5)))
        #expect(BlockingWait(RedisCommand("BRPOP", "a", "0.25")) == .upTo(.milliseconds(250)))
        #expect(BlockingWait(RedisCommand("blmove", "a", "b", "LEFT", "RIGHT", 2)) == .upTo(.seconds(2)))
        #expect(BlockingWait(RedisCommand("BRPOPLPUSH", "a", "b", 0)) == .indefinitely)
        #expect(BlockingWait(RedisCommand("BZPOPMIN", "z", 1)) == .upTo(.seconds(1)))
        #expect(BlockingWait(RedisCommand("BLMPOP", 3, 1, "a", "LEFT")) == .upTo(.seconds(3)))
        #expect(BlockingWait(RedisCommand("BZMPOP", 0, 1, "z", "MIN")) == .indefinitely)
        #expect(
            BlockingWait(RedisCommand("XREAD", "COUNT", 10, "BLOCK", 1500, "STREAMS", "s", "$"))
                == .upTo(.milliseconds(1500)))
        #expect(
            BlockingWait(RedisCommand("XREADGROUP", "GROUP", "g", "c", "block", 0, "STREAMS", "s", ">"))
                == .indefinitely)
        #expect(BlockingWait(RedisCommand("WAIT", 1, 100)) == .upTo(.milliseconds(100)))
        #expect(BlockingWait(RedisCommand("WAITAOF", 1, 0, 200)) == .upTo(.milliseconds(200)))
    }

    @Test("reads the timeouts generated code sends: seconds with three decimals, never 0")
    func readsGeneratedTimeouts() throws {
        for (timeout, wait) in [
            (Duration.milliseconds(1500), Duration.milliseconds(1500)), (.nanoseconds(1), .milliseconds(1)),
        ] {
            let seconds = try RedisBlockingTimeout.seconds(timeout, key: "q")
            #expect(BlockingWait(RedisCommand("BLMOVE", "q", "d", "LEFT", "RIGHT", seconds)) == .upTo(wait))
            #expect(BlockingWait(RedisCommand("BRPOP", "q", seconds)) == .upTo(wait))
        }
    }

    @Test("is not fooled by look-alike arguments or malformed timeouts")
    func noFalsePositives() {
        #expect(BlockingWait(RedisCommand("XREAD", "STREAMS", "BLOCK", "0")) == .none)
        #expect(BlockingWait(RedisCommand("XREAD", "COUNT", 1, "STREAMS", "s", "0")) == .none)
        #expect(BlockingWait(RedisCommand("LPOP", "a")) == .none)
        #expect(BlockingWait(RedisCommand("BLPOP", "a", "soon")) == .none)
        #expect(BlockingWait(RedisCommand("BLPOP", "a", "-1")) == .none)
        #expect(BlockingWait(RedisCommand("BLPOP", "a", "inf")) == .none)
        #expect(BlockingWait(RedisCommand("BLPOP")) == .none)
    }

    @Test("a pipeline's wait is the sum of its finite waits")
    func totals() {
        let commands = [
            RedisCommand("BLPOP", "a", 1), RedisCommand("GET", "x"), RedisCommand("BLPOP", "b", 0),
            RedisCommand("XREAD", "BLOCK", 500, "STREAMS", "s", "$"),
        ]
        #expect(BlockingWait.finiteTotal(of: commands) == .milliseconds(1500))
        #expect(BlockingWait.anyBlocks(commands))
        #expect(!BlockingWait.anyBlocks([RedisCommand("GET", "x")]))
    }

    @Test("backoff: exponential, capped, jittered by at most half, never zero")
    func backoffDelays() throws {
        var generator = SystemRandomNumberGenerator()
        let policy = RedisReconnection.backoff(initialDelay: .milliseconds(100), maximumDelay: .seconds(2))
        for _ in 0..<200 {
            let first = try #require(policy.delay(beforeAttempt: 1, using: &generator))
            #expect(first >= .milliseconds(50) && first <= .milliseconds(100))
            let third = try #require(policy.delay(beforeAttempt: 3, using: &generator))
            #expect(third >= .milliseconds(200) && third <= .milliseconds(400))
            let late = try #require(policy.delay(beforeAttempt: 500, using: &generator))
            #expect(late >= .seconds(1) && late <= .seconds(2))
        }
        let samples = (0..<50).compactMap { _ in policy.delay(beforeAttempt: 4, using: &generator) }
        #expect(Set(samples).count > 1, "no jitter")
        #expect(RedisReconnection.never.delay(beforeAttempt: 1, using: &generator) == nil)
    }
}

@Suite("Blocking commands against a real redis-server", .enabled(if: TestServers.hasServer, TestServers.skipMessage))
struct BlockingCommandTests {
    @Test("BLPOP, BLMOVE and XREAD BLOCK longer than the reply timeout do not trip it")
    func ownTimeout() async throws {
        let connection = try await TestServers.connect(TestServers.configuration(commandTimeout: .seconds(1)))
        defer { Task { await connection.close() } }
        let list = TestServers.uniqueKey("blocking-list")
        let stream = TestServers.uniqueKey("blocking-stream")
        let started = ContinuousClock.now
        #expect(try await connection.send("BLPOP", list, "1.5") == .null)
        #expect(try await connection.send("BLMOVE", list, list + ":to", "LEFT", "RIGHT", "1.5") == .null)
        #expect(try await connection.send("XREAD", "BLOCK", 1500, "STREAMS", stream, "$") == .null)
        #expect(ContinuousClock.now - started >= .milliseconds(4500))
        // A pipeline queued behind a blocking command waits for it without timing out either.
        async let blocked = connection.send("BLPOP", list, "1.5")
        try await Task.sleep(for: .milliseconds(100))
        #expect(try await connection.send("PING").string == "PONG")
        #expect(try await blocked == .null)
        #expect(connection.isActive)
    }
}
