import Foundation
import JobBoard
import RedisSchema
import RedisSchemaClient
import Testing

private let week = 2810
private let key = "leaderboard:week:2810"

@Suite(.serialized, .enabled(if: LiveServer.port != nil, LiveServer.skipMessage))
struct LeaderboardTests {
    @Test func weeksAreWholeWeeksSinceTheEpoch() {
        typealias Board = Leaderboard<RedisConnection>
        #expect(Board.week(containing: Date(timeIntervalSince1970: 0)) == 0)
        #expect(Board.week(containing: Date(timeIntervalSince1970: 604_799)) == 0)
        #expect(Board.week(containing: Date(timeIntervalSince1970: 604_800)) == 1)
        #expect(Board.week(containing: Date(timeIntervalSince1970: 1_700_000_000)) == week)
    }

    @Test func topIsMostPointsFirstInTheOrderOfZREVRANGE() async throws {
        try await LiveServer.withEmptyDatabase(.leaderboard) { app, raw async throws in
            let board = Leaderboard(redis: app)
            for (worker, points) in [("ana", 30), ("ben", 45), ("cy", 12), ("dee", 45)] {
                try await board.setPoints(points, for: worker, week: week)
            }
            let top = try await board.top(3, week: week)
            #expect(
                top == [
                    LeaderboardEntry(workerId: "dee", points: 45), LeaderboardEntry(workerId: "ben", points: 45),
                    LeaderboardEntry(workerId: "ana", points: 30),
                ])
            // The reference: what ZREVRANGE answers, ties (ben and dee) included.
            let reference = try await raw.texts("ZREVRANGE", key, 0, 2, "WITHSCORES")
            #expect(top.flatMap { ["worker:\($0.workerId)", "\($0.points)"] } == reference)

            #expect(try await board.top(10, week: week).map(\.workerId) == ["dee", "ben", "ana", "cy"])
            #expect(try await board.top(0, week: week).isEmpty)
            #expect(try await board.top(3, week: week + 1).isEmpty)
        }
    }

    @Test func pointsAreSetPerWorkerAndWeekAndKeptAMonth() async throws {
        try await LiveServer.withEmptyDatabase(.leaderboard) { app, raw async throws in
            let board = Leaderboard(redis: app)
            try await board.setPoints(30, for: "ana", week: week)
            try await board.setPoints(31, for: "ana", week: week)
            #expect(try await board.points(of: "ana", week: week) == 31)
            #expect(try await board.points(of: "ben", week: week) == nil)
            #expect(try await board.points(of: "ana", week: week - 1) == nil)
            #expect(try await board.workerCount(week: week) == 1)

            #expect(try await raw.texts("ZRANGE", key, 0, -1, "WITHSCORES") == ["worker:ana", "31"])
            let pttl = try await raw.pttl(key)
            #expect(pttl > 0 && pttl <= 35 * 86_400_000, "PTTL \(key) is \(pttl)")
        }
    }

    @Test func aWorkerIDThatWouldLeaveTheMemberPatternIsRefused() async throws {
        try await LiveServer.withEmptyDatabase(.leaderboard) { app, raw async throws in
            let board = Leaderboard(redis: app)
            await #expect(throws: RedisSchemaError.self) { try await board.setPoints(1, for: "a:b", week: week) }
            #expect(try await raw.integer("DBSIZE") == 0)
        }
    }
}
