import Foundation
import RedisSchema

/// Points per worker and week, `leaderboard:week:<week>`: a sorted set of `worker:<workerId>` members scored by
/// points, kept 35 days after its last write so last month's weeks can still be shown.
///
/// Finished jobs add to a score (`ZINCRBY`), and places count from the top (`ZREVRANK`), in
/// `Leaderboard+Award.swift`. What is here sets and reads points.
public struct Leaderboard<Client: RedisClientProtocol>: Sendable {
    /// One week, the span of one board.
    static var weekSeconds: Int { 7 * 24 * 3600 }

    /// The connection every operation uses.
    public let redis: Client

    public init(redis: Client) {
        self.redis = redis
    }

    /// The number of the week that contains `date`: whole weeks since the Unix epoch (weeks start on
    /// Thursday 00:00 UTC, as the epoch did). The same for every server, whatever its time zone.
    public static func week(containing date: Date) -> Int {
        Int((date.timeIntervalSince1970 / Double(weekSeconds)).rounded(.down))
    }

    /// Sets `workerId`'s points for `week` (`ZADD`, and `EXPIRE` 35 days in the same atomic call), replacing any
    /// earlier score: for corrections and imports; finished jobs add to the score instead.
    ///
    /// - Throws: `RedisSchemaError.invalidParam` for a worker ID that could not be part of the member.
    public func setPoints(_ points: Int, for workerId: String, week: Int) async throws {
        try await JobKeys.Leaderboard(week: week).add(workerId: workerId, score: points, on: redis)
    }

    /// `workerId`'s points for `week` (`ZSCORE`), or `nil` when the worker has none that week.
    public func points(of workerId: String, week: Int) async throws -> Int? {
        try await JobKeys.Leaderboard(week: week).score(workerId: workerId, on: redis)
    }

    /// The `count` workers with the most points in `week`, most first, ties by worker ID descending, as
    /// `ZREVRANGE` orders them (`ZRANGE key 0 <count-1> REV WITHSCORES`).
    public func top(_ count: Int, week: Int) async throws -> [LeaderboardEntry] {
        // `through: -1` would be the whole board: a count of 0 asks for nothing.
        guard count > 0 else { return [] }
        let board = try JobKeys.Leaderboard(week: week)
        return try await board.range(from: 0, through: count - 1, order: .descending, on: redis).map {
            LeaderboardEntry(workerId: $0.member.workerId, points: $0.score)
        }
    }

    /// How many workers have points in `week` (`ZCARD`).
    public func workerCount(week: Int) async throws -> Int {
        try await JobKeys.Leaderboard(week: week).length(on: redis)
    }
}

/// One line of a leaderboard.
public struct LeaderboardEntry: Sendable, Hashable {
    /// The worker, as its `worker:<workerId>` member names it.
    public var workerId: String
    /// The worker's points that week.
    public var points: Int

    public init(workerId: String, points: Int) {
        self.workerId = workerId
        self.points = points
    }
}
