import Foundation
import JobBoard
import RedisSchema
import RedisSchemaClient
import Testing

@Suite(.serialized, .enabled(if: LiveServer.port != nil, LiveServer.skipMessage))
struct JobQueueTests {
    @Test func postedJobsWaitOldestFirst() async throws {
        try await LiveServer.withEmptyDatabase(.jobQueue) { app, raw async throws in
            let queue = JobQueue(redis: app)
            #expect(try await queue.post("job-a") == 1)
            #expect(try await queue.post("job-b") == 2)
            #expect(try await queue.post("job-c") == 3)
            #expect(try await queue.waiting() == ["job-a", "job-b", "job-c"])
            #expect(try await queue.waitingCount() == 3)
            // Posted at the head, so the tail, where workers take from, holds the oldest.
            #expect(try await raw.texts("LRANGE", "jobs:pending", 0, -1) == ["job-c", "job-b", "job-a"])
            #expect(try await raw.pttl("jobs:pending") == -1, "the schema says ttl: none")
        }
    }

    @Test func inProgressReadsTheProcessingList() async throws {
        try await LiveServer.withEmptyDatabase(.jobQueue) { app, raw async throws in
            let queue = JobQueue(redis: app)
            #expect(try await queue.inProgress().isEmpty)
            try await queue.post(contentsOf: ["job-a", "job-b"])
            #expect(try await queue.take(waitingUpTo: .seconds(1)) == "job-a")
            #expect(try await queue.inProgress() == ["job-a"])
            #expect(try await queue.waiting() == ["job-b"])
        }
    }

    @Test func failuresAreJSONNewestFirstCappedAt50AndExpire() async throws {
        try await LiveServer.withEmptyDatabase(.jobQueue) { app, raw async throws in
            let queue = JobQueue(redis: app)
            for number in 1...60 {
                try await queue.recordFailure(JobFailure(jobId: "job-\(number)", reason: "timeout", at: 1_700_000_000))
            }
            #expect(try await raw.integer("LLEN", "jobs:failed") == 50)
            let failures = try await queue.recentFailures()
            #expect(failures.map(\.jobId) == (11...60).reversed().map { "job-\($0)" })
            #expect(failures.first == JobFailure(jobId: "job-60", reason: "timeout", at: 1_700_000_000))
            // Compact JSON with sorted keys, so other services can read it without this package.
            #expect(
                try await raw.text("LINDEX", "jobs:failed", 0)
                    == #"{"at":1700000000,"jobId":"job-60","reason":"timeout"}"#)
            let pttl = try await raw.pttl("jobs:failed")
            #expect(pttl > 0 && pttl <= 7 * 86_400_000, "PTTL jobs:failed is \(pttl)")
        }
    }

    @Test func aFailureThatIsNotAFailureIsAnError() async throws {
        try await LiveServer.withEmptyDatabase(.jobQueue) { app, raw async throws in
            _ = try await raw.send(RedisCommand("LPUSH", "jobs:failed", #"{"job":"x"}"#))
            await #expect(throws: DecodingError.self) { try await JobQueue(redis: app).recentFailures() }
        }
    }
}
