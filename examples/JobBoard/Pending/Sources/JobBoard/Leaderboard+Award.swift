import RedisSchema

extension Leaderboard {
    /// Adds `points` to `workerId`'s score for `week`: `ZINCRBY` and `EXPIRE` 35 days in one type-guarded call, so
    /// concurrent awards add up (a read-modify-write with ``setPoints(_:for:week:)`` would lose some).
    ///
    /// - Returns: the worker's new total.
    @discardableResult
    public func award(_ points: Int, to workerId: String, week: Int) async throws -> Int {
        try await redis.execute(awardOperation(points, to: workerId, week: week))
    }

    /// ``award(_:to:week:)`` as an operation, for a batch.
    func awardOperation(_ points: Int, to workerId: String, week: Int) throws -> RedisOperation<Int> {
        try JobKeys.Leaderboard(week: week).increment(JobKeys.Leaderboard.Member(workerId: workerId), by: points)
    }

    /// `workerId`'s place in `week`, 1 for the most points (`ZREVRANK`, plus one), or `nil` without points.
    public func place(of workerId: String, week: Int) async throws -> Int? {
        let member = try JobKeys.Leaderboard.Member(workerId: workerId)
        return try await JobKeys.Leaderboard(week: week).rank(of: member, order: .descending, on: redis).map { $0 + 1 }
    }
}
