import Foundation
import JobBoard
import RedisSchema
import RedisSchemaClient
import Testing

/// Part of ``JobBoardTests``'s suite: its database, one test at a time.
extension JobBoardTests {
    @Test func aJobGoesFromPostedToFinishedToPoints() async throws {
        try await LiveServer.withEmptyDatabase(.jobBoard) { app, raw async throws in
            let board = JobBoard(redis: app)
            let now = Date(timeIntervalSince1970: 1_700_000_030)
            try await board.events.createGroup(JobBoard<RedisConnection>.scoringGroup, startingAt: "0")
            _ = try await board.postJob("job-1", by: "alice", at: now)
            let jobId = try #require(try await board.queue.take(waitingUpTo: .seconds(1)))
            let lease = try #require(try await board.locks.acquire(jobId))

            let finished = try await board.finishJob(lease, by: "ana", at: now)
            #expect(finished.heldLock)
            #expect(try await raw.integer("LLEN", "jobs:processing") == 0)
            #expect(try await board.locks.holder(of: jobId) == nil)

            let scored = try await board.scoreFinishedJobs(consumer: "scorer-1", waitingUpTo: .seconds(1))
            #expect(scored.map(\.event.kind) == [.posted, .finished])
            #expect(try await board.leaderboard.points(of: "ana", week: 2810) == 10)
            #expect(try await board.events.pendingCount(group: JobBoard<RedisConnection>.scoringGroup) == 0)
        }
    }

    @Test func finishingAfterTheLockExpiredSaysSoAndKeepsTheOtherWorkersLock() async throws {
        try await LiveServer.withEmptyDatabase(.jobBoard) { app, raw async throws in
            let board = JobBoard(redis: app)
            let lease = try #require(try await board.locks.acquire("job-1"))
            _ = try await raw.send(RedisCommand("SET", "lock:job:job-1", "other-worker", "EX", 30))
            let finished = try await board.finishJob(lease, by: "ana")
            #expect(finished.heldLock == false)
            #expect(try await board.locks.holder(of: "job-1") == "other-worker")
        }
    }
}
