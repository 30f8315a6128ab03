import Foundation
import RedisSchema
import RedisSchemaClient
import Testing

/// The operations generated from this target's redis-schema.yaml, run against a real redis-server, with
/// the keys checked by raw commands. The tests share database 9 and empty it, so they run one at a time.
@Suite(.serialized, .enabled(if: LiveServer.port != nil, LiveServer.skipMessage))
struct LiveRedisTests {
    static let protocols: [RedisProtocolVersion] = [.resp2, .resp3]

    /// Checks the key's type, and that its TTL is the schema's: set and at most the declared one, or absent
    /// for `ttl: none`.
    func expectSchemaShape<Key: RedisSchemaKey>(
        _ key: Key, after operation: String, raw: RedisConnection,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        #expect(
            try await raw.text("TYPE", key.key) == Key.redisType.rawValue, "TYPE \(key) after \(operation)",
            sourceLocation: sourceLocation)
        let pttl = try #require(try await raw.integer("PTTL", key.key), sourceLocation: sourceLocation)
        switch Key.ttl {
        case .none:
            #expect(
                pttl == -1, "PTTL \(key) is \(pttl) after \(operation); the schema says none",
                sourceLocation: sourceLocation)
        case .milliseconds(let declared):
            #expect(
                pttl > 0 && pttl <= declared,
                "PTTL \(key) is \(pttl) after \(operation); the schema says \(declared) ms",
                sourceLocation: sourceLocation)
        }
    }

    /// Removes the key's TTL, runs `write`, and checks that the write set it again: every write carries the
    /// TTL, not only the one that creates the key.
    func afterWrite<Key: RedisSchemaKey>(
        _ key: Key, _ operation: String, raw: RedisConnection, sourceLocation: SourceLocation = #_sourceLocation,
        _ write: () async throws -> Void
    ) async throws {
        if Key.ttl != .none { try await raw.raw("PERSIST", key.key) }
        try await write()
        try await expectSchemaShape(key, after: operation, raw: raw, sourceLocation: sourceLocation)
    }

    @Test(arguments: protocols)
    func everyWriteLeavesTheKeyWithItsTypeAndTTL(_ version: RedisProtocolVersion) async throws {
        try await LiveServer.withEmptyDatabase(version) { app, raw in
            let now = Date(timeIntervalSince1970: 1_765_534_920)
            let session = try UXKeys.Session(sid: "12345")
            try await afterWrite(session, "set", raw: raw) {
                try await session.set(.init(userId: "u-1", device: "Android", startedAt: now), on: app)
            }
            try await afterWrite(session, "set again", raw: raw) {
                try await session.set(.init(userId: "u-1", device: "iOS", startedAt: now), on: app)
            }
            let live = try UXKeys.SessionLive(sid: "12345")
            for write in 1...2 {
                try await afterWrite(live, "add #\(write)", raw: raw) {
                    try await live.add(.init(type: "click", x: 190, y: 240, ts: 1_700_000_000), on: app)
                }
            }
            let rage = try UXKeys.Rage(sid: "12345", element: "btn-login")
            for write in 1...2 {
                try await afterWrite(rage, "increment #\(write)", raw: raw) { try await rage.increment(on: app) }
            }
            let latency = try UXKeys.Latency(api: "/api/login")
            try await afterWrite(latency, "push", raw: raw) { try await latency.push(320, on: app) }
            try await afterWrite(latency, "append", raw: raw) { try await latency.append(410, on: app) }
            let score = try UXKeys.ExpScore(sid: "12345")
            for write in 1...2 {
                try await afterWrite(score, "set #\(write)", raw: raw) { try await score.set(78, on: app) }
            }
            let profile = try UXKeys.Profile(id: 7)
            try await afterWrite(profile, "set with every field", raw: raw) {
                try await profile.set(.init(name: "Ada", nickname: "ada", visits: 1), on: app)
            }
            try await afterWrite(profile, "set without the optional field", raw: raw) {
                try await profile.set(.init(name: "Ada", nickname: nil, visits: 2), on: app)
            }
            let grid = try UXKeys.Grid(name: "home")
            try await afterWrite(grid, "set(x:y:)", raw: raw) { try await grid.set(x: 1, y: 2, value: 3, on: app) }
            try await afterWrite(grid, "increment(x:y:)", raw: raw) { try await grid.increment(x: 1, y: 2, on: app) }
            try await afterWrite(grid, "set(label:)", raw: raw) { try await grid.set(label: "a", value: 0.5, on: app) }
            try await afterWrite(grid, "increment(label:)", raw: raw) {
                try await grid.increment(label: "a", by: 0.25, on: app)
            }
            let tags = try UXKeys.Tags(sid: "12345")
            for write in 1...2 {
                try await afterWrite(tags, "add #\(write)", raw: raw) { try await tags.add("tag\(write)", on: app) }
            }
            let ranking = try UXKeys.Ranking(board: "daily")
            for write in 1...2 {
                try await afterWrite(ranking, "add #\(write)", raw: raw) {
                    try await ranking.add(sku: "sku\(write)", score: 1.5, on: app)
                }
            }
            let clicks = try UXKeys.Clicks(sid: "12345")
            for write in 1...2 {
                try await afterWrite(clicks, "add #\(write)", raw: raw) {
                    try await clicks.add(.init(kind: "tap", at: now, note: nil), on: app)
                }
            }
            let flash = try UXKeys.Flash(sid: "12345")
            try await afterWrite(flash, "set", raw: raw) { try await flash.set("saved", on: app) }
            let recent = try UXKeys.Recent(sid: "12345")
            try await afterWrite(recent, "push", raw: raw) { try await recent.push(now, on: app) }
            try await afterWrite(recent, "append", raw: raw) { try await recent.append(now, on: app) }

            // Keys declared `ttl: none` never get one.
            let active = UXKeys.ActiveUsers()
            try await afterWrite(active, "add", raw: raw) {
                try await active.add(userId: "uuid123", score: 1_700_000_000, on: app)
            }
            let heatmap = try UXKeys.Heatmap(screen: "Home")
            try await afterWrite(heatmap, "increment", raw: raw) {
                try await heatmap.increment(x: 120, y: 330, by: 1, on: app)
            }
            try await afterWrite(heatmap, "set", raw: raw) { try await heatmap.set(x: 1, y: 1, value: 5, on: app) }
            let queue = UXKeys.ReplayQueue()
            try await afterWrite(queue, "push", raw: raw) { try await queue.push("chunk-1", on: app) }
            try await afterWrite(queue, "append", raw: raw) { try await queue.append("chunk-0", on: app) }

            #expect(try await raw.integer("DBSIZE") == 15)
        }
    }

    @Test func listsAndStreamsAreCappedAtTheirMaxLength() async throws {
        try await LiveServer.withEmptyDatabase { app, raw in
            let latency = try UXKeys.Latency(api: "/api/login")
            for milliseconds in 1...150 {
                try await latency.push(milliseconds, on: app)
            }
            #expect(try await raw.integer("LLEN", latency.key) == 100)
            #expect(try await latency.range(on: app) == Array((51...150).reversed()), "newest first")

            let tail = try UXKeys.Latency(api: "/api/tail")
            for milliseconds in 1...150 {
                try await tail.append(milliseconds, on: app)
            }
            #expect(try await raw.integer("LLEN", tail.key) == 100)
            #expect(try await tail.range(on: app) == Array(51...150), "append keeps the newest, at the tail")

            let recent = try UXKeys.Recent(sid: "1")
            for second in 0..<15 {
                try await recent.push(Date(timeIntervalSince1970: TimeInterval(second)), on: app)
            }
            #expect(try await recent.length(on: app) == 10)
            #expect(try await recent.range(on: app).first == Date(timeIntervalSince1970: 14))

            let clicks = try UXKeys.Clicks(sid: "1")
            var ids: [String] = []
            for second in 0..<8 {
                ids.append(
                    try await clicks.add(
                        .init(kind: "tap", at: Date(timeIntervalSince1970: TimeInterval(second)), note: "n\(second)"),
                        on: app))
            }
            #expect(try await raw.integer("XLEN", clicks.key) == 5)
            #expect(try await clicks.range(on: app).map(\.id) == Array(ids.suffix(5)), "the oldest entries go")
            try await expectSchemaShape(clicks, after: "8 adds", raw: raw)
        }
    }

    @Test func aValueThatWouldLeaveItsPatternIsRefusedBeforeAnythingIsSent() async throws {
        try await LiveServer.withEmptyDatabase { app, raw in
            let counting = CountingClient(app)
            // `live:1` would write into session:live:<sid>, the stream's keyspace.
            let refused = #expect(throws: RedisSchemaError.self) { try UXKeys.Session(sid: "live:1") }
            #expect(
                refused
                    == .invalidParam(
                        pattern: "session:<sid>", param: "sid", value: "live:1", violation: .containsSeparator(":")))
            #expect(throws: RedisSchemaError.self) { try UXKeys.Session(sid: "") }
            #expect(throws: RedisSchemaError.self) { try UXKeys.Rage(sid: "1", element: "a:b") }
            await #expect(throws: RedisSchemaError.self) {
                try await UXKeys.ActiveUsers().add(userId: "x:y", score: 1, on: counting)
            }
            await #expect(throws: RedisSchemaError.self) {
                try await UXKeys.Ranking(board: "b").add(sku: "", score: 1, on: counting)
            }
            await #expect(throws: RedisSchemaError.self) {
                try await UXKeys.Grid(name: "g").set(label: "", value: 1, on: counting)
            }
            await #expect(throws: RedisSchemaError.self) {
                try await UXKeys.Rage(sid: "1", element: "b").increment(by: -1, on: counting)
            }
            #expect(await counting.commandsSent == 0)
            #expect(try await raw.integer("DBSIZE") == 0)

            // What a placeholder may hold is stored as bytes: a CR LF cannot smuggle in a command.
            try await raw.raw("SET", "canary", "1")
            do {
                let tricky = try UXKeys.Flash(sid: "a\r\nFLUSHDB\r\n")
                try await tricky.set("x\r\nDEL canary\r\n", on: app)
                #expect(try await raw.text("GET", "flash:a\r\nFLUSHDB\r\n") == "x\r\nDEL canary\r\n")
            } catch is RedisSchemaError {
                // Refusing the value is fine too.
            }
            #expect(try await raw.integer("EXISTS", "canary") == 1)
        }
    }

    @Test(arguments: protocols)
    func storedValuesOfTheWrongShapeThrowTypedErrors(_ version: RedisProtocolVersion) async throws {
        try await LiveServer.withEmptyDatabase(version) { app, raw in
            try await raw.raw("HSET", "session:x", "userId", "u", "device", "d", "startedAt", "notadate")
            let dateError = await #expect(throws: RedisSchemaError.self) {
                try await UXKeys.Session(sid: "x").get(on: app)
            }
            #expect(
                dateError
                    == .wrongValueType(
                        key: "session:x", field: "startedAt", expected: "an ISO 8601 datetime", value: "notadate"))
            let message = dateError?.description ?? ""
            #expect(message.contains("session:x") && message.contains("startedAt") && message.contains("ISO 8601"))

            try await raw.raw("HSET", "session:partial", "userId", "u", "startedAt", "2025-12-12T10:22:00Z")
            #expect(
                await #expect(throws: RedisSchemaError.self) {
                    try await UXKeys.Session(sid: "partial").get(on: app)
                } == .missingField(key: "session:partial", field: "device"))

            try await raw.raw("XADD", "session:live:x", "*", "type", "click", "x", "left", "y", "1", "ts", "1")
            let streamError = await #expect(throws: RedisSchemaError.self) {
                try await UXKeys.SessionLive(sid: "x").range(on: app)
            }
            #expect(wrongValue(streamError, key: "session:live:x", field: "x"))

            try await raw.raw("SET", "exp_score:x", "high")
            #expect(
                wrongValue(
                    await #expect(throws: RedisSchemaError.self) {
                        try await UXKeys.ExpScore(sid: "x").get(on: app)
                    }, key: "exp_score:x", field: nil))

            try await raw.raw("LPUSH", "latency:/api/x", "fast")
            #expect(
                wrongValue(
                    await #expect(throws: RedisSchemaError.self) {
                        try await UXKeys.Latency(api: "/api/x").range(on: app)
                    }, key: "latency:/api/x", field: nil))

            try await raw.raw("HSET", "heatmap:x", "1_2", "many")
            #expect(
                wrongValue(
                    await #expect(throws: RedisSchemaError.self) {
                        try await UXKeys.Heatmap(screen: "x").get(x: 1, y: 2, on: app)
                    }, key: "heatmap:x", field: "1_2"))

            try await raw.raw("ZADD", "active_users", "1.5", "user:half")
            #expect(
                wrongValue(
                    await #expect(throws: RedisSchemaError.self) {
                        try await UXKeys.ActiveUsers().score(userId: "half", on: app)
                    }, key: "active_users", field: "score"))

            try await raw.raw("ZADD", "ranking:x", "1", "guest")
            let memberError = await #expect(throws: RedisSchemaError.self) {
                try await UXKeys.Ranking(board: "x").members(on: app)
            }
            #expect(memberError?.description.contains("ranking:x") == true)
            #expect(memberError?.description.contains("guest") == true)

            // A key of another Redis type: the server's WRONGTYPE, naming key and command.
            try await raw.raw("SET", "session:str", "text")
            let wrongType = await #expect(throws: RedisSchemaError.self) {
                try await UXKeys.Session(sid: "str").get(on: app)
            }
            guard case .commandFailed(let key, let command, let error) = wrongType else {
                Issue.record("expected commandFailed, got \(String(describing: wrongType))")
                return
            }
            #expect(key == "session:str" && command == "HGETALL" && error.code == "WRONGTYPE")
        }
    }

    @Test func countersOnlyIncrement() async throws {
        try await LiveServer.withEmptyDatabase { app, raw in
            let counting = CountingClient(app)
            let rage = try UXKeys.Rage(sid: "12345", element: "btn-login")
            #expect(try await rage.increment(on: counting) == 1)
            #expect(try await rage.increment(by: 4, on: counting) == 5)
            let sent = await counting.commandsSent
            let refused = await #expect(throws: RedisSchemaError.self) {
                try await rage.increment(by: -2, on: counting)
            }
            guard case .invalidArgument(let key, _) = refused else {
                Issue.record("expected invalidArgument, got \(String(describing: refused))")
                return
            }
            #expect(key == rage.key)
            #expect(await counting.commandsSent == sent, "a negative increment sends nothing")
            #expect(try await rage.increment(by: 0, on: counting) == 5)
            #expect(try await raw.text("GET", rage.key) == "5")
            #expect(try await rage.get(on: app) == 5)
            #expect(try await UXKeys.Rage(sid: "12345", element: "none").get(on: app) == 0)
        }
    }

    @Test func aWriteOnAKeyOfAnotherTypeIsThrownAsWrongType() async throws {
        try await LiveServer.withEmptyDatabase { app, raw in
            try await raw.raw("SET", "latency:/api/w", "not a list")
            let refused = await #expect(throws: RedisSchemaError.self) {
                try await UXKeys.Latency(api: "/api/w").push(1, on: app)
            }
            #expect(refused == .wrongType(key: "latency:/api/w", expected: .list, actual: .string))
            #expect(try await raw.text("GET", "latency:/api/w") == "not a list")
            #expect(try await raw.integer("PTTL", "latency:/api/w") == -1)

            try await raw.raw("SET", "session:h", "not a hash")
            let hset = await #expect(throws: RedisSchemaError.self) {
                try await UXKeys.Session(sid: "h").set(.init(userId: "u", device: "d", startedAt: Date()), on: app)
            }
            #expect(
                hset?.description
                    == "`session:h` holds a STRING, but the schema declares a HASH, so the write changed nothing; "
                    + "another writer uses this key: rename one of the patterns or delete the key")
        }
    }

    @Test func aCommandRefusedWhileQueuedRunsNothingOfTheTransaction() async throws {
        try await LiveServer.withEmptyDatabase { app, raw in
            // INCR without its key is refused when queued, so EXEC aborts: the SET before it never runs.
            let refused = await #expect(throws: RedisSchemaError.self) {
                try await RedisTransaction.execute(
                    [RedisCommand("SET", "flash:t", "v"), RedisCommand("INCR")], key: "flash:t", on: app)
            }
            guard case .commandFailed(_, let command, let error) = refused else {
                Issue.record("expected commandFailed, got \(String(describing: refused))")
                return
            }
            #expect(command == "INCR" && error.code == "ERR")
            let exists = try await raw.integer("EXISTS", "flash:t")
            #expect(exists == 0)
        }
    }

    @Test func concurrentWritesOnOneConnectionKeepTheirTransactionsApart() async throws {
        try await LiveServer.withEmptyDatabase { app, raw in
            let latency = try UXKeys.Latency(api: "/api/busy")
            let rage = try UXKeys.Rage(sid: "busy", element: "b")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for value in 0..<200 {
                    group.addTask {
                        try await latency.push(value, on: app)
                        try await rage.increment(on: app)
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await raw.integer("LLEN", latency.key) == 100)
            #expect(try await rage.get(on: app) == 200)
            try await expectSchemaShape(latency, after: "200 concurrent pushes", raw: raw)
            try await expectSchemaShape(rage, after: "200 concurrent increments", raw: raw)
        }
    }

    @Test(arguments: protocols)
    func typedValuesRoundTrip(_ version: RedisProtocolVersion) async throws {
        try await LiveServer.withEmptyDatabase(version) { app, raw in
            let now = Date(timeIntervalSince1970: 1_765_534_920.25)
            let session = try UXKeys.Session(sid: "12345")
            try await session.set(.init(userId: "u-1", device: "Android", startedAt: now), on: app)
            #expect(try await session.get(on: app) == .init(userId: "u-1", device: "Android", startedAt: now))
            #expect(try await UXKeys.Session(sid: "gone").get(on: app) == nil)
            #expect(try await session.exists(on: app))
            if case .milliseconds(let left) = try await session.ttl(on: app) {
                #expect(left > 0 && left <= 3_600_000)
            } else {
                Issue.record("session has no TTL")
            }

            let live = try UXKeys.SessionLive(sid: "12345")
            let first = try await live.add(.init(type: "click", x: 190, y: 240, ts: 1_700_000_000), on: app)
            let second = try await live.add(.init(type: "scroll", x: -1, y: 0, ts: 1_700_000_001), on: app)
            #expect(try await live.range(on: app).map(\.id) == [first, second])
            #expect(try await live.read(after: first, on: app).map(\.fields.type) == ["scroll"])
            #expect(try await live.read(after: second, on: app).isEmpty)
            #expect(try await live.length(on: app) == 2)

            let active = UXKeys.ActiveUsers()
            try await active.add(userId: "uuid123", score: 1_700_000_000, on: app)
            try await active.add(userId: "uuid456", score: 1_700_000_060, on: app)
            #expect(try await active.score(userId: "uuid123", on: app) == 1_700_000_000)
            #expect(try await active.score(userId: "nobody", on: app) == nil)
            #expect(try await active.members(on: app).map(\.userId) == ["uuid123", "uuid456"])
            let recent = try await active.range(minScore: 1_700_000_030, maxScore: .max, on: app)
            #expect(recent.map(\.member.userId) == ["uuid456"] && recent.map(\.score) == [1_700_000_060])
            #expect(try await active.range(on: app).map(\.score) == [1_700_000_000, 1_700_000_060])

            let ranking = try UXKeys.Ranking(board: "daily")
            try await ranking.add(sku: "a", score: 2.5, on: app)
            #expect(try await ranking.score(sku: "a", on: app) == 2.5)
            #expect(try await ranking.range(on: app).map(\.member.sku) == ["a"])

            let tags = try UXKeys.Tags(sid: "12345")
            #expect(try await tags.add("mobile", on: app))
            #expect(try await !tags.add("mobile", on: app))
            #expect(try await tags.contains("mobile", on: app))
            #expect(try await tags.members(on: app) == ["mobile"])

            let profile = try UXKeys.Profile(id: 7)
            try await profile.set(.init(name: "Ada", nickname: "ada", visits: 1), on: app)
            try await profile.set(.init(name: "Ada", nickname: nil, visits: 2), on: app)
            #expect(try await profile.get(on: app) == .init(name: "Ada", nickname: nil, visits: 2))
            #expect(try await raw.integer("HEXISTS", profile.key, "nickname") == 0, "nil removes the field")

            let grid = try UXKeys.Grid(name: "home")
            #expect(try await grid.increment(x: 1, y: 2, by: 3, on: app) == 3)
            #expect(try await grid.get(x: 1, y: 2, on: app) == 3)
            #expect(try await grid.increment(label: "w", by: 0.5, on: app) == 0.5)
            #expect(try await grid.get(label: "w", on: app) == 0.5)
            #expect(try await raw.texts("HKEYS", grid.key).sorted() == ["1_2", "ww"])

            try await UXKeys.ExpScore(sid: "1").set(78.5, on: app)
            #expect(try await UXKeys.ExpScore(sid: "1").get(on: app) == 78.5)
            try await UXKeys.Flash(sid: "1").set("saved", on: app)
            #expect(try await UXKeys.Flash(sid: "1").get(on: app) == "saved")

            let queue = UXKeys.ReplayQueue()
            try await queue.push("chunk-1", on: app)
            try await queue.push("chunk-2", on: app)
            #expect(try await queue.popLast(on: app) == "chunk-1", "a queue: newest at the head, oldest out first")
            #expect(try await queue.popFirst(on: app) == "chunk-2")
            #expect(try await queue.popFirst(on: app) == nil)
        }
    }
}

/// Whether `error` is `wrongValueType` for `key` and `field`.
private func wrongValue(_ error: RedisSchemaError?, key: String, field: String?) -> Bool {
    guard case .wrongValueType(let errorKey, let errorField, _, _) = error else { return false }
    return errorKey == key && errorField == field
}
