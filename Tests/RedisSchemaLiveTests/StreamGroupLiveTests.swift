import Foundation
import RedisSchema
import RedisSchemaClient
import Testing

/// Streams read through consumer groups and with blocking reads, against the real server. Part of the
/// serialized `LiveRedisTests` suite, as they share its database.
extension LiveRedisTests {
    @Test(arguments: protocols)
    func twoConsumersShareAGroupsEntriesAcknowledgeAndClaimFromAStoppedOne(_ version: RedisProtocolVersion)
        async throws
    {
        try await LiveServer.withEmptyDatabase(version) { app, raw in
            let jobs = try UXKeys.Jobs(queue: "mail")
            // Creating the group creates the empty stream, with the key's TTL; a second time changes nothing.
            #expect(try await jobs.createGroup("workers", startingAt: "0", on: app))
            try await expectSchemaShape(jobs, after: "createGroup", raw: raw)
            #expect(try await jobs.length(on: app) == 0)
            try await raw.raw("PERSIST", jobs.key)
            #expect(try await !jobs.createGroup("workers", on: app), "BUSYGROUP reads as false")
            #expect(try await raw.integer("PTTL", jobs.key) == -1, "a refused createGroup sets no TTL")

            var ids: [String] = []
            for attempt in 1...4 {
                ids.append(try await jobs.add(.init(task: "send #\(attempt)", attempt: attempt), on: app))
            }
            // Each entry goes to one consumer only.
            let first = try await jobs.read(group: "workers", consumer: "alice", count: 2, on: app)
            #expect(first.map(\.id) == Array(ids.prefix(2)))
            #expect(first.map(\.fields.task) == ["send #1", "send #2"])
            let second = try await jobs.read(group: "workers", consumer: "bob", on: app)
            #expect(second.map(\.id) == Array(ids.suffix(2)))
            #expect(try await jobs.read(group: "workers", consumer: "alice", on: app).isEmpty)

            var summary = try await jobs.pending(group: "workers", on: app)
            #expect(
                summary
                    == RedisPendingSummary(
                        count: 4, smallestID: ids[0], largestID: ids[3], consumers: ["alice": 2, "bob": 2]))

            #expect(try await jobs.acknowledge([ids[0]], group: "workers", on: app) == 1)
            #expect(try await jobs.acknowledge([ids[0], "0-1"], group: "workers", on: app) == 0, "acknowledged once")
            summary = try await jobs.pending(group: "workers", on: app)
            #expect(summary.count == 3 && summary.smallestID == ids[1] && summary.consumers == ["alice": 1, "bob": 2])

            let bobs = try await jobs.pending(group: "workers", count: 10, consumer: "bob", on: app)
            #expect(bobs.map(\.id) == Array(ids.suffix(2)) && bobs.allSatisfy { $0.consumer == "bob" })
            #expect(bobs.allSatisfy { $0.deliveries == 1 && $0.idle >= .zero && $0.idle < .seconds(30) })
            #expect(try await jobs.pending(group: "workers", count: 2, on: app).map(\.id) == [ids[1], ids[2]])

            // Bob stopped: once his entries have been idle long enough, Alice claims them.
            try await Task.sleep(for: .milliseconds(120))
            #expect(try await jobs.pending(group: "workers", count: 10, minIdle: .seconds(3_600), on: app).isEmpty)
            let stale = try await jobs.pending(group: "workers", count: 10, minIdle: .milliseconds(100), on: app)
            #expect(stale.map(\.id) == Array(ids[1...3]))
            #expect(
                try await jobs.claim(
                    Array(ids.suffix(2)), group: "workers", for: "alice", minIdle: .seconds(3_600), on: app
                )
                .isEmpty, "not idle an hour: nothing claimed")
            let claimed = try await jobs.claim(
                Array(ids.suffix(2)), group: "workers", for: "alice", minIdle: .milliseconds(100), on: app)
            #expect(claimed.map(\.id) == Array(ids.suffix(2)))
            #expect(claimed.map(\.fields) == [.init(task: "send #3", attempt: 3), .init(task: "send #4", attempt: 4)])
            let alices = try await jobs.pending(group: "workers", count: 10, consumer: "alice", on: app)
            #expect(alices.map(\.id) == Array(ids[1...3]))
            #expect(alices.map(\.deliveries) == [1, 2, 2], "a claim counts as a delivery")
            #expect(try await jobs.pending(group: "workers", on: app).consumers == ["alice": 3])

