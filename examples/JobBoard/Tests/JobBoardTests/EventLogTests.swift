import Foundation
import JobBoard
import RedisSchema
import RedisSchemaClient
import Testing

@Suite(.serialized, .enabled(if: LiveServer.port != nil, LiveServer.skipMessage))
struct EventLogTests {
    @Test func eventsAreRecordedAndReadBackInOrder() async throws {
        try await LiveServer.withEmptyDatabase(.eventLog) { app, raw async throws in
            let log = EventLog(redis: app)
            let events = [
                JobEvent(.posted, jobId: "job-1", at: 1_700_000_000),
                JobEvent(.started, jobId: "job-1", workerId: "ana", at: 1_700_000_001),
                JobEvent(.finished, jobId: "job-1", workerId: "ana", at: 1_700_000_002),
            ]
            var ids: [String] = []
            for event in events { ids.append(try await log.record(event)) }

            let history = try await log.history()
            #expect(history.map(\.event) == events)
            #expect(history.map(\.id) == ids)
            #expect(try await log.history(count: 2).map(\.event) == Array(events.prefix(2)))
            #expect(try await log.events(after: ids[0]).map(\.event) == Array(events.dropFirst()))
            #expect(try await log.events(after: ids[2]).isEmpty)
            #expect(try await log.count() == 3)

            // A posting has no worker: the optional field is left out, not stored empty.
            let first = try #require(try await raw.send(RedisCommand("XRANGE", "events:jobs", "-", "+")).array?.first)
            let fields = try #require(first.array?.last?.array).map { $0.string ?? "" }
            #expect(fields == ["type", "posted", "jobId", "job-1", "at", "1700000000"])
            #expect(try await raw.pttl("events:jobs") == -1, "the schema says ttl: none")
        }
    }

    /// Holds today (`MAXLEN =`) and once `trim: approximate` lands (`MAXLEN ~`, which may keep up to one
    /// radix-tree node, 100 entries by default, more).
    @Test func theStreamKeepsAbout10000Events() async throws {
        try await LiveServer.withEmptyDatabase(.eventLog) { app, raw async throws in
            let log = EventLog(redis: app)
            for number in 1...10_150 {
                try await log.record(JobEvent(.posted, jobId: "job-\(number)", at: 1_700_000_000))
            }
            let length = try #require(try await raw.integer("XLEN", "events:jobs"))
            #expect(length >= 10_000 && length <= 10_100, "XLEN events:jobs is \(length)")
            #expect(try await log.history(count: 1).first?.event.jobId == "job-\(10_150 - Int(length) + 1)")
        }
    }

    @Test func aKindThisVersionDoesNotKnowIsAnErrorThatNamesIt() async throws {
        try await LiveServer.withEmptyDatabase(.eventLog) { app, raw async throws in
            _ = try await raw.send(RedisCommand("XADD", "events:jobs", "*", "type", "archived", "jobId", "j", "at", 1))
            let error = await #expect(throws: RedisSchemaError.self) { try await EventLog(redis: app).history() }
            #expect("\(error.map { "\($0)" } ?? "")".contains("archived"))
        }
    }
}
