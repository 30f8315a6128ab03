import Foundation
import JobBoard
import RedisSchema
import RedisSchemaClient
import Testing

/// Part of ``EventLogTests``'s suite: its database, one test at a time.
extension EventLogTests {
    @Test func consumersShareAGroupsEventsAndAcknowledgeThem() async throws {
        try await LiveServer.withEmptyDatabase(.eventLog) { app, raw async throws in
            let log = EventLog(redis: app)
            #expect(try await log.createGroup("billing"))
            #expect(try await log.createGroup("billing") == false, "BUSYGROUP is an answer, not an error")
            for number in 1...3 { try await log.record(JobEvent(.posted, jobId: "job-\(number)", at: 1)) }

            let first = try await log.read(group: "billing", consumer: "b1", count: 2, waitingUpTo: .seconds(1))
            let second = try await log.read(group: "billing", consumer: "b2", count: 2, waitingUpTo: .seconds(1))
            #expect(first.map(\.event.jobId) == ["job-1", "job-2"])
            #expect(second.map(\.event.jobId) == ["job-3"], "each event goes to one consumer of the group")
            #expect(try await log.pendingCount(group: "billing") == 3)
            #expect(try await log.acknowledge(first.map(\.id), group: "billing") == 2)
            #expect(try await log.pendingCount(group: "billing") == 1)
            #expect(try await raw.integer("XLEN", "events:jobs") == 3, "acknowledging deletes nothing")
        }
    }

    @Test func aStaleEventIsClaimedByAnotherConsumer() async throws {
        try await LiveServer.withEmptyDatabase(.eventLog) { app, _ async throws in
            let log = EventLog(redis: app)
            try await log.createGroup("billing")
            try await log.record(JobEvent(.finished, jobId: "job-1", workerId: "ana", at: 1))
            _ = try await log.read(group: "billing", consumer: "crashed", waitingUpTo: .seconds(1))
            #expect(
                try await log.claimStale(group: "billing", for: "b2", minIdle: .seconds(10)).isEmpty, "not stale yet")
            try await Task.sleep(for: .milliseconds(300))
            let claimed = try await log.claimStale(group: "billing", for: "b2", minIdle: .milliseconds(200))
            #expect(claimed.map(\.event.jobId) == ["job-1"])
            #expect(try await log.acknowledge(claimed.map(\.id), group: "billing") == 1)
        }
    }

    @Test func readingAGroupWithNothingNewWaitsThenGivesNothing() async throws {
        try await LiveServer.withEmptyDatabase(.eventLog) { app, _ async throws in
            let log = EventLog(redis: app)
            try await log.createGroup("billing")
            #expect(try await log.read(group: "billing", consumer: "b1", waitingUpTo: .milliseconds(200)).isEmpty)
        }
    }
}

extension EventLogTests {
    @Test func aLiveTailWaitsForTheNextEvent() async throws {
        try await LiveServer.withEmptyDatabase(.eventLog) { app, raw async throws in
            let log = EventLog(redis: app)
            let last = try await log.record(JobEvent(.posted, jobId: "job-1", at: 1))
            #expect(try await log.events(after: last, waitingUpTo: .milliseconds(200)).isEmpty)
            async let next = log.events(after: last, waitingUpTo: .seconds(5))
            try await Task.sleep(for: .milliseconds(200))
            _ = try await raw.send(
                RedisCommand("XADD", "events:jobs", "*", "type", "started", "jobId", "job-1", "at", 2))
            #expect(try await next.map(\.event.kind) == [.started])
        }
    }
}