            // An entry deleted after delivery is not claimed (Redis 7 drops it from the pending list).
            let doomed = try await jobs.add(.init(task: "gone", attempt: 1), on: app)
            #expect(try await jobs.read(group: "workers", consumer: "bob", on: app).map(\.id) == [doomed])
            try await raw.raw("XDEL", jobs.key, doomed)
            #expect(try await jobs.claim([doomed], group: "workers", for: "alice", minIdle: .zero, on: app).isEmpty)

            #expect(try await jobs.acknowledge(Array(ids[1...3]), group: "workers", on: app) == 3)
            #expect(
                try await jobs.pending(group: "workers", on: app)
                    == RedisPendingSummary(count: 0, smallestID: nil, largestID: nil, consumers: [:]))
        }
    }

    @Test(arguments: protocols)
    func anUntypedStreamIsConsumedThroughAGroupWithTextFields(_ version: RedisProtocolVersion) async throws {
        try await LiveServer.withEmptyDatabase(version) { app, raw in
            let feed = try UXKeys.Feed(sid: "12345")
            let id = try await feed.add([(name: "event", value: "open"), (name: "by", value: "u-1")], on: app)
            try await raw.raw("PERSIST", feed.key)
            #expect(try await feed.createGroup("dashboards", startingAt: "0", on: app))
            try await expectSchemaShape(feed, after: "createGroup on an existing stream", raw: raw)
            let read = try await feed.read(group: "dashboards", consumer: "d1", count: 10, on: app)
            #expect(read.map(\.id) == [id] && read.first?.fields == ["event": "open", "by": "u-1"])
            let claimed = try await feed.claim([id], group: "dashboards", for: "d2", minIdle: .zero, on: app)
            #expect(claimed.first?.fields == ["event": "open", "by": "u-1"])
            #expect(try await feed.pending(group: "dashboards", count: 5, on: app).map(\.consumer) == ["d2"])
            #expect(try await feed.acknowledge([id], group: "dashboards", on: app) == 1)
        }
    }

    @Test(arguments: protocols)
    func groupOperationsOnAMissingGroupFailWithNOGROUP(_ version: RedisProtocolVersion) async throws {
        try await LiveServer.withEmptyDatabase(version) { app, raw in
            let jobs = try UXKeys.Jobs(queue: "none")
            let failures: [(String, @Sendable () async throws -> Void)] = [
                ("read", { _ = try await jobs.read(group: "g", consumer: "c", on: app) }),
                ("pending", { _ = try await jobs.pending(group: "g", on: app) }),
                ("pending entries", { _ = try await jobs.pending(group: "g", count: 1, on: app) }),
                ("claim", { _ = try await jobs.claim(["1-0"], group: "g", for: "c", minIdle: .zero, on: app) }),
            ]
            for (name, operation) in failures {
                let error = await #expect(throws: RedisSchemaError.self, "\(name)") { try await operation() }
                guard case .commandFailed(let key, _, let server)? = error else {
                    Issue.record("\(name): \(String(describing: error))")
                    continue
                }
                #expect(key == jobs.key && server.code == "NOGROUP", "\(name): \(server.message)")
            }
            // XACK has nothing to acknowledge there, and says so with 0 rather than NOGROUP.
            #expect(try await jobs.acknowledge(["1-0"], group: "g", on: app) == 0)
            #expect(try await raw.integer("EXISTS", jobs.key) == 0, "none of them created the key")
        }
    }

    @Test(arguments: protocols)
    func refusedArgumentsSendNothing(_ version: RedisProtocolVersion) async throws {
        try await LiveServer.withEmptyDatabase(version) { app, _ in
            let client = CountingClient(app)
            let jobs = try UXKeys.Jobs(queue: "args")
            let refusals: [(String, @Sendable () async throws -> Void)] = [
                ("zero wait", { _ = try await jobs.read(after: "$", waitingUpTo: .zero, on: client) }),
                ("negative wait", { _ = try await jobs.read(waitingUpTo: .seconds(-1), on: client) }),
                (
                    "zero group wait",
                    { _ = try await jobs.read(group: "g", consumer: "c", waitingUpTo: .zero, on: client) }
                ),
                ("no IDs to acknowledge", { _ = try await jobs.acknowledge([], group: "g", on: client) }),
                ("no IDs to claim", { _ = try await jobs.claim([], group: "g", for: "c", minIdle: .zero, on: client) }),
                (
                    "negative claim idle",
                    { _ = try await jobs.claim(["1-0"], group: "g", for: "c", minIdle: .seconds(-1), on: client) }
                ),
                (
                    "negative pending idle",
                    { _ = try await jobs.pending(group: "g", count: 1, minIdle: .seconds(-1), on: client) }
                ),
            ]
            for (name, operation) in refusals {
                let error = await #expect(throws: RedisSchemaError.self, "\(name)") { try await operation() }
                guard case .invalidArgument(let key, _)? = error else {
                    Issue.record("\(name): \(String(describing: error))")
                    continue
                }
                #expect(key == jobs.key, "\(name)")
            }
            #expect(await client.commandsSent == 0)
        }
    }

    @Test(arguments: protocols)
    func createGroupInABatchAnswersFalseForAnExistingGroup(_ version: RedisProtocolVersion) async throws {
        try await LiveServer.withEmptyDatabase(version) { app, raw in
            let jobs = try UXKeys.Jobs(queue: "batch")
            let (created, again, length) = try await app.execute(
                jobs.createGroup("g"), jobs.createGroup("g"), jobs.length())
            #expect(created && !again && length == 0)
            let (other, busy) = try await app.transaction(jobs.createGroup("h", startingAt: "0"), jobs.createGroup("g"))
            #expect(other && !busy)
            #expect(try await raw.send("XINFO", "GROUPS", jobs.key).array?.count == 2)
        }
    }

    @Test(arguments: protocols)
    func aBlockingReadIsWokenByAnAddFromAnotherTask(_ version: RedisProtocolVersion) async throws {
        try await LiveServer.withEmptyDatabase(version) { app, raw in
            let jobs = try UXKeys.Jobs(queue: "live")
            try await jobs.createGroup("workers", on: app)
            let reader = try await RedisConnection.connect(LiveServer.configuration(version))
            let consumer = try await RedisConnection.connect(LiveServer.configuration(version))
            let started = ContinuousClock.now
            async let waited = jobs.read(after: "0", waitingUpTo: .seconds(20), on: reader)
            async let consumed = jobs.read(group: "workers", consumer: "w", waitingUpTo: .seconds(20), on: consumer)
            // Add only once both reads are blocked on the server, so that the add is what wakes them.
            var blocked = 0
            while blocked < 2, ContinuousClock.now - started < .seconds(10) {
                try await Task.sleep(for: .milliseconds(20))
                let clients = try await raw.text("CLIENT", "LIST") ?? ""
                blocked =
                    clients.split(separator: "\n").filter {
                        $0.contains(" db=\(LiveServer.database) ") && $0.contains(" flags=b ")
                    }.count
            }
            #expect(blocked == 2, "both reads wait on the server")
            let id = try await jobs.add(.init(task: "wake up", attempt: 1), on: app)
            let (read, group) = try await (waited, consumed)
            #expect(read.map(\.id) == [id] && read.first?.fields.task == "wake up")
            #expect(group.map(\.id) == [id])
            #expect(ContinuousClock.now - started < .seconds(15), "woken by the add, not by the timeout")
            await reader.close()
            await consumer.close()
        }
    }

    @Test(arguments: protocols)
    func aBlockingReadLongerThanTheReplyTimeoutEndsEmpty(_ version: RedisProtocolVersion) async throws {
        try await LiveServer.withEmptyDatabase(version) { app, _ in
            var configuration = try LiveServer.configuration(version)
            configuration.commandTimeout = .seconds(1)
            let client = try await RedisConnection.connect(configuration)
            let jobs = try UXKeys.Jobs(queue: "quiet")
            try await jobs.createGroup("workers", on: app)
            var started = ContinuousClock.now
            #expect(try await jobs.read(after: "$", waitingUpTo: .milliseconds(1_500), on: client).isEmpty)
            var waited = ContinuousClock.now - started
            #expect(waited >= .milliseconds(1_400) && waited < .seconds(10), "XREAD BLOCK waited \(waited)")
            started = ContinuousClock.now
            #expect(
                try await jobs.read(group: "workers", consumer: "w", waitingUpTo: .milliseconds(1_500), on: client)
                    .isEmpty)
            waited = ContinuousClock.now - started
            #expect(waited >= .milliseconds(1_400) && waited < .seconds(10), "XREADGROUP BLOCK waited \(waited)")
            // The connection still answers: the wait did not count against its 1 s reply timeout.
            #expect(try await jobs.length(on: client) == 0)
            await client.close()
        }
    }
}
