import Foundation
import RedisSchema
import RedisSchemaClient
import Testing

/// One write operation of the generated code, run on a key its test has prepared.
struct GuardedWriteCase: Sendable, CustomTestStringConvertible {
    let name: String
    let key: String
    let type: RedisKeyType
    /// Whether the write, run on a missing key, leaves one of its type (every one but deletes, pops, trims and
    /// conditional sets that do not write).
    let keepsKey: Bool
    /// The command whose own `WRONGTYPE` refuses the write on a key of another type, for commands sent as they
    /// are (blocking ones cannot run in the type-guard script; others cannot create the key); `nil` when the
    /// type guard refuses it.
    let refusedBy: String?
    let write: @Sendable (RedisConnection) async throws -> Void

    var testDescription: String { name }

    init<Key: RedisSchemaKey>(
        _ name: String, _ key: Key, keepsKey: Bool = true, refusedBy: String? = nil,
        _ write: @escaping @Sendable (Key, RedisConnection) async throws -> Void
    ) {
        self.name = name
        self.key = key.key
        self.type = Key.redisType
        self.keepsKey = keepsKey
        self.refusedBy = refusedBy
        self.write = { try await write(key, $0) }
    }

    /// Every write operation this target's schema generates, on every Redis type, and `delete` on each type.
    static func all() throws -> [GuardedWriteCase] {
        let now = Date(timeIntervalSince1970: 1_765_534_920)
        let stringAndList = try stringAndListWrites()
        return [
            .init("Session.set", try UXKeys.Session(sid: "w")) {
                try await $0.set(.init(userId: "u", device: "d", startedAt: now), on: $1)
            },
            .init("SessionLive.add", try UXKeys.SessionLive(sid: "w")) {
                _ = try await $0.add(.init(type: "click", x: 1, y: 2, ts: 3), on: $1)
            },
            .init("ActiveUsers.add", UXKeys.ActiveUsers()) { _ = try await $0.add(userId: "u", score: 1, on: $1) },
            .init("Rage.increment", try UXKeys.Rage(sid: "w", element: "e")) { _ = try await $0.increment(on: $1) },
            .init("Heatmap.set", try UXKeys.Heatmap(screen: "w")) { try await $0.set(x: 1, y: 2, value: 3, on: $1) },
            .init("Heatmap.increment", try UXKeys.Heatmap(screen: "w")) {
                _ = try await $0.increment(x: 1, y: 2, by: 1, on: $1)
            },
            .init("Latency.push", try UXKeys.Latency(api: "w")) { _ = try await $0.push(1, on: $1) },
            .init("Latency.append", try UXKeys.Latency(api: "w")) { _ = try await $0.append(1, on: $1) },
            .init("ExpScore.set", try UXKeys.ExpScore(sid: "w")) { try await $0.set(1.5, on: $1) },
            .init("ReplayQueue.push", UXKeys.ReplayQueue()) { _ = try await $0.push("c", on: $1) },
            .init("ReplayQueue.append", UXKeys.ReplayQueue()) { _ = try await $0.append("c", on: $1) },
            .init("Profile.set", try UXKeys.Profile(id: 1)) {
                try await $0.set(.init(name: "n", nickname: nil, visits: 1), on: $1)
            },
            .init("Grid.set(x:y:)", try UXKeys.Grid(name: "w")) { try await $0.set(x: 1, y: 2, value: 3, on: $1) },
            .init("Grid.increment(x:y:)", try UXKeys.Grid(name: "w")) {
                _ = try await $0.increment(x: 1, y: 2, by: 1, on: $1)
            },
            .init("Grid.set(label:)", try UXKeys.Grid(name: "w")) { try await $0.set(label: "a", value: 1, on: $1) },
            .init("Grid.increment(label:)", try UXKeys.Grid(name: "w")) {
                _ = try await $0.increment(label: "a", by: 0.5, on: $1)
            },
            .init("Tags.add", try UXKeys.Tags(sid: "w")) { _ = try await $0.add("t", on: $1) },
            .init("Ranking.add", try UXKeys.Ranking(board: "w")) { _ = try await $0.add(sku: "s", score: 1, on: $1) },
            // Sets and sorted sets (issue 8): every write of several members, and increments.
            .init("Tags.add(contentsOf:)", try UXKeys.Tags(sid: "w")) {
                _ = try await $0.add(contentsOf: ["t"], on: $1)
            },
            .init("Followers.add(userId:)", try UXKeys.Followers(sid: "w")) { _ = try await $0.add(userId: 1, on: $1) },
            .init("Followers.add(contentsOf:)", try UXKeys.Followers(sid: "w")) {
                _ = try await $0.add(contentsOf: [try .init(userId: 1), try .init(userId: 2)], on: $1)
            },
            .init("Ranking.add(contentsOf:)", try UXKeys.Ranking(board: "w")) {
                _ = try await $0.add(contentsOf: [(try .init(sku: "s"), 1.5)], on: $1)
            },
            .init("Ranking.increment(sku:by:)", try UXKeys.Ranking(board: "w")) {
                _ = try await $0.increment(sku: "s", by: 0.5, on: $1)
            },
            .init("Leaderboard.add(contentsOf:)", try UXKeys.Leaderboard(game: .chess)) {
                _ = try await $0.add(contentsOf: [("a", 1), ("b", 2)], on: $1)
            },
            .init("Leaderboard.increment(_:by:)", try UXKeys.Leaderboard(game: .chess)) {
                _ = try await $0.increment("a", by: 1, on: $1)
            },
            .init("ActiveUsers.increment(userId:by:)", UXKeys.ActiveUsers()) {
                _ = try await $0.increment(userId: "u", by: 60, on: $1)
            },
            .init("Clicks.add", try UXKeys.Clicks(sid: "w")) {
                _ = try await $0.add(.init(kind: "k", at: now, note: nil), on: $1)
            },
            .init("Flash.set", try UXKeys.Flash(sid: "w")) { try await $0.set("v", on: $1) },
            .init("Recent.push", try UXKeys.Recent(sid: "w")) { _ = try await $0.push(now, on: $1) },
            .init("Recent.append", try UXKeys.Recent(sid: "w")) { _ = try await $0.append(now, on: $1) },
            .init("Attributes.set", try UXKeys.Attributes(sid: "w")) { try await $0.set(["a": "b"], on: $1) },
            .init("Audit.add", try UXKeys.Audit(sid: "w")) { _ = try await $0.add([(name: "a", value: "b")], on: $1) },
            .init("TypeKey.set", try UXKeys.TypeKey(Type: "w")) { try await $0.set("v", on: $1) },
            .init("Jobs.createGroup", try UXKeys.Jobs(queue: "w")) { _ = try await $0.createGroup("g", on: $1) },
            .init("Feed.createGroup", try UXKeys.Feed(sid: "w")) {
                _ = try await $0.createGroup("g", startingAt: "0", on: $1)
            },
            .init("Flash.delete", try UXKeys.Flash(sid: "w"), keepsKey: false) { _ = try await $0.delete(on: $1) },
            .init("Session.delete", try UXKeys.Session(sid: "w"), keepsKey: false) { _ = try await $0.delete(on: $1) },
            .init("Latency.delete", try UXKeys.Latency(api: "w"), keepsKey: false) { _ = try await $0.delete(on: $1) },
            .init("Tags.delete", try UXKeys.Tags(sid: "w"), keepsKey: false) { _ = try await $0.delete(on: $1) },
            .init("Ranking.delete", try UXKeys.Ranking(board: "w"), keepsKey: false) {
                _ = try await $0.delete(on: $1)
            },
            .init("Clicks.delete", try UXKeys.Clicks(sid: "w"), keepsKey: false) { _ = try await $0.delete(on: $1) },
        ] + stringAndList
    }

