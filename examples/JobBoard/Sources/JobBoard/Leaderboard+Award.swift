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
        try JobKeys.Leaderboard(week: week).increment(workerId: workerId, by: points)
    }

    /// Sets the points of several workers for `week` in one command (`ZADD key p1 worker:w1 p2 worker:w2 …`, and
    /// `EXPIRE` 35 days, type-guarded): for imports; returns how many workers were new.
    @discardableResult
    public func setPoints(_ entries: [LeaderboardEntry], week: Int) async throws -> Int {
        guard !entries.isEmpty else { return 0 }
        let members = try entries.map {
            (member: try JobKeys.Leaderboard.Member(workerId: $0.workerId), score: $0.points)
        }
        return try await JobKeys.Leaderboard(week: week).add(contentsOf: members, on: redis)
    }

    /// Up to `limit` workers with at least `points` in `week`, most points first
    /// (`ZRANGE key +inf <points> BYSCORE REV LIMIT 0 <limit> WITHSCORES`).
    public func workers(withAtLeast points: Int, week: Int, limit: Int) async throws -> [LeaderboardEntry] {
        try await JobKeys.Leaderboard(week: week).range(
            minScore: points, order: .descending, count: limit, on: redis
        ).map { LeaderboardEntry(workerId: $0.member.workerId, points: $0.score) }
    }

    /// `workerId`'s place in `week`, 1 for the most points (`ZREVRANK`, plus one), or `nil` without points.
    public func place(of workerId: String, week: Int) async throws -> Int? {
        try await JobKeys.Leaderboard(week: week).rank(workerId: workerId, order: .descending, on: redis).map { $0 + 1 }
    }
}
