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
            #expect(try await queue.take(waitingUpTo: .seconds(1)) == "job-a")
            #expect(try await queue.take(waitingUpTo: .seconds(1)) == "job-b")
            #expect(try await raw.texts("LRANGE", "jobs:processing", 0, -1) == ["job-b", "job-a"])
            #expect(try await raw.texts("LRANGE", "jobs:pending", 0, -1) == ["job-c"])
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

    @Test func aWaitingWorkerGetsAJobPostedWhileItWaits() async throws {
        try await LiveServer.withEmptyDatabase(.jobQueue) { app, raw async throws in
            async let taken = JobQueue(redis: app).take(waitingUpTo: .seconds(5))
            try await Task.sleep(for: .milliseconds(200))
            _ = try await raw.send(RedisCommand("LPUSH", "jobs:pending", "job-late"))
            #expect(try await taken == "job-late")
        }
    }
}