    /// The string and list writes of issue 8.
    static func stringAndListWrites() throws -> [GuardedWriteCase] {
        let wait = Duration.milliseconds(50)
        let pending = UXKeys.PendingJobs()
        return [
            .init("Lock.set(if: .absent)", try UXKeys.Lock(name: "w")) {
                _ = try await $0.set("t", if: .absent, on: $1)
            },
            .init("Lock.set(if: .present)", try UXKeys.Lock(name: "w"), keepsKey: false) {
                _ = try await $0.set("t", if: .present, on: $1)
            },
            .init("Lock.delete(ifEqualTo:)", try UXKeys.Lock(name: "w"), keepsKey: false) {
                _ = try await $0.delete(ifEqualTo: "t", on: $1)
            },
            .init("Lock.getAndDelete", try UXKeys.Lock(name: "w"), keepsKey: false, refusedBy: "GETDEL") {
                _ = try await $0.getAndDelete(on: $1)
            },
            .init("Rage.getAndDelete", try UXKeys.Rage(sid: "w", element: "e"), keepsKey: false, refusedBy: "GETDEL") {
                _ = try await $0.getAndDelete(on: $1)
            },
            .init("Recent.push(contentsOf:)", try UXKeys.Recent(sid: "w")) {
                _ = try await $0.push(contentsOf: [Date(), Date()], on: $1)
            },
            .init("Recent.append(contentsOf:)", try UXKeys.Recent(sid: "w")) {
                _ = try await $0.append(contentsOf: [Date(), Date()], on: $1)
            },
            .init("ReplayQueue.trim", UXKeys.ReplayQueue(), keepsKey: false, refusedBy: "LTRIM") {
                try await $0.trim(from: 0, through: 1, on: $1)
            },
            .init("ReplayQueue.popFirst", UXKeys.ReplayQueue(), keepsKey: false, refusedBy: "LPOP") {
                _ = try await $0.popFirst(on: $1)
            },
            .init("ReplayQueue.popLast", UXKeys.ReplayQueue(), keepsKey: false, refusedBy: "RPOP") {
                _ = try await $0.popLast(on: $1)
            },
            .init("ReplayQueue.popFirst(waitingUpTo:)", UXKeys.ReplayQueue(), keepsKey: false, refusedBy: "BLPOP") {
                _ = try await $0.popFirst(waitingUpTo: wait, on: $1)
            },
            .init("ReplayQueue.popLast(waitingUpTo:)", UXKeys.ReplayQueue(), keepsKey: false, refusedBy: "BRPOP") {
                _ = try await $0.popLast(waitingUpTo: wait, on: $1)
            },
            // The key of another type as the source: the move's own WRONGTYPE.
            .init(
                "RunningJobs.move (source)", try UXKeys.RunningJobs(worker: "src"), keepsKey: false, refusedBy: "LMOVE"
            ) {
                _ = try await $0.move(from: .head, to: pending, at: .head, on: $1)
            },
            .init(
                "RunningJobs.move(waitingUpTo:) (source)", try UXKeys.RunningJobs(worker: "src"), keepsKey: false,
                refusedBy: "BLMOVE"
            ) { _ = try await $0.move(from: .head, to: pending, at: .head, waitingUpTo: wait, on: $1) },
            // The key of another type as the destination, from an empty source: nothing moves, and the guarded
            // cap and TTL that follow refuse to touch it.
            .init("PendingJobs as move's destination", pending, keepsKey: false) { destination, client in
                _ = try await UXKeys.RunningJobs(worker: "empty").move(
                    from: .head, to: destination, at: .tail, on: client)
            },
            .init("PendingJobs as move(waitingUpTo:)'s destination", pending, keepsKey: false) { destination, client in
                _ = try await UXKeys.RunningJobs(worker: "empty").move(
                    from: .head, to: destination, at: .tail, waitingUpTo: wait, on: client)
            },
        ]
    }
}

