import Foundation
import RedisSchema
import RedisSchemaClient
import Testing

/// Every sorted-set operation, on plain members (`Leaderboard`: strings, int scores), patterned ones with float
/// scores (`Ranking`, `item:<sku>`) and with timestamp scores and no TTL (`ActiveUsers`, `user:<userId>`),
/// against a real server. Part of the serialized `LiveRedisTests` suite, as they share its database.
extension LiveRedisTests {
    @Test(arguments: protocols)
    func sortedSetOperationsOnPlainMembers(_ version: RedisProtocolVersion) async throws {
        try await LiveServer.withEmptyDatabase(version) { app, raw in
            let board = try UXKeys.Leaderboard(game: .chess)
            try await afterWrite(board, "add(contentsOf:)", raw: raw) {
                let added = try await board.add(
                    contentsOf: [("alice", 30), ("bob", 10), ("carol", 20), ("dan", 40)], on: app)
                #expect(added == 4)
            }
            try await afterWrite(board, "add(contentsOf:) again", raw: raw) {
                let result = try await board.add(contentsOf: [(member: "dan", score: 5), ("erin", 50)], on: app)
                #expect(result == 1)
            }
            try await afterWrite(board, "increment", raw: raw) {
                let result = try await board.increment("bob", by: 25, on: app)
                #expect(result == 35)
            }
            #expect(try await board.increment("erin", by: -45, on: app) == 5, "a negative amount subtracts")
            #expect(
                try await raw.texts("ZRANGE", board.key, 0, -1, "WITHSCORES") == [
                    "dan", "5", "erin", "5", "carol", "20", "alice", "30", "bob", "35",
                ])

            // Top three, highest first; ranks both ways.
            let top = try await board.range(from: 0, through: 2, order: .descending, on: app)
            #expect(top.map(\.member) == ["bob", "alice", "carol"] && top.map(\.score) == [35, 30, 20])
            #expect(try await board.range(on: app).map(\.member) == ["dan", "erin", "carol", "alice", "bob"])
            #expect(try await board.range(from: -2, on: app).map(\.member) == ["alice", "bob"])
            #expect(try await board.rank(of: "bob", on: app) == 4)
            #expect(try await board.rank(of: "bob", order: .descending, on: app) == 0)
            #expect(try await board.rank(of: "dan", order: .ascending, on: app) == 0)
            #expect(try await board.rank(of: "nobody", on: app) == nil)
            #expect(try await board.rank(of: "nobody", order: .descending, on: app) == nil)
            #expect(try await board.score("carol", on: app) == 20)

            // By score: bounds, unbounded ends, REV (the bounds swap on the wire), LIMIT.
            #expect(try await board.range(minScore: 20, maxScore: 30, on: app).map(\.member) == ["carol", "alice"])
            #expect(
                try await board.range(minScore: 20, maxScore: 30, order: .descending, on: app).map(\.member) == [
                    "alice", "carol",
                ])
            #expect(try await board.range(minScore: 21, on: app).map(\.member) == ["alice", "bob"])
            #expect(try await board.range(maxScore: 5, on: app).map(\.member) == ["dan", "erin"])
            #expect(
                try await board.range(maxScore: 20, order: .descending, on: app).map(\.member) == [
                    "carol", "erin", "dan",
                ])
            let everything = try await board.range(minScore: nil, maxScore: nil, on: app)
            #expect(everything.count == 5)
            #expect(
                try await board.range(order: .descending, on: app).map(\.member) == [
                    "bob", "alice", "carol", "erin", "dan",
                ], "without bounds, offset or count: the rank range")
            #expect(
                try await board.range(order: .descending, offset: 1, count: 2, on: app).map(\.member) == [
                    "alice", "carol",
                ], "with an offset or count: the whole score range")
            #expect(
                try await board.range(minScore: 0, offset: 3, on: app).map(\.member) == ["alice", "bob"],
                "an offset without a count skips and returns the rest")
            #expect(try await board.range(minScore: 0, offset: 9, count: 2, on: app).isEmpty)
            #expect(try await board.range(minScore: 100, on: app).isEmpty)

            // Removals: several members, by rank, by score.
            #expect(try await board.remove(contentsOf: ["dan", "nobody"], on: app) == 1)
            #expect(try await board.remove("erin", on: app))
            #expect(try await board.removeRange(from: -1, through: -1, on: app) == 1, "the highest: bob")
            #expect(try await board.members(on: app) == ["carol", "alice"])
            #expect(try await board.removeRange(minScore: 0, maxScore: 25, on: app) == 1)
            #expect(try await board.removeRange(from: 0, through: -1, on: app) == 1)
            #expect(try await board.length(on: app) == 0)
            #expect(try await raw.integer("EXISTS", board.key) == 0)
        }
    }

    @Test(arguments: protocols)
    func incrementOnANewMemberCreatesTheKeyWithItsTTL(_ version: RedisProtocolVersion) async throws {
        try await LiveServer.withEmptyDatabase(version) { app, raw in
            let board = try UXKeys.Leaderboard(game: .ticTacToe)
            #expect(try await board.increment("first", by: 3, on: app) == 3)
            try await expectSchemaShape(board, after: "increment on a missing key", raw: raw)
            #expect(try await raw.texts("ZRANGE", board.key, 0, -1, "WITHSCORES") == ["first", "3"])

            let ranking = try UXKeys.Ranking(board: "new")
            #expect(try await ranking.increment(sku: "a", by: 0.25, on: app) == 0.25)
            try await expectSchemaShape(ranking, after: "increment(sku:by:) on a missing key", raw: raw)
        }
    }

    @Test(arguments: protocols)
    func sortedSetOperationsOnPatternedMembers(_ version: RedisProtocolVersion) async throws {
        try await LiveServer.withEmptyDatabase(version) { app, raw in
            let ranking = try UXKeys.Ranking(board: "daily")
            let (a, b, c) = (
                try UXKeys.Ranking.Member(sku: "a"), try UXKeys.Ranking.Member(sku: "b"),
                try UXKeys.Ranking.Member(sku: "c")
            )
            try await afterWrite(ranking, "add(contentsOf:)", raw: raw) {
                let result = try await ranking.add(contentsOf: [(a, 1.5), (b, 0.5), (c, 2.75)], on: app)
                #expect(result == 3)
            }
            try await afterWrite(ranking, "increment(sku:by:)", raw: raw) {
                let result = try await ranking.increment(sku: "b", by: 1.5, on: app)
                #expect(result == 2.0)
            }
            try await afterWrite(ranking, "increment(_:by:)", raw: raw) {
                let result = try await ranking.increment(a, by: -0.25, on: app)
                #expect(result == 1.25)
            }
            #expect(try await raw.texts("ZRANGE", ranking.key, 0, -1) == ["item:a", "item:b", "item:c"])
            #expect(try await ranking.rank(sku: "c", on: app) == 2)
            #expect(try await ranking.rank(sku: "c", order: .descending, on: app) == 0)
            #expect(try await ranking.rank(of: a, order: .descending, on: app) == 2)
            #expect(try await ranking.rank(sku: "zz", on: app) == nil)
            let top = try await ranking.range(from: 0, through: 0, order: .descending, on: app)
            #expect(top.map(\.member.sku) == ["c"] && top.map(\.score) == [2.75])
            #expect(try await ranking.range(minScore: 1.25, maxScore: 2.0, on: app).map(\.member.sku) == ["a", "b"])
            #expect(
                try await ranking.range(minScore: 1.3, order: .descending, on: app).map(\.member.sku) == ["c", "b"])
            #expect(try await ranking.range(maxScore: 1.25, on: app).map(\.score) == [1.25])
            #expect(try await ranking.remove(contentsOf: [a, b], on: app) == 2)
            #expect(try await ranking.removeRange(from: 0, through: 0, on: app) == 1)
            #expect(try await ranking.members(on: app).isEmpty)

            // Timestamp scores, patterned members, no TTL.
            let active = UXKeys.ActiveUsers()
            try await afterWrite(active, "add(contentsOf:)", raw: raw) {
                let users = try ["u1", "u2", "u3"].map { try UXKeys.ActiveUsers.Member(userId: $0) }
                let added = try await active.add(
                    contentsOf: zip(users, [1_700_000_000, 1_700_000_060, 1_700_000_120]).map { ($0, $1) }, on: app)
                #expect(added == 3)
            }
            try await afterWrite(active, "increment(userId:by:)", raw: raw) {
                let result = try await active.increment(userId: "u1", by: 300, on: app)
                #expect(result == 1_700_000_300)
            }
            #expect(try await active.rank(userId: "u1", order: .descending, on: app) == 0)
            let recent = try await active.range(minScore: 1_700_000_060, order: .descending, count: 2, on: app)
            #expect(recent.map(\.member.userId) == ["u1", "u3"])
            #expect(try await active.removeRange(minScore: 0, maxScore: 1_700_000_150, on: app) == 2)
            #expect(try await active.members(on: app).map(\.userId) == ["u1"])
        }
    }

    @Test func sortedSetArgumentsRedisWouldRefuseAreRefusedBeforeAnythingIsSent() async throws {
        try await LiveServer.withEmptyDatabase { app, raw in
            let counting = CountingClient(app)
            let board = try UXKeys.Leaderboard(game: .chess)
            for (name, operation) in [
                ("add", { try await board.add(contentsOf: [], on: counting) }),
                ("remove", { try await board.remove(contentsOf: [], on: counting) }),
                ("offset", { _ = try await board.range(minScore: 0, offset: -1, on: counting) }),
                ("count", { _ = try await board.range(maxScore: 0, count: -1, on: counting) }),
                ("too many", { try await board.add(contentsOf: (0..<3_998).map { ("m\($0)", $0) }, on: counting) }),
            ] as [(String, () async throws -> Void)] {
                let error = await #expect(throws: RedisSchemaError.self, "\(name)") { try await operation() }
                guard case .invalidArgument(let key, _)? = error else {
                    Issue.record("\(name): \(String(describing: error))")
                    continue
                }
                #expect(key == board.key)
            }
            #expect(await counting.commandsSent == 0)
            #expect(try await raw.integer("DBSIZE") == 0)
            let most: [(member: String, score: Int)] = (0..<3_997).map { ("m\($0)", $0) }
            #expect(try await board.add(contentsOf: most, on: app) == 3_997, "the most one write takes")
        }
    }

    @Test func sortedSetOperationsRunInBatches() async throws {
        try await LiveServer.withEmptyDatabase { app, _ in
            let board = try UXKeys.Leaderboard(game: .chess)
            let (added, score, rank, top) = try await app.execute(
                board.add(contentsOf: [("alice", 3), ("bob", 1)]),
                board.increment("bob", by: 5),
                board.rank(of: "alice", order: .descending),
                board.range(from: 0, through: 0, order: .descending))
            #expect(added == 2 && score == 6 && rank == 1 && top.map(\.member) == ["bob"])
            let tags = try UXKeys.Tags(sid: "batch")
            let (new, each, page) = try await app.transaction(
                tags.add(contentsOf: ["a", "b"]), tags.contains(each: ["a", "c"]), tags.scan())
            #expect(new == 2 && each == [true, false] && page.elements.sorted() == ["a", "b"])
        }
    }
}
