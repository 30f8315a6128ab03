import Foundation
import JobBoard
import RedisSchema
import RedisSchemaClient
import Testing

private let now = Date(timeIntervalSince1970: 1_700_000_030)

@Suite(.serialized, .enabled(if: LiveServer.port != nil, LiveServer.skipMessage))
struct JobBoardTests {
    @Test func postingQueuesTheJobAndRecordsItUntilTheLimit() async throws {
        try await LiveServer.withEmptyDatabase(.jobBoard) { app, raw async throws in
            let board = JobBoard(redis: app, postsPerWindow: 2)
            guard case .posted(let first, 1, let eventID) = try await board.postJob("job-1", by: "alice", at: now)
            else {
                Issue.record("the first post was not queued")
                return
            }
            #expect(first == "job-1")
            let second = try await board.postJob("job-2", by: "alice", at: now)
            guard case .posted("job-2", 2, _) = second else {
                Issue.record("the second post was not queued: \(second)")
                return
            }
            #expect(try await board.postJob("job-3", by: "alice", at: now) == .limited(retryAfter: .seconds(10)))

            // The refused post queued nothing and recorded nothing.
            #expect(try await raw.texts("LRANGE", "jobs:pending", 0, -1) == ["job-2", "job-1"])
            let history = try await board.events.history()
            #expect(
                history.map(\.event) == [
                    JobEvent(.posted, jobId: "job-1", at: 1_700_000_030),
                    JobEvent(.posted, jobId: "job-2", at: 1_700_000_030),
                ])
            #expect(history.first?.id == eventID)
        }
    }

    @Test func generatedJobIDsCanNameALock() async throws {
        try await LiveServer.withEmptyDatabase(.jobBoard) { app, _ async throws in
            let board = JobBoard(redis: app)
            let ids = (0..<10).map { _ in JobBoard<RedisConnection>.makeJobID() }
            #expect(Set(ids).count == 10)
            for id in ids {
                #expect(try await board.locks.holder(of: id) == nil)
            }
        }
    }

    @Test func aFailureIsKeptAndRecorded() async throws {
        try await LiveServer.withEmptyDatabase(.jobBoard) { app, _ async throws in
            let board = JobBoard(redis: app)
            try await board.reportFailure(of: "job-1", by: "ben", reason: "not a PDF", at: now)
            #expect(
                try await board.queue.recentFailures() == [
                    JobFailure(jobId: "job-1", reason: "not a PDF", at: 1_700_000_030)
                ])
            #expect(
                try await board.events.history().map(\.event) == [
                    JobEvent(.failed, jobId: "job-1", workerId: "ben", at: 1_700_000_030)
                ])
        }
    }
}

/// `redis-schema validate` agrees that the board's keys follow the schema, and would say so if not.
@Suite(
    .serialized, .enabled(if: LiveServer.port != nil && LiveServer.validator != nil, LiveServer.skipValidatorMessage))
struct ValidateJobBoardKeysTests {
    /// Writes a key of every pattern through the components, with every write operation they use: posts,
    /// takes, a lock, a finished job (the transaction), scoring (the pipeline), failures, flags and a group.
    private func writeEveryKey(_ app: RedisConnection) async throws {
        let board = JobBoard(redis: app)
        try await board.events.createGroup(JobBoard<RedisConnection>.scoringGroup, startingAt: "0")
        for number in 1...3 { _ = try await board.postJob("job-\(number)", by: "alice", at: now) }
        try await board.queue.post(contentsOf: ["job-4", "job-5"])
        let first = try #require(try await board.queue.take(waitingUpTo: .seconds(1)))
        _ = try #require(try await board.queue.take(waitingUpTo: .seconds(1)), "stays in jobs:processing")
        let lease = try #require(try await board.locks.acquire(first))
        _ = try await board.finishJob(lease, by: "ana", at: now)
        _ = try #require(try await board.locks.acquire("job-3"), "a lock still held")
        _ = try await board.scoreFinishedJobs(consumer: "scorer-1", waitingUpTo: .seconds(1))
        try await board.reportFailure(of: "job-4", by: "ben", reason: "not a PDF", at: now)
        let week = Leaderboard<RedisConnection>.week(containing: now)
        try await board.leaderboard.setPoints([LeaderboardEntry(workerId: "ben", points: 30)], week: week)
        try await board.leaderboard.award(5, to: "cy", week: week)
        try await board.flags.enable(["dark-mode", "instant-apply"], in: .production)
        _ = try await board.rateLimiter.reset(userId: "alice", at: now)
        _ = try await board.rateLimiter.attempt(userId: "bob", at: now)
    }

    @Test func validateFindsNoViolationInTheKeysTheBoardWrites() async throws {
        let validator = try #require(LiveServer.validator)
        try await LiveServer.withEmptyDatabase(.validate) { app, raw async throws in
            try await writeEveryKey(app)
            let keys = try #require(try await raw.integer("DBSIZE"))

            let (status, report, output) = try runValidate(validator, database: .validate)
            #expect(status == 0, "validate exited \(status):\n\(output)")
            #expect(report.summary.complete)
            #expect(report.summary.keysScanned == Int(keys))
            #expect(report.summary.keysUnknown == 0)
            #expect(report.summary.errors == 0)
            #expect(report.summary.warnings == 0)
            #expect(report.patterns.count == 8, "a key of every pattern")
            for pattern in report.patterns {
                #expect(pattern.violations.isEmpty, "\(pattern.pattern): \(pattern.violations)")
                #expect(pattern.keys > 0, "validate saw no key of \(pattern.pattern)")
            }
        }
    }

    /// The check above can fail: keys written around the schema are reported.
    @Test func validateReportsKeysWrittenAroundTheSchema() async throws {
        let validator = try #require(LiveServer.validator)
        try await LiveServer.withEmptyDatabase(.validate) { app, raw async throws in
            try await writeEveryKey(app)
            _ = try await raw.send(RedisCommand("SET", "lock:job:job-3", "token"))  // a lock without its TTL
            _ = try await raw.send(RedisCommand("SADD", "flags:qa", "dark-mode"))  // an environment nobody declared

            let (status, report, output) = try runValidate(validator, database: .validate)
            #expect(status == 1, "validate exited \(status):\n\(output)")
            #expect(report.summary.errors >= 2)
            let lock = try #require(report.patterns.first { $0.key == "jobLock" })
            #expect(lock.violations["missing-ttl"] == 1)
            let flags = try #require(report.patterns.first { $0.key == "featureFlags" })
            #expect(!flags.violations.isEmpty, "flags:qa breaks the enum of <environment>: \(flags.violations)")
        }
    }
}
