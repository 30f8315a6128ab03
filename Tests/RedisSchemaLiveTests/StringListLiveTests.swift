import Foundation
import RedisSchemaClient
import Testing

@testable import RedisSchema

/// The string and list operations of issue 8 on a real server: conditional sets and locks, reads that delete
/// or see the TTL, pushes of several elements, trims, waiting pops and moves between list keys. Part of the
/// serialized `LiveRedisTests` suite, as they share its database.
extension LiveRedisTests {
    @Test(arguments: protocols)
    func conditionalSetsWriteOnlyWhenTheirConditionHolds(_ version: RedisProtocolVersion) async throws {
        try await LiveServer.withEmptyDatabase(version) { app, raw in
            let flash = try UXKeys.Flash(sid: "c")
            #expect(try await !flash.set("late", if: .present, on: app), "XX on a missing key")
            #expect(try await raw.integer("EXISTS", flash.key) == 0)
            try await afterWrite(flash, "set(_:if: .absent)", raw: raw) {
                let stored = try await flash.set("first", if: .absent, on: app)
                #expect(stored)
            }
            #expect(try await !flash.set("second", if: .absent, on: app), "NX on an existing key")
            #expect(try await flash.get(on: app) == "first")
            try await raw.raw("PEXPIRE", flash.key, 5_000)
            #expect(try await flash.set("third", if: .present, on: app))
            #expect(try await flash.get(on: app) == "third")
            let pttl = try #require(try await raw.integer("PTTL", flash.key))
            #expect(pttl > 5_000 && pttl <= 90_500, "XX sets the schema's TTL again: \(pttl)")

            // A key without a TTL keeps none: XX over a key some other write left with a TTL removes it.
            let typeKey = try UXKeys.TypeKey(Type: "c")
            try await raw.raw("SET", typeKey.key, "old", "PX", 60_000)
            #expect(try await typeKey.set("new", if: .present, on: app))
            try await expectSchemaShape(typeKey, after: "set(_:if: .present)", raw: raw)
        }
    }

    @Test(arguments: protocols)
    func stringReadsThatDeleteOrSeeTheTTL(_ version: RedisProtocolVersion) async throws {
        try await LiveServer.withEmptyDatabase(version) { app, raw in
            let score = try UXKeys.ExpScore(sid: "r")
            #expect(try await score.getWithTTL(on: app) == nil)
            try await score.set(78.5, on: app)
            let read = try #require(try await score.getWithTTL(on: app))
            #expect(read.value == 78.5)
            guard case .milliseconds(let left) = read.expiry else {
                Issue.record("expected a TTL, got \(read.expiry)")
                return
            }
            #expect(left > 0 && left <= 1_800_000)
            let permanent = try UXKeys.TypeKey(Type: "r")
            try await permanent.set("v", on: app)
            let forever = try #require(try await permanent.getWithTTL(on: app))
            #expect(forever.value == "v" && forever.expiry == .never)

            #expect(try await score.getAndDelete(on: app) == 78.5)
            #expect(try await raw.integer("EXISTS", score.key) == 0)
            #expect(try await score.getAndDelete(on: app) == nil)

            let rage = try UXKeys.Rage(sid: "r", element: "e")
            try await rage.increment(by: 3, on: app)
            #expect(try await rage.getAndDelete(on: app) == 3)
            #expect(try await rage.get(on: app) == 0)
            #expect(try await rage.getAndDelete(on: app) == 0, "a missing counter reads 0")
            #expect(try await rage.increment(on: app) == 1, "counting starts again")

            // The two reads of getWithTTL run in MULTI/EXEC, also inside a pipelined batch.
            try await score.set(1, on: app)
            let (value, both) = try await app.execute(score.get(), score.getWithTTL())
            #expect(value == 1 && both?.value == 1)
        }
    }

