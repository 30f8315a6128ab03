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

extension JobBoardTests {
    /// Finishing is one round trip, `MULTI` … `EXEC`, holding the `LREM`, the event's `XADD` (in its guard script)
    /// and the compare-and-delete script.
    @Test func finishingIsOneTransactionInOneRoundTrip() async throws {
        try await LiveServer.withEmptyDatabase(.jobBoard) { app, raw async throws in
            let board = JobBoard(redis: app)
            try await board.queue.post(contentsOf: ["job-1", "job-2"])
            let jobId = try #require(try await board.queue.take(waitingUpTo: .seconds(1)))
            let lease = try #require(try await board.locks.acquire(jobId))

            let recording = RecordingClient(connection: app)
            let finished = try await JobBoard(redis: recording).finishJob(lease, by: "ana")
            let roundTrips = await recording.log.roundTrips
            #expect(roundTrips.count == 1, "\(roundTrips)")
            let commands = try #require(roundTrips.first)
            #expect(commands.first == "MULTI" && commands.last == "EXEC", "\(commands)")
            #expect(commands.contains("LREM"))
            #expect(commands.filter { $0 == "EVAL" || $0 == "EVALSHA" }.count == 2, "XADD's guard and the release")

            #expect(finished.heldLock)
            #expect(try await raw.integer("EXISTS", "jobs:processing") == 0)
            #expect(try await raw.texts("LRANGE", "jobs:pending", 0, -1) == ["job-2"])
            #expect(try await raw.integer("EXISTS", "lock:job:\(jobId)") == 0)
            let last = try #require(try await board.events.history().last)
            #expect(last.id == finished.eventID)
            #expect(last.event.kind == .finished && last.event.jobId == jobId && last.event.workerId == "ana")
        }
    }

    /// Scoring reads the group's events in one round trip and handles all of them in one more, whatever their
    /// number: a `ZINCRBY` per finished job (each in its guard script), then one `XACK`.
    @Test func scoringIsOneReadAndOnePipeline() async throws {
        try await LiveServer.withEmptyDatabase(.jobBoard) { app, raw async throws in
            let board = JobBoard(redis: app)
            let group = JobBoard<RedisConnection>.scoringGroup
            try await board.events.createGroup(group)
            let at = 1_700_000_030
            try await board.events.record(JobEvent(.posted, jobId: "job-1", at: at))
            try await board.events.record(JobEvent(.finished, jobId: "job-1", workerId: "ana", at: at))
            try await board.events.record(JobEvent(.finished, jobId: "job-2", workerId: "ben", at: at))
            try await board.events.record(JobEvent(.finished, jobId: "job-3", workerId: "ana", at: at))

            let recording = RecordingClient(connection: app)
            let scored = try await JobBoard(redis: recording).scoreFinishedJobs(
                consumer: "scorer-1", pointsPerJob: 7, waitingUpTo: .seconds(1))
            #expect(scored.count == 4)
            let roundTrips = await recording.log.roundTrips
            #expect(roundTrips.count == 2, "\(roundTrips)")
            #expect(roundTrips.first == ["XREADGROUP"])
            let handling = try #require(roundTrips.last)
            #expect(handling.count == 4 && handling.last == "XACK", "\(handling)")
            #expect(handling.dropLast().allSatisfy { $0 == "EVAL" || $0 == "EVALSHA" })

            #expect(try await board.leaderboard.points(of: "ana", week: 2810) == 14)
            #expect(try await board.leaderboard.points(of: "ben", week: 2810) == 7)
            #expect(try await board.events.pendingCount(group: group) == 0)
            #expect(try await raw.pttl("leaderboard:week:2810") > 0, "ZINCRBY gave the board its TTL")

            // Nothing new: one read that waits, no second round trip.
            await recording.log.reset()
            let none = try await JobBoard(redis: recording).scoreFinishedJobs(
                consumer: "scorer-1", waitingUpTo: .milliseconds(100))
            #expect(none.isEmpty)
            #expect(await recording.log.roundTrips == [["XREADGROUP"]])
        }
    }

    /// A scorer that read events and stopped before acknowledging them leaves them pending; another consumer
    /// claims them once they are stale.
    @Test func anotherScorerClaimsTheEventsOfOneThatStopped() async throws {
        try await LiveServer.withEmptyDatabase(.jobBoard) { app, _ async throws in
            let board = JobBoard(redis: app)
            let group = JobBoard<RedisConnection>.scoringGroup
            try await board.events.createGroup(group)
            try await board.events.record(JobEvent(.finished, jobId: "job-1", workerId: "ana", at: 1_700_000_030))
            let taken = try await board.events.read(group: group, consumer: "stopped", waitingUpTo: .seconds(1))
            #expect(taken.count == 1)
            #expect(try await board.events.pendingCount(group: group) == 1)

            try await Task.sleep(for: .milliseconds(150))
            let claimed = try await board.events.claimStale(group: group, for: "scorer-2", minIdle: .milliseconds(100))
            #expect(claimed.map(\.id) == taken.map(\.id))
            #expect(try await board.events.acknowledge(claimed.map(\.id), group: group) == 1)
            #expect(try await board.events.pendingCount(group: group) == 0)
        }
    }
}

extension JobBoardTests {
    /// Giving up on a taken job is one transaction too: out of `jobs:processing`, into `jobs:failed`, a `failed`
    /// event, the lock released.
    @Test func failingATakenJobIsOneTransaction() async throws {
        try await LiveServer.withEmptyDatabase(.jobBoard) { app, raw async throws in
            let board = JobBoard(redis: app)
            let now = Date(timeIntervalSince1970: 1_700_000_030)
            try await board.queue.post("job-1")
            let jobId = try #require(try await board.queue.take(waitingUpTo: .seconds(1)))
            let lease = try #require(try await board.locks.acquire(jobId))

            let recording = RecordingClient(connection: app)
            let failed = try await JobBoard(redis: recording).failJob(lease, by: "ben", reason: "not a PDF", at: now)
            let roundTrips = await recording.log.roundTrips
            #expect(roundTrips.count == 1 && roundTrips.first?.first == "MULTI" && roundTrips.first?.last == "EXEC")

            #expect(failed.heldLock)
            #expect(try await raw.integer("EXISTS", "jobs:processing") == 0)
            #expect(try await raw.integer("EXISTS", "lock:job:job-1") == 0)
            #expect(
                try await board.queue.recentFailures() == [
                    JobFailure(jobId: "job-1", reason: "not a PDF", at: 1_700_000_030)
                ])
            let last = try #require(try await board.events.history().last)
            #expect(
                last.id == failed.eventID
                    && last.event == JobEvent(.failed, jobId: "job-1", workerId: "ben", at: 1_700_000_030))
            #expect(try await raw.pttl("jobs:failed") > 0, "LPUSH's TTL came with it")
        }
    }
}
