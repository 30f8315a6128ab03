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

extension JobLockTests {
    /// Two workers on two connections ask for the same locks at the same moment: each time exactly one gets the
    /// lock, the key holds the winner's token, and the loser gets it once the winner releases it.
    @Test func twoWorkersContendingForALockGetItOneAtATime() async throws {
        try await LiveServer.withEmptyDatabase(.jobLock) { app, raw async throws in
            let first = JobLock(redis: app)
            let second = JobLock(redis: raw)
            var wins = [0, 0]
            for number in 1...50 {
                let jobId = "job-\(number)"
                async let a = first.acquire(jobId)
                async let b = second.acquire(jobId)
                let leases = try await [a, b]
                let winners = leases.indices.filter { leases[$0] != nil }
                try #require(winners.count == 1, "\(jobId): \(winners.count) workers got the lock")
                let winner = winners[0]
                wins[winner] += 1
                let lease = try #require(leases[winner])
                #expect(try await raw.text("GET", "lock:job:\(jobId)") == lease.token)

                let loser = winner == 0 ? second : first
                #expect(try await loser.acquire(jobId) == nil, "still held")
                #expect(try await (winner == 0 ? first : second).release(lease))
                let next = try #require(try await loser.acquire(jobId), "released, so the other worker gets it")
                #expect(try await loser.release(next))
            }
            #expect(wins[0] + wins[1] == 50)
            #expect(try await raw.integer("DBSIZE") == 0, "every lock was released")
        }
    }
}