    @Test(arguments: protocols)
    func aLockHasOneHolderAndOnlyItsTokenReleasesIt(_ version: RedisProtocolVersion) async throws {
        try await LiveServer.withEmptyDatabase(version) { app, raw in
            let other = try await RedisConnection.connect(LiveServer.configuration(version))
            defer { Task { await other.close() } }
            let lock = try UXKeys.Lock(name: "invoice-7")
            async let first = lock.set("token-a", if: .absent, on: app)
            async let second = lock.set("token-b", if: .absent, on: other)
            let (a, b) = try await (first, second)
            #expect(a != b, "exactly one contender holds the lock: \(a), \(b)")
            let holder = a ? "token-a" : "token-b"
            let loser = a ? "token-b" : "token-a"
            try await expectSchemaShape(lock, after: "taking the lock", raw: raw)

            let dump = try await raw.raw("DUMP", lock.key)
            let pttl = try #require(try await raw.integer("PTTL", lock.key))
            #expect(try await !lock.delete(ifEqualTo: loser, on: app), "the wrong token releases nothing")
            #expect(try await raw.raw("DUMP", lock.key) == dump)
            let after = try #require(try await raw.integer("PTTL", lock.key))
            #expect(after <= pttl && after > pttl - 5_000, "the TTL is left alone: \(pttl) → \(after)")

            #expect(try await lock.delete(ifEqualTo: holder, on: app))
            #expect(try await raw.integer("EXISTS", lock.key) == 0)
            #expect(try await !lock.delete(ifEqualTo: holder, on: app), "released once")
            #expect(try await lock.set(loser, if: .absent, on: other), "free to take again")
        }
    }

    @Test func theCompareAndDeleteScriptsHashIsTheServersAndNoscriptFallsBackToEval() async throws {
        try await LiveServer.withEmptyDatabase(.resp3) { app, raw in
            let script = CompareAndDeleteScript.script
            #expect(try await raw.text("SCRIPT", "LOAD", script.source) == script.sha1)
            try await raw.raw("SCRIPT", "FLUSH")
            let lock = try UXKeys.Lock(name: "noscript")
            try await lock.set("t", on: app)
            #expect(try await lock.delete(ifEqualTo: "t", on: app))
            #expect(try await raw.texts("SCRIPT", "EXISTS", script.sha1) == ["1"], "EVAL cached it")
            #expect(try await raw.integer("EXISTS", lock.key) == 0)
        }
    }