/// Safe writes: no write of generated code changes a key of another Redis type, neither its value nor its TTL.
/// Part of the serialized `LiveRedisTests` suite, as they share its database.
extension LiveRedisTests {
    /// Creates `key` as a `type` written by "another service", permanent or with a TTL.
    func seed(_ key: String, as type: RedisKeyType, ttl: Bool, raw: RedisConnection) async throws {
        switch type {
        case .string: try await raw.raw("SET", key, "another service's value")
        case .hash: try await raw.raw("HSET", key, "owner", "another service", "count", "7")
        case .list: try await raw.raw("RPUSH", key, "a", "b", "c")
        case .set: try await raw.raw("SADD", key, "a", "b")
        case .zset: try await raw.raw("ZADD", key, "1", "a", "2.5", "b")
        case .stream: try await raw.raw("XADD", key, "1-1", "owner", "another service")
        }
        if ttl { try await raw.raw("PEXPIRE", key, 600_000) }
    }

    @Test(arguments: RedisKeyType.allCases, protocols)
    func aWriteOnAKeyOfAnotherTypeChangesNothing(_ other: RedisKeyType, _ version: RedisProtocolVersion)
        async throws
    {
        try await LiveServer.withEmptyDatabase(version) { app, raw in
            let cases = try GuardedWriteCase.all().filter { $0.type != other }
            #expect(cases.count >= 15, "every type but \(other) has writes to try")
            for (index, write) in cases.enumerated() {
                let withTTL = index % 2 == 1
                try await raw.raw("DEL", write.key)
                try await seed(write.key, as: other, ttl: withTTL, raw: raw)
                let dump = try await raw.raw("DUMP", write.key)
                let pttl = try #require(try await raw.integer("PTTL", write.key))

                let error = await #expect(throws: RedisSchemaError.self, "\(write.name) on a \(other)") {
                    try await write.write(app)
                }
                if let command = write.refusedBy {
                    guard case .commandFailed(let key, command, let serverError)? = error else {
                        Issue.record(
                            "\(write.name) on a \(other): expected \(command)'s WRONGTYPE, got \(String(describing: error))"
                        )
                        continue
                    }
                    #expect(key == write.key && serverError.code == "WRONGTYPE", "\(write.name) on a \(other)")
                } else {
                    #expect(
                        error == .wrongType(key: write.key, expected: write.type, actual: other),
                        "\(write.name) on a \(other): \(String(describing: error))")
                    let message = error?.description ?? ""
                    #expect(message.contains(write.key) && message.contains(other.displayName))
                }

                #expect(try await raw.raw("DUMP", write.key) == dump, "\(write.name) changed the \(other)'s value")
                let after = try #require(try await raw.integer("PTTL", write.key))
                if withTTL {
                    #expect(after <= pttl && after > pttl - 5_000, "\(write.name) changed the TTL: \(pttl) → \(after)")
                } else {
                    #expect(after == -1, "\(write.name) gave another service's permanent \(other) a TTL of \(after)")
                }
            }
        }
    }

    @Test(arguments: protocols)
    func everyWriteStillWorksOnAMissingKeyAndOnItsOwnType(_ version: RedisProtocolVersion) async throws {
        try await LiveServer.withEmptyDatabase(version) { app, raw in
            for write in try GuardedWriteCase.all() {
                try await raw.raw("DEL", write.key)
                try await write.write(app)
                try await write.write(app)
                if write.keepsKey {
                    #expect(try await raw.text("TYPE", write.key) == write.type.rawValue, "\(write.name)")
                } else {
                    #expect(try await raw.integer("EXISTS", write.key) == 0, "\(write.name)")
                }
            }
            // `delete` of a key of its own type deletes it, and says whether it existed.
            let flash = try UXKeys.Flash(sid: "gone")
            try await flash.set("v", on: app)
            #expect(try await flash.delete(on: app))
            #expect(try await !flash.delete(on: app))
            #expect(try await raw.integer("EXISTS", flash.key) == 0)
        }
    }

    @Test func theScriptsHashIsTheServersAndNoscriptFallsBackToEval() async throws {
        try await LiveServer.withEmptyDatabase(.resp3) { app, raw in
            let loaded = try await raw.text("SCRIPT", "LOAD", RedisGuardedWrite.scriptSource)
            #expect(loaded == RedisGuardedWrite.scriptSHA1)

            try await raw.raw("SCRIPT", "FLUSH")
            #expect(try await raw.texts("SCRIPT", "EXISTS", RedisGuardedWrite.scriptSHA1) == ["0"])
            let rage = try UXKeys.Rage(sid: "noscript", element: "e")
            #expect(try await rage.increment(by: 2, on: app) == 2)
            #expect(try await raw.texts("SCRIPT", "EXISTS", RedisGuardedWrite.scriptSHA1) == ["1"], "EVAL cached it")
            #expect(try await rage.increment(by: 3, on: app) == 5)
            let pttl = try #require(try await raw.integer("PTTL", rage.key))
            #expect(pttl > 0 && pttl <= 300_000)
        }
    }

    @Test(arguments: protocols)
    func writesReturnTheSameTypedResultsThroughTheScript(_ version: RedisProtocolVersion) async throws {
        try await LiveServer.withEmptyDatabase(version) { app, raw in
            let rage = try UXKeys.Rage(sid: "r", element: "e")
            #expect(try await rage.increment(by: 4, on: app) == 4)
            let latency = try UXKeys.Latency(api: "r")
            #expect(try await latency.push(1, on: app) == 1)
            #expect(try await latency.append(2, on: app) == 2)
            let tags = try UXKeys.Tags(sid: "r")
            #expect(try await tags.add("a", on: app))
            #expect(try await !tags.add("a", on: app))
            let ranking = try UXKeys.Ranking(board: "r")
            #expect(try await ranking.add(sku: "a", score: 1, on: app))
            #expect(try await !ranking.add(sku: "a", score: 2, on: app))
            let grid = try UXKeys.Grid(name: "r")
            #expect(try await grid.increment(x: 1, y: 1, by: 2, on: app) == 2)
            #expect(try await grid.increment(label: "a", by: 0.25, on: app) == 0.25)
            #expect(try await grid.increment(label: "a", by: 0.5, on: app) == 0.75)
            let clicks = try UXKeys.Clicks(sid: "r")
            let id = try await clicks.add(.init(kind: "k", at: Date(), note: "n"), on: app)
            #expect(try await clicks.range(on: app).map(\.id) == [id])
            let profile = try UXKeys.Profile(id: 2)
            try await profile.set(.init(name: "Ada", nickname: "a", visits: 1), on: app)
            try await profile.set(.init(name: "Ada", nickname: nil, visits: 2), on: app)
            #expect(try await profile.get(on: app) == .init(name: "Ada", nickname: nil, visits: 2))
            try await expectSchemaShape(profile, after: "set", raw: raw)
        }
    }

    @Test func aCommandThatFailsInsideTheScriptStopsItBeforeTheTTL() async throws {
        try await LiveServer.withEmptyDatabase { app, raw in
            // A field of the right hash that holds no integer: HINCRBY fails, and its EXPIRE never runs.
            try await raw.raw("HSET", "grid:bad", "1_2", "many")
            let refused = await #expect(throws: RedisSchemaError.self) {
                try await UXKeys.Grid(name: "bad").increment(x: 1, y: 2, by: 1, on: app)
            }
            guard case .commandFailed(let key, let command, let error) = refused else {
                Issue.record("expected commandFailed, got \(String(describing: refused))")
                return
            }
            #expect(key == "grid:bad" && command == "HINCRBY" && error.code == "ERR")
            #expect(try await raw.integer("PTTL", "grid:bad") == -1, "no TTL after a failed write")
            #expect(try await raw.text("HGET", "grid:bad", "1_2") == "many")
        }
    }
}
