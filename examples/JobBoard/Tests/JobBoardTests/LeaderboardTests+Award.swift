import Foundation
import JobBoard
import RedisSchema
import RedisSchemaClient
import Testing

/// Part of ``LeaderboardTests``'s suite: its database, one test at a time.
extension LeaderboardTests {
    @Test func awardsAddUpAndPlacesCountFromTheTop() async throws {
        try await LiveServer.withEmptyDatabase(.leaderboard) { app, raw async throws in
            let board = Leaderboard(redis: app)
            #expect(try await board.award(10, to: "ana", week: 2810) == 10)
            #expect(try await board.award(5, to: "ana", week: 2810) == 15)
            #expect(try await board.award(20, to: "ben", week: 2810) == 20)
            #expect(try await board.place(of: "ben", week: 2810) == 1)
            #expect(try await board.place(of: "ana", week: 2810) == 2)
            #expect(try await board.place(of: "cy", week: 2810) == nil)
            #expect(try await raw.text("ZSCORE", "leaderboard:week:2810", "worker:ana") == "15")
            #expect(try await raw.pttl("leaderboard:week:2810") > 0, "ZINCRBY created the key with its TTL")
        }
    }
}

extension LeaderboardTests {
    @Test func manyWorkersAreSetInOneCommandAndFilteredByPoints() async throws {
        try await LiveServer.withEmptyDatabase(.leaderboard) { app, raw async throws in
            let board = Leaderboard(redis: app)
            let entries = [("ana", 30), ("ben", 45), ("cy", 12), ("dee", 45)].map {
                LeaderboardEntry(workerId: $0.0, points: $0.1)
            }
            #expect(try await board.setPoints(entries, week: 2810) == 4)
            #expect(try await board.setPoints([], week: 2810) == 0)
            #expect(
                try await board.workers(withAtLeast: 30, week: 2810, limit: 2)
                    == [LeaderboardEntry(workerId: "dee", points: 45), LeaderboardEntry(workerId: "ben", points: 45)])
            #expect(
                try await board.workers(withAtLeast: 30, week: 2810, limit: 10).map(\.workerId) == [
                    "dee", "ben", "ana",
                ])
            #expect(try await raw.pttl("leaderboard:week:2810") > 0)
        }
    }
}