    @Test(arguments: protocols)
    func pushingSeveralElementsIsOneWriteTrimmedAndWithTheTTL(_ version: RedisProtocolVersion) async throws {
        try await LiveServer.withEmptyDatabase(version) { app, raw in
            let recent = try UXKeys.Recent(sid: "p")
            let dates = (0..<15).map { Date(timeIntervalSince1970: TimeInterval($0)) }
            try await afterWrite(recent, "push(contentsOf:)", raw: raw) {
                let length = try await recent.push(contentsOf: dates, on: app)
                #expect(length == 15, "the length before trimming")
            }
            #expect(try await recent.range(on: app) == Array(dates.suffix(10).reversed()), "the last pushed first")
            try await afterWrite(recent, "append(contentsOf:)", raw: raw) {
                let length = try await recent.append(contentsOf: Array(dates.prefix(3)), on: app)
                #expect(length == 13)
            }
            #expect(try await recent.range(on: app) == Array(dates.suffix(10).reversed().suffix(7) + dates.prefix(3)))

            let queue = UXKeys.ReplayQueue()
            #expect(try await queue.append(contentsOf: ["a", "b", "c"], on: app) == 3)
            #expect(try await queue.range(on: app) == ["a", "b", "c"])
            try await expectSchemaShape(queue, after: "append(contentsOf:)", raw: raw)

            // An empty list is refused before anything is sent.
            let counting = CountingClient(app)
            let refused = await #expect(throws: RedisSchemaError.self) {
                try await queue.push(contentsOf: [], on: counting)
            }
            guard case .invalidArgument(let key, _) = refused else {
                Issue.record("expected invalidArgument, got \(String(describing: refused))")
                return
            }
            #expect(key == queue.key)
            await #expect(throws: RedisSchemaError.self) { try await queue.append(contentsOf: [], on: counting) }
            #expect(await counting.commandsSent == 0)
        }
    }

    @Test(arguments: protocols)
    func trimKeepsARangeAndNeverCreatesTheKey(_ version: RedisProtocolVersion) async throws {
        try await LiveServer.withEmptyDatabase(version) { app, raw in
            let queue = UXKeys.ReplayQueue()
            try await queue.trim(from: 0, through: 1, on: app)
            #expect(try await raw.integer("EXISTS", queue.key) == 0)
            try await queue.append(contentsOf: ["a", "b", "c", "d"], on: app)
            try await queue.trim(from: 1, through: -2, on: app)
            #expect(try await queue.range(on: app) == ["b", "c"])
            try await queue.trim(from: 5, through: 9, on: app)
            #expect(try await raw.integer("EXISTS", queue.key) == 0, "an empty range removes the list")
        }
    }

    @Test(arguments: protocols)
    func removeTakesOutOccurrencesFromEitherEnd(_ version: RedisProtocolVersion) async throws {
        try await LiveServer.withEmptyDatabase(version) { app, raw in
            let queue = UXKeys.ReplayQueue()
            #expect(try await queue.remove("a", on: app) == 0, "nothing to remove from a missing list")
            try await queue.append(contentsOf: ["a", "b", "a", "c", "a"], on: app)
            #expect(try await queue.remove("a", count: 1, on: app) == 1)
            #expect(try await queue.range(on: app) == ["b", "a", "c", "a"])
            #expect(try await queue.remove("a", count: -1, on: app) == 1)
            #expect(try await queue.range(on: app) == ["b", "a", "c"])
            try await queue.append("a", on: app)
            #expect(try await queue.remove("a", on: app) == 2, "count 0 removes every occurrence")
            #expect(try await queue.range(on: app) == ["b", "c"])
            try await raw.raw("DEL", queue.key)
            try await raw.raw("SET", queue.key, "another service's value")
            await #expect(throws: RedisSchemaError.self) { try await queue.remove("a", on: app) }
            #expect(try await raw.text("GET", queue.key) == "another service's value")
        }
    }

    @Test(arguments: protocols)
    func waitingPopsReturnNilOnTimeoutAndAnElementPushedWhileWaiting(_ version: RedisProtocolVersion) async throws {
        try await LiveServer.withEmptyDatabase(version) { app, raw in
            let queue = UXKeys.ReplayQueue()
            let started = ContinuousClock.now
            #expect(try await queue.popFirst(waitingUpTo: .milliseconds(300), on: app) == nil)
            #expect(try await queue.popLast(waitingUpTo: .milliseconds(300), on: app) == nil)
            #expect(ContinuousClock.now - started >= .milliseconds(600), "each waited its timeout")

            async let popped = queue.popFirst(waitingUpTo: .seconds(10), on: app)
            try await Task.sleep(for: .milliseconds(200))
            let pusher = try await RedisConnection.connect(LiveServer.configuration(.resp2))
            defer { Task { await pusher.close() } }
            try await queue.append("job-1", on: pusher)
            #expect(try await popped == "job-1")

            async let last = queue.popLast(waitingUpTo: .seconds(10), on: app)
            try await Task.sleep(for: .milliseconds(200))
            try await queue.append(contentsOf: ["job-2", "job-3"], on: pusher)
            #expect(try await last == "job-3")
            #expect(try await queue.range(on: raw) == ["job-2"])

            // A zero or negative timeout would wait forever (0) or be refused: refused before anything is sent.
            let counting = CountingClient(app)
            for timeout in [Duration.zero, .seconds(-1)] {
                let refused = await #expect(throws: RedisSchemaError.self) {
                    try await queue.popFirst(waitingUpTo: timeout, on: counting)
                }
                #expect(refused.map { if case .invalidArgument = $0 { true } else { false } } == true)
            }
            #expect(await counting.commandsSent == 0)
        }
    }

    @Test(arguments: protocols)
    func jobsMoveBetweenListKeysWithTheDestinationsCapAndTTL(_ version: RedisProtocolVersion) async throws {
        try await LiveServer.withEmptyDatabase(version) { app, raw in
            let pending = UXKeys.PendingJobs()
            let running = try UXKeys.RunningJobs(worker: "w1")
            try await pending.append(contentsOf: (1...5).map { "job-\($0)" }, on: app)
            for job in 1...4 {
                #expect(try await pending.move(from: .head, to: running, at: .head, on: app) == "job-\(job)")
                try await expectSchemaShape(running, after: "move #\(job)", raw: raw)
            }
            #expect(try await running.range(on: app) == ["job-4", "job-3", "job-2"], "capped at 3, at its head")
            #expect(try await pending.range(on: app) == ["job-5"])

            // Waiting: the element is there, so it moves at once; at the tail, the cap keeps the tail.
            try await raw.raw("PERSIST", running.key)
            let moved = try await pending.move(from: .tail, to: running, at: .tail, waitingUpTo: .seconds(1), on: app)
            #expect(moved == "job-5")
            #expect(try await running.range(on: app) == ["job-3", "job-2", "job-5"])
            try await expectSchemaShape(running, after: "a waiting move", raw: raw)
            #expect(try await pending.move(from: .head, to: running, at: .head, on: app) == nil, "empty source")

            // A destination without cap or TTL gets none.
            let replay = UXKeys.ReplayQueue()
            #expect(try await running.move(from: .tail, to: replay, at: .head, on: app) == "job-5")
            try await expectSchemaShape(replay, after: "a move into it", raw: raw)

            // A move waits for an element another connection pushes, and works in a batch and a transaction.
            async let taken = pending.move(from: .head, to: running, at: .head, waitingUpTo: .seconds(10), on: app)
            try await Task.sleep(for: .milliseconds(200))
            let pusher = try await RedisConnection.connect(LiveServer.configuration(.resp2))
            defer { Task { await pusher.close() } }
            try await pending.append("job-6", on: pusher)
            #expect(try await taken == "job-6")
            let (length, next) = try await app.execute(
                pending.append(contentsOf: ["job-7"]), pending.move(from: .head, to: running, at: .head))
            #expect(length == 1 && next == "job-7")
            let (length2, movedInTransaction) = try await app.transaction(
                pending.push("job-8"), pending.move(from: .head, to: running, at: .head, waitingUpTo: .seconds(1)))
            #expect(length2 == 1 && movedInTransaction == "job-8")
            #expect(try await running.range(on: app) == ["job-8", "job-7", "job-6"])
            try await expectSchemaShape(running, after: "moves in batches", raw: raw)
        }
    }

    @Test func aWaitingMoveLongerThanTheReplyTimeoutDoesNotTripIt() async throws {
        var configuration = try LiveServer.configuration(.resp3)
        configuration.commandTimeout = .seconds(1)
        let app = try await RedisConnection.connect(configuration)
        defer { Task { await app.close() } }
        let pending = UXKeys.PendingJobs()
        let running = try UXKeys.RunningJobs(worker: "slow")
        _ = try await app.send("DEL", pending.key, running.key)
        let started = ContinuousClock.now
        #expect(
            try await pending.move(from: .head, to: running, at: .head, waitingUpTo: .milliseconds(1500), on: app)
                == nil)
        #expect(ContinuousClock.now - started >= .milliseconds(1500))
        #expect(try await pending.popFirst(waitingUpTo: .milliseconds(1500), on: app) == nil)
        #expect(app.isActive)
    }

    @Test func blockingTimeoutsAreSecondsRoundedUpToMilliseconds() throws {
        #expect(try RedisBlockingTimeout.seconds(.milliseconds(1500), key: "k") == "1.500")
        #expect(try RedisBlockingTimeout.seconds(.seconds(2), key: "k") == "2.000")
        #expect(try RedisBlockingTimeout.seconds(.nanoseconds(1), key: "k") == "0.001", "never 0, which waits forever")
        #expect(try RedisBlockingTimeout.seconds(.microseconds(10_250), key: "k") == "0.011")
        #expect(throws: RedisSchemaError.self) { try RedisBlockingTimeout.seconds(.zero, key: "k") }
    }
}
