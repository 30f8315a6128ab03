import Foundation
import JobBoard
import RedisSchema
import RedisSchemaClient
import Testing

/// Part of ``JobLockTests``'s suite: its database, one test at a time.
extension JobLockTests {
    @Test func onlyOneWorkerAcquiresAndOnlyItReleases() async throws {
        try await LiveServer.withEmptyDatabase(.jobLock) { app, raw async throws in
            let locks = JobLock(redis: app)
            let lease = try #require(try await locks.acquire("job-1"))
            #expect(try await locks.acquire("job-1") == nil, "held: a second worker must not get it")
            #expect(try await raw.text("GET", "lock:job:job-1") == lease.token)
            let pttl = try await raw.pttl("lock:job:job-1")
            #expect(pttl > 0 && pttl <= 30_000)

            // A lease whose lock expired and was taken by another worker releases nothing.
            _ = try await raw.send(RedisCommand("SET", "lock:job:job-1", "someone-else", "EX", 30))
            #expect(try await locks.release(lease) == false)
            #expect(try await raw.text("GET", "lock:job:job-1") == "someone-else")

            _ = try await raw.send(RedisCommand("DEL", "lock:job:job-1"))
            let second = try #require(try await locks.acquire("job-1"))
            #expect(try await locks.release(second))
            #expect(try await locks.holder(of: "job-1") == nil)
        }
    }
}

extension JobLockTests {
    @Test func theHolderAndItsExpiryAreReadTogether() async throws {
        try await LiveServer.withEmptyDatabase(.jobLock) { app, _ async throws in
            let locks = JobLock(redis: app)
            #expect(try await locks.holderAndExpiry(of: "job-1") == nil)
            let lease = try #require(try await locks.acquire("job-1"))
            let held = try #require(try await locks.holderAndExpiry(of: "job-1"))
            #expect(held.token == lease.token)
            guard case .milliseconds(let left) = held.expiry else {
                Issue.record("the lock has no TTL: \(held.expiry)")
                return
            }
            #expect(left > 0 && left <= 30_000)
        }
    }
}
