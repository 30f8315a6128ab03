import Foundation
import JobBoard
import RedisSchema
import RedisSchemaClient
import Testing

/// Part of ``JobQueueTests``'s suite: its database, one test at a time.
extension JobQueueTests {
    @Test func takingMovesTheOldestJobToProcessing() async throws {
        try await LiveServer.withEmptyDatabase(.jobQueue) { app, raw async throws in
            let queue = JobQueue(redis: app)
            #expect(try await queue.post(contentsOf: ["job-a", "job-b", "job-c"]) == 3)
            #expect(try await queue.post(contentsOf: []) == 3, "nothing to post: the count of those waiting")
            #expect(try await queue.take(waitingUpTo: .seconds(1)) == "job-a")
            #expect(try await queue.take(waitingUpTo: .seconds(1)) == "job-b")
            #expect(try await raw.texts("LRANGE", "jobs:processing", 0, -1) == ["job-b", "job-a"])
            #expect(try await raw.texts("LRANGE", "jobs:pending", 0, -1) == ["job-c"])
            #expect(try await raw.pttl("jobs:processing") == -1, "the schema says ttl: none")
        }
    }

    @Test func takingFromAnEmptyQueueWaitsThenGivesNothing() async throws {
        try await LiveServer.withEmptyDatabase(.jobQueue) { app, raw async throws in
            let clock = ContinuousClock()
            let started = clock.now
            #expect(try await JobQueue(redis: app).take(waitingUpTo: .milliseconds(300)) == nil)
            #expect(clock.now - started >= .milliseconds(250), "BLMOVE waited")
            #expect(try await raw.integer("EXISTS", "jobs:processing") == 0)
        }
    }

    /// A worker blocks in `take` on its connection; another task posts on another connection, which wakes it.
    @Test func aWaitingWorkerIsWokenByAPostFromAnotherTask() async throws {
        try await LiveServer.withEmptyDatabase(.jobQueue) { app, raw async throws in
            let worker = JobQueue(redis: app)
            let poster = JobQueue(redis: raw)
            let clock = ContinuousClock()
            let started = clock.now
            let taking = Task { try await worker.take(waitingUpTo: .seconds(10)) }
            let posting = Task {
                try await Task.sleep(for: .milliseconds(300))
                return try await poster.post("job-late")
            }
            #expect(try await posting.value == 1)
            #expect(try await taking.value == "job-late")
            let waited = clock.now - started
            #expect(waited >= .milliseconds(250) && waited < .seconds(5), "woken by the post, after \(waited)")
            #expect(try await worker.inProgress() == ["job-late"])
            #expect(try await worker.waitingCount() == 0)
        }
    }
}
